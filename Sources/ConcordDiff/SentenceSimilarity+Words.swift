extension SentenceSimilarity {
    /// A word of a normalized sentence, as Unicode scalars (so equality is scalar by scalar).
    typealias Word = [Unicode.Scalar]

    /// The suffixes light stemming strips, in the order they are tried.
    static let suffixes: [Word] = ["ing", "ed", "es", "ly", "s"].map { Array($0.unicodeScalars) }

    /// The words of `text` after normalization: each decimal number ("4.5", "1.2.3") is one word;
    /// otherwise a word is a maximal run of letters and digits. This is the regular expression
    /// `\d+(?:\.\d+)+|[^\W_]+` with Python's Unicode classes: "letters" are the general categories
    /// L*, "digits" any scalar with a numeric type, `\d` the decimal digits (Nd).
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func words(in text: String) -> [Word] {
        let scalars = normalized(text)
        var words: [Word] = []
        var start = 0
        while start < scalars.count {
            guard isWordScalar(scalars[start]) else {
                start += 1
                continue
            }
            var end = start + 1
            if let decimal = decimalEnd(in: scalars, from: start) {
                end = decimal
            } else {
                while end < scalars.count && isWordScalar(scalars[end]) { end += 1 }
            }
            words.append(Array(scalars[start..<end]))
            start = end
        }
        return words
    }

    /// Where a decimal number (`\d+(?:\.\d+)+`) that starts at `start` ends, or `nil` when none
    /// starts there.
    static func decimalEnd(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index < scalars.count && isDecimalDigit(scalars[index]) { index += 1 }
        guard index > start else { return nil }
        var end: Int?
        while index + 1 < scalars.count, scalars[index] == ".", isDecimalDigit(scalars[index + 1]) {
            index += 1
            while index < scalars.count && isDecimalDigit(scalars[index]) { index += 1 }
            end = index
        }
        return end
    }

    /// `word` without the first of ``suffixes`` it ends with that leaves at least three scalars;
    /// words of three scalars or fewer and words starting with a digit are kept whole.
    /// "ages" → "age" ("es" would leave two), "bring" → "bring", "1990s" → "1990s".
    static func stem(_ word: Word) -> Word {
        guard word.count > 3, !isDigit(word[0]) else { return word }
        for suffix in suffixes where word.count - suffix.count >= 3 && word.suffix(suffix.count).elementsEqual(suffix) {
            return Array(word.dropLast(suffix.count))
        }
        return word
    }

    /// Letters and digits: Python's `str.isalnum` (`[^\W_]`).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return scalar.properties.numericType != nil
        }
    }

    /// Decimal digits (Nd): Python's `\d` and `str.isdecimal`.
    static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("0"..."9").contains(scalar) : scalar.properties.generalCategory == .decimalNumber
    }

    /// Digits, including those that are not decimal such as Ethiopic numerals: Python's
    /// `str.isdigit`, which marks number words.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("0"..."9").contains(scalar) }
        let type = scalar.properties.numericType
        return type == .decimal || type == .digit
    }
}
