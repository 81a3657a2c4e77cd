/// Folds transliteration variants of Arabic, Persian and Kurdish names to one spelling: a consonant
/// skeleton in which the letters that transliteration conventions disagree on are merged.
///
/// It reads a word's `NormalizedWord.nameForm`: lowercase ASCII, where Arabic-script words still
/// carry the placeholders H, W, Y, and an apostrophe (ayn, hamza) between two vowels is the
/// syllable break Z. "Latin" below means a word written in Latin script. In order:
/// 1. Latin: j after a vowel and before another letter, or in a final -ija/-ije/-ijo, is the glide y
///    (Bejrut, Latakija).
/// 2. Glued article: a word of six letters or more starting with al/el + consonant (not H) + vowel
///    loses the al/el ("albukamal" → "bukamal").
/// 3. Only for a short one-word name (`Context.keepsDiphthong`): ai/ay/ei/ey before a consonant
///    keeps its y as a consonant (Hayt "hyt" vs Hit "ht"). Then the syllable break Z goes.
/// 4. Latin: "ou" before a, e or i is the glide w (Soueida → sweida).
/// 5. Digraphs, each over the whole word in this order (those marked L only for Latin words, since
///    ICU's Latin for Arabic never means them): dzh, dsch → j (L); tsch → ch (L); sch → sh (L);
///    dj, dz → j (L); zh → j; ph → f (L); ck → k (L); ch → sh; kh → h; gh → q; sh → $; th → t;
///    dh → d; ou, oo → u (L); ee → i (L). Latin: an h right after sh goes (Mashhad = Mashad).
///    The placeholder H becomes h.
/// 6. Glide: i before a, e, o or u becomes iy (Latakia → latakiya).
/// 7. Letter classes: v → w, p → b, c → k, k → q, g → j; mb → nb (Membij = Manbij).
/// 8. Latin words of six letters or more ending in vowel + "ne" lose the e (Mayadine).
/// 9. A final run of h in a word of three letters or more becomes the vowel a (taa marbuta, -ah,
///    -eh). Latin doubled letters become single (Arabic script writes no shadda, so two written
///    letters are two consonants); a mixed Yy or Ww run becomes the placeholder.
/// 10. Skeleton: vowels go. y and w are consonants at the start of a word, before a vowel, or before
///    a y/w that is itself a vowel; the placeholders W and Y are always consonants. In a one-word name,
///    a short u/o in a closed first syllable (CuCC: Busra vs Basra) is kept as "u".
/// 11. Final vowel class, for the last word of a name only: "a" when the word ends in a, e or ya,
///    "i" when it ends in i or y (Jableh "jbla" and Jbeil "jbl" stay apart).
///
/// Deir ez-Zor, Deir Ezzor, Dayr az-Zawr, Deir al-Zour and دير الزور all give "drzr".
///
/// Which words it applies to is the caller's choice (`NameFoldingScope`). In report text the fold
/// would wreck English ("later" and "letter" share a skeleton, church becomes "$ur$"), so the text
/// pipeline applies it only to words from non-Latin script and to capitalized words that are not
/// English function words and not at the start of a sentence (unless the next word is capitalized
/// too, as in "Deir Ezzor was shelled"). There each word is folded as part of a longer name.
package enum NameFolding {
    /// Where a word stands in the name it belongs to.
    package struct Context: Sendable, Equatable {
        /// The word ends the name, so its final vowel class is kept.
        package var isLast: Bool
        /// The name is this one word (the u mark of step 10 applies).
        package var isWholeName: Bool
        /// Step 3 applies: the name is one short Latin word.
        package var keepsDiphthong: Bool

        package init(isLast: Bool, isWholeName: Bool, keepsDiphthong: Bool = false) {
            self.isLast = isLast
            self.isWholeName = isWholeName
            self.keepsDiphthong = keepsDiphthong
        }

        /// A word of running text, folded as part of a longer name.
        package static let inText = Context(isLast: true, isWholeName: false)
    }

    /// A folded word and the number of consonants in its skeleton (before the u mark and suffix).
    package struct Folded: Sendable, Equatable {
        package var text: String
        package var consonantCount: Int
    }

    /// The folded form of a word.
    ///
    /// - Parameters:
    ///   - nameForm: the word's `NormalizedWord.nameForm`.
    ///   - arabicScript: the word was written in Arabic script.
    ///   - context: where the word stands in its name.
    /// - Complexity: O(*n*) in the word's length.
    package static func fold(_ nameForm: String, arabicScript: Bool, context: Context = .inText) -> Folded {
        var word = Array(nameForm.utf8)
        let latin = !arabicScript
        if latin { foldSlavicJ(&word) }
        stripGluedArticle(&word)
        if latin && context.keepsDiphthong { markDiphthongs(&word) }
        word.removeAll { $0 == syllableBreak }
        if latin { replaceFrenchGlide(&word) }
        for rule in digraphs where !(arabicScript && rule.latinOnly) {
            replaceAll(&word, rule.pattern, rule.replacement)
        }
        if latin { dropHAfterSH(&word) }
        for index in word.indices {
            switch word[index] {
            case placeholderKH: word[index] = h
            case placeholderGH: word[index] = UInt8(ascii: "q")
            case placeholderSH: word[index] = UInt8(ascii: "$")
            case placeholderTH: word[index] = UInt8(ascii: "t")
            case placeholderDH: word[index] = UInt8(ascii: "d")
            case upperH: word[index] = h
            default: break
            }
        }
        insertIGlides(&word)
        for index in word.indices {
            switch word[index] {
            case UInt8(ascii: "v"): word[index] = w
            case UInt8(ascii: "p"): word[index] = UInt8(ascii: "b")
            case UInt8(ascii: "c"), UInt8(ascii: "k"): word[index] = UInt8(ascii: "q")
            case UInt8(ascii: "g"): word[index] = UInt8(ascii: "j")
            default: break
            }
        }
        replaceAll(&word, Array("mb".utf8), Array("nb".utf8))
        if latin, word.count >= 6, word[word.count - 1] == UInt8(ascii: "e"),
           word[word.count - 2] == UInt8(ascii: "n"), isVowel(word[word.count - 3]) {
            word.removeLast()
        }
        if word.count > 2, word.last == h {
            while word.last == h { word.removeLast() }
            word.append(UInt8(ascii: "a"))
        }
        if latin { word = degeminated(word) }
        word = mergedGlidePlaceholders(word)
        let suffix = context.isLast ? finalVowelClass(word) : nil
        var (result, consonantCount) = skeleton(word, marksClosedU: context.isWholeName)
        if let suffix, result.last != suffix { result.append(suffix) }
        return Folded(text: String(decoding: result, as: UTF8.self), consonantCount: consonantCount)
    }

    /// Whether a normalized Latin word is a name article: al, el, il, ul, ol, l, or a vowel with a
    /// sun letter (as, ash, ad, ar, az, at, an, ez, …, doubled forms too).
    package static func isArticle(_ word: String) -> Bool {
        var copy = word
        return copy.withUTF8 { isArticle(UnsafeRawBufferPointer($0)) }
    }

    /// `isArticle` over the UTF-8 bytes of a word.
    @inline(__always)
    static func isArticle(_ bytes: UnsafeRawBufferPointer) -> Bool {
        switch bytes.count {
        case 1: return bytes[0] == l
        case 2: return isVowel(bytes[0]) && (bytes[1] == l || isSunLetter(bytes[1]))
        case 3: return isVowel(bytes[0]) && (bytes[1] == bytes[2] ? isSunLetter(bytes[1]) : bytes[2] == h && isAspirable(bytes[1]))
        default: return false
        }
    }

    /// `isArticle` of the first `count` bytes (lowercase ASCII letters and digits) of `word`,
    /// loaded little-endian, without a branch on the length: short words are common and their
    /// lengths vary, so a branch would be mispredicted often.
    @inline(__always)
    static func isArticle(word: UInt64, count: Int) -> Bool {
        let first = UInt8(truncatingIfNeeded: word)
        let second = UInt8(truncatingIfNeeded: word >> 8)
        let third = UInt8(truncatingIfNeeded: word >> 16)
        let vowel = isVowel(first)
        let one = count == 1 && first == l
        let two = count == 2 && vowel && (second == l || isSunLetter(second))
        let three = count == 3 && vowel && ((second == third && isSunLetter(second)) || (third == h && isAspirable(second)))
        return one || two || three
    }

    /// The sun letters an article assimilates to, by their first Latin letter.
    @inline(__always)
    static func isSunLetter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "s"), UInt8(ascii: "d"), UInt8(ascii: "r"), UInt8(ascii: "z"), UInt8(ascii: "t"), UInt8(ascii: "n"):
            return true
        default:
            return false
        }
    }

    /// Sun letters written with a following h (sh, dh, th).
    @inline(__always)
    static func isAspirable(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "s") || byte == UInt8(ascii: "d") || byte == UInt8(ascii: "t")
    }

    /// Articles that join a capitalized next word across a space ("Al Mayadin").
    package static func isSpacedArticle(_ word: String) -> Bool { word == "al" || word == "el" }

    /// Generic Arabic place nouns (sub-district, village, city, farms) that precede a place name
    /// in gazetteer forms; dropped from a key when other words remain.
    package static func isDescriptor(_ word: String) -> Bool { descriptors.contains(word) }

    /// Whether the bytes between two words are a single hyphen (ASCII, U+2010 or U+2011).
    package static func isHyphen(_ gap: UnsafeBufferPointer<UInt8>) -> Bool {
        if gap.count == 1 { return gap[0] == UInt8(ascii: "-") }
        return gap.count == 3 && gap[0] == 0xE2 && gap[1] == 0x80 && (gap[2] == 0x90 || gap[2] == 0x91)
    }

    /// English function and common words, never name-folded even when capitalized.
    package static func isFunctionWord(_ word: String) -> Bool { EnglishFunctionWords.all.contains(word) }

    // MARK: - Letters

    static let h = UInt8(ascii: "h"), l = UInt8(ascii: "l"), w = UInt8(ascii: "w"), y = UInt8(ascii: "y")
    static let j = UInt8(ascii: "j")
    static let upperH = UInt8(ascii: "H"), upperW = UInt8(ascii: "W"), upperY = UInt8(ascii: "Y")
    /// The syllable break: an apostrophe between two vowels (Sa'ir), written by `WordNormalizer`.
    package static let syllableBreak = UInt8(ascii: "Z")
    // Temporary bytes for digraph results, so that one rewrite cannot feed another.
    static let placeholderKH: UInt8 = 1, placeholderGH: UInt8 = 2, placeholderSH: UInt8 = 3
    static let placeholderTH: UInt8 = 4, placeholderDH: UInt8 = 5

    static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return true
        default: return false
        }
    }

    static func isVowelOrGlide(_ byte: UInt8) -> Bool { isVowel(byte) || byte == y || byte == w }

    // MARK: - Rules

    static let descriptors: Set<String> = ["nahiyat", "nahiyah", "nahiya", "qaryat", "madinat", "mazari"]

    struct Digraph {
        var pattern: [UInt8]
        var replacement: [UInt8]
        var latinOnly: Bool

        init(_ pattern: String, _ replacement: [UInt8], latinOnly: Bool = false) {
            self.pattern = Array(pattern.utf8)
            self.replacement = replacement
            self.latinOnly = latinOnly
        }

        init(_ pattern: String, _ replacement: String, latinOnly: Bool = false) {
            self.init(pattern, Array(replacement.utf8), latinOnly: latinOnly)
        }
    }

    static let digraphs: [Digraph] = [
        Digraph("dzh", "j", latinOnly: true), Digraph("dsch", "j", latinOnly: true),
        Digraph("tsch", "ch", latinOnly: true), Digraph("sch", "sh", latinOnly: true),
        Digraph("dj", "j", latinOnly: true), Digraph("dz", "j", latinOnly: true), Digraph("zh", "j"),
        Digraph("ph", "f", latinOnly: true), Digraph("ck", "k", latinOnly: true), Digraph("ch", "sh"),
        Digraph("kh", [placeholderKH]), Digraph("gh", [placeholderGH]), Digraph("sh", [placeholderSH]),
        Digraph("th", [placeholderTH]), Digraph("dh", [placeholderDH]),
        Digraph("ou", "u", latinOnly: true), Digraph("oo", "u", latinOnly: true), Digraph("ee", "i", latinOnly: true),
    ]

    /// Latin j for y: after a vowel before a non-vowel (Bejrut), and in a final -ija/-ije/-ijo.
    static func foldSlavicJ(_ word: inout [UInt8]) {
        let original = word
        for index in original.indices where original[index] == j && index > 0 && index + 1 < original.count {
            let before = original[index - 1], after = original[index + 1]
            if isVowel(before) && !isVowel(after) {
                word[index] = y
            } else if before == UInt8(ascii: "i"), index + 2 == original.count,
                      after == UInt8(ascii: "a") || after == UInt8(ascii: "e") || after == UInt8(ascii: "o") {
                word[index] = y
            }
        }
    }

    /// ai/ay/ei/ey before a letter other than a vowel or y: the i/y becomes the consonant Y.
    static func markDiphthongs(_ word: inout [UInt8]) {
        let original = word
        for index in original.indices where index > 0 && index + 1 < original.count {
            let letter = original[index], before = original[index - 1], after = original[index + 1]
            guard letter == UInt8(ascii: "i") || letter == y else { continue }
            guard before == UInt8(ascii: "a") || before == UInt8(ascii: "e") else { continue }
            if !isVowel(after) && after != y { word[index] = upperY }
        }
    }

    /// In Latin words an h after sh (or a kh after sh) is silent: "$h" → "$".
    static func dropHAfterSH(_ word: inout [UInt8]) {
        var result: [UInt8] = []
        result.reserveCapacity(word.count)
        var index = 0
        while index < word.count {
            result.append(word[index])
            if word[index] == placeholderSH, index + 1 < word.count,
               word[index + 1] == h || word[index + 1] == upperH || word[index + 1] == placeholderKH {
                index += 1
            }
            index += 1
        }
        word = result
    }

    static func stripGluedArticle(_ word: inout [UInt8]) {
        guard word.count >= 6, word[0] == UInt8(ascii: "a") || word[0] == UInt8(ascii: "e"), word[1] == l,
              !isVowel(word[2]), word[2] != upperH, isVowel(word[3]) else { return }
        word.removeFirst(2)
    }

    /// "ou" followed by a, e or i becomes "w".
    static func replaceFrenchGlide(_ word: inout [UInt8]) {
        var result: [UInt8] = []
        result.reserveCapacity(word.count)
        var index = 0
        while index < word.count {
            if word[index] == UInt8(ascii: "o"), index + 2 < word.count, word[index + 1] == UInt8(ascii: "u"),
               word[index + 2] == UInt8(ascii: "a") || word[index + 2] == UInt8(ascii: "e") || word[index + 2] == UInt8(ascii: "i") {
                result.append(w)
                index += 2
            } else {
                result.append(word[index])
                index += 1
            }
        }
        word = result
    }

    /// Replaces every non-overlapping occurrence of `pattern`, left to right.
    static func replaceAll(_ word: inout [UInt8], _ pattern: [UInt8], _ replacement: [UInt8]) {
        guard word.count >= pattern.count else { return }
        var result: [UInt8] = []
        result.reserveCapacity(word.count)
        var index = 0
        var changed = false
        while index < word.count {
            if index + pattern.count <= word.count, word[index..<(index + pattern.count)].elementsEqual(pattern) {
                result.append(contentsOf: replacement)
                index += pattern.count
                changed = true
            } else {
                result.append(word[index])
                index += 1
            }
        }
        if changed { word = result }
    }

    /// "i" before a, e, o or u becomes "iy".
    static func insertIGlides(_ word: inout [UInt8]) {
        var result: [UInt8] = []
        result.reserveCapacity(word.count + 2)
        for (index, byte) in word.enumerated() {
            result.append(byte)
            if byte == UInt8(ascii: "i"), index + 1 < word.count, isVowel(word[index + 1]), word[index + 1] != UInt8(ascii: "i") {
                result.append(y)
            }
        }
        word = result
    }

    /// Runs of one lowercase letter or $ become one letter (digits and placeholders stay).
    static func degeminated(_ word: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(word.count)
        for byte in word {
            let collapsible = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "$")
            if collapsible, result.last == byte { continue }
            result.append(byte)
        }
        return result
    }

    /// "Yy…" and "yY" become "Y"; "Ww…" and "wW" become "W".
    static func mergedGlidePlaceholders(_ word: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(word.count)
        var index = 0
        while index < word.count {
            let byte = word[index]
            let (upper, lower): (UInt8, UInt8) = byte == upperY || byte == y ? (upperY, y) : (upperW, w)
            if byte == upper, index + 1 < word.count, word[index + 1] == lower {
                result.append(upper)
                index += 1
                while index < word.count, word[index] == lower { index += 1 }
            } else if byte == lower, index + 1 < word.count, word[index + 1] == upper {
                result.append(upper)
                index += 2
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }

    /// "a" or "i" for a word that ends in a vowel run (after some other letter) ending in a/e/ya or
    /// i/y; `nil` for u, o and w endings and for words ending in a consonant.
    static func finalVowelClass(_ word: [UInt8]) -> UInt8? {
        guard let last = word.last, isVowelOrGlide(last), word.contains(where: { !isVowelOrGlide($0) }) else {
            return nil
        }
        switch last {
        case UInt8(ascii: "a"), UInt8(ascii: "e"): return UInt8(ascii: "a")
        case UInt8(ascii: "i"), y: return UInt8(ascii: "i")
        default: return nil
        }
    }

    /// The consonants in order (with the closed-first-syllable u mark when `marksClosedU`), and
    /// how many consonants there are.
    static func skeleton(_ word: [UInt8], marksClosedU: Bool) -> ([UInt8], Int) {
        var consonantal = [Bool](repeating: true, count: word.count)
        for index in word.indices.reversed() {
            let byte = word[index]
            if isVowel(byte) {
                consonantal[index] = false
            } else if byte == y || byte == w {
                let nextIsVocalic = index + 1 < word.count
                    && (isVowel(word[index + 1]) || ((word[index + 1] == y || word[index + 1] == w) && !consonantal[index + 1]))
                consonantal[index] = index == 0 || nextIsVocalic
            }
        }
        var consonants: [UInt8] = []
        var slots: [[UInt8]] = []
        for index in word.indices {
            if consonantal[index] {
                let byte = word[index]
                consonants.append(byte == upperY ? y : byte == upperW ? w : byte)
                slots.append([])
            } else if !slots.isEmpty {
                slots[slots.count - 1].append(word[index])
            }
        }
        let count = consonants.count
        let closedRoundedFirstSyllable = marksClosedU && consonants.count > 2 && slots[1].isEmpty
            && slots[0].contains { $0 == UInt8(ascii: "u") || $0 == UInt8(ascii: "o") }
        if closedRoundedFirstSyllable { consonants.insert(UInt8(ascii: "u"), at: 1) }
        return (consonants, count)
    }
}
