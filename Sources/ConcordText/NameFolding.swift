/// Folds transliteration variants of Arabic and Persian names to one spelling: a consonant skeleton
/// in which letters that transliteration conventions disagree on are merged.
///
/// It works on normalized words (lowercase ASCII, from `WordNormalizer`). Applied to a word, in order:
/// 1. A glued article goes: "albukamal" → "bukamal" (al/el + consonant + vowel, six letters or more).
/// 2. Digraphs merge: dzh/dj/dz/zh → j, ph → f, ck → k, ch → sh, kh → x, gh → q, th → t, dh → d,
///    ou/oo → u, ee → i.
/// 3. Letter classes merge: v → w, p → b, c → k, k → q.
/// 4. A final h (taa marbuta, -ah, -eh) becomes the vowel a; doubled letters become single.
/// 5. Vowels go, except a final a-class vowel (Daraa vs Darayya keep apart by their consonants);
///    y and w stay as consonants at the start of a word or before a vowel.
///
/// Which words it applies to is the caller's choice (`NameFoldingScope`): in report text, only
/// capitalized words and words from non-Latin script, never English function words, because the
/// skeleton would merge ordinary English words ("later" and "letter").
public enum NameFolding {
    /// The folded form of a normalized word.
    ///
    /// - Complexity: O(*n*) in the word's length.
    public static func fold(_ word: String, fromNonLatinScript: Bool = false) -> String {
        var letters = Array(word.utf8)
        stripGluedArticle(&letters)
        for (pattern, replacement) in digraphs { replaceAll(&letters, pattern, replacement) }
        for index in letters.indices {
            switch letters[index] {
            case UInt8(ascii: "v"): letters[index] = UInt8(ascii: "w")
            case UInt8(ascii: "p"): letters[index] = UInt8(ascii: "b")
            case UInt8(ascii: "c"), UInt8(ascii: "k"): letters[index] = UInt8(ascii: "q")
            default: break
            }
        }
        if letters.count > 2, letters.last == UInt8(ascii: "h") {
            while letters.last == UInt8(ascii: "h") { letters.removeLast() }
            letters.append(UInt8(ascii: "a"))
        }
        letters = degeminated(letters)
        return String(decoding: skeleton(letters), as: UTF8.self)
    }

    /// Whether a normalized word is a name article: al, el, l, and the sun-letter forms as, ash,
    /// ad, ar, az, at, an, ez, es (and their doubled spellings).
    public static func isArticle(_ word: String) -> Bool {
        let bytes = Array(word.utf8)
        switch bytes.count {
        case 1: return bytes[0] == UInt8(ascii: "l")
        case 2, 3:
            guard isVowel(bytes[0]) else { return false }
            let rest = Array(bytes.dropFirst())
            if rest == [UInt8(ascii: "l")] { return true }
            return sunLetterRests.contains(rest)
        default: return false
        }
    }

    /// Articles that join the next word across a space when both are capitalized ("Al Mayadin").
    public static func isSpacedArticle(_ word: String) -> Bool { word == "al" || word == "el" }

    /// Whether the bytes between two words are a single hyphen (ASCII or U+2010/U+2011).
    public static func isHyphen(_ gap: UnsafeBufferPointer<UInt8>) -> Bool {
        if gap.count == 1 { return gap[0] == UInt8(ascii: "-") }
        return gap.count == 3 && gap[0] == 0xE2 && gap[1] == 0x80 && (gap[2] == 0x90 || gap[2] == 0x91)
    }

    /// English function words, which are never name-folded even when capitalized at a sentence start.
    public static func isFunctionWord(_ word: String) -> Bool { functionWords.contains(word) }

    // MARK: - Rules

    static let sunLetterRests: Set<[UInt8]> = Set(
        ["s", "sh", "d", "dh", "r", "z", "t", "th", "n", "ss", "dd", "rr", "zz", "tt", "nn"].map { Array($0.utf8) })

