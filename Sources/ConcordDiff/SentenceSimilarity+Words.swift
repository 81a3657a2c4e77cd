extension SentenceSimilarity {
    /// A word of a normalized sentence, as Unicode scalars (so equality is scalar by scalar).
    typealias Word = [Unicode.Scalar]

    /// The suffixes light stemming strips, in the order they are tried.
    static let suffixes: [Word] = ["ing", "ed", "es", "ly", "s"].map { Array($0.unicodeScalars) }

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

    /// Digits, including those that are not decimal such as Ethiopic numerals (Python's
    /// `str.isdigit`): a word that starts with one is a number word.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("0"..."9").contains(scalar) }
        let type = scalar.properties.numericType
        return type == .decimal || type == .digit
    }
}