    /// Digraph rewrites, applied in this order over the whole word. Upper-case letters are
    /// placeholders that never occur in normalized words, so one rewrite cannot feed another.
    static let digraphs: [([UInt8], [UInt8])] = [
        ("dzh", "j"), ("dsch", "j"), ("tsch", "ch"), ("sch", "sh"), ("dj", "j"), ("dz", "j"), ("zh", "j"),
        ("ph", "f"), ("ck", "k"), ("ch", "sh"), ("kh", "X"), ("gh", "G"), ("sh", "S"), ("th", "T"),
        ("dh", "D"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
        ("X", "x"), ("G", "q"), ("S", "$"), ("T", "t"), ("D", "d"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return true
        default: return false
        }
    }

    static func isVowelOrGlide(_ byte: UInt8) -> Bool {
        isVowel(byte) || byte == UInt8(ascii: "y") || byte == UInt8(ascii: "w")
    }

    static func stripGluedArticle(_ letters: inout [UInt8]) {
        guard letters.count >= 6,
              letters[0] == UInt8(ascii: "a") || letters[0] == UInt8(ascii: "e"),
              letters[1] == UInt8(ascii: "l"), !isVowel(letters[2]), isVowel(letters[3]) else { return }
        letters.removeFirst(2)
    }

    static func replaceAll(_ letters: inout [UInt8], _ pattern: [UInt8], _ replacement: [UInt8]) {
        guard letters.count >= pattern.count else { return }
        var result: [UInt8] = []
        result.reserveCapacity(letters.count)
        var index = 0
        var changed = false
        while index < letters.count {
            if index + pattern.count <= letters.count, letters[index..<(index + pattern.count)].elementsEqual(pattern) {
                result.append(contentsOf: replacement)
                index += pattern.count
                changed = true
            } else {
                result.append(letters[index])
                index += 1
            }
        }
        if changed { letters = result }
    }

    static func degeminated(_ letters: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(letters.count)
        for letter in letters where result.last != letter { result.append(letter) }
        return result
    }

    /// Consonants (and consonantal y/w) in order, plus "a" when the word ends in an a-class vowel.
    static func skeleton(_ letters: [UInt8]) -> [UInt8] {
        var finalA = false
        if let lastConsonant = letters.lastIndex(where: { !isVowelOrGlide($0) }), lastConsonant + 1 < letters.count {
            let tail = letters[(lastConsonant + 1)...]
            let last = tail.last!
            finalA = last == UInt8(ascii: "a") || last == UInt8(ascii: "e")
        }
        var result: [UInt8] = []
        for index in letters.indices {
            let letter = letters[index]
            if isVowel(letter) { continue }
            if letter == UInt8(ascii: "y") || letter == UInt8(ascii: "w") {
                let consonantal = index == 0 || (index + 1 < letters.count && isVowel(letters[index + 1]))
                if !consonantal { continue }
            }
            result.append(letter)
        }
        if finalA && result.last != UInt8(ascii: "a") { result.append(UInt8(ascii: "a")) }
        return result
    }

    static let functionWords: Set<String> = [
        "a", "about", "above", "according", "across", "after", "again", "against", "ago", "all", "also",
        "although", "am", "among", "an", "and", "another", "any", "are", "around", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "during", "each", "earlier", "either", "even", "ever", "every", "few", "for",
        "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his",
        "how", "however", "i", "if", "in", "into", "is", "it", "its", "just", "last", "later", "least",
        "less", "many", "may", "me", "meanwhile", "might", "more", "most", "much", "must", "my", "near",
        "neither", "never", "new", "next", "no", "nor", "not", "now", "of", "off", "on", "once", "one",
        "only", "or", "other", "our", "out", "over", "own", "per", "since", "so", "some", "still", "such",
        "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
        "though", "through", "thus", "to", "too", "two", "under", "until", "up", "upon", "us", "very",
        "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose",
        "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yesterday", "today",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third",
        "said", "says", "say", "officials", "witnesses", "reports", "sources", "police", "residents",
    ]
}
