/// The normalized form of one word and where it came from.
public struct NormalizedWord: Equatable, Sendable {
    /// Lowercase ASCII letters and digits (and `.` between digits); may be empty.
    public var text: String
    /// The form name folding starts from: like `text`, but for Arabic-script words without the
    /// article ال and with the placeholders H, W, Y of `ArabicFolding` still in upper case.
    public var nameForm: String
    /// The word had letters of a script other than Latin, so its Latin form is a transliteration.
    public var fromNonLatinScript: Bool
    /// The word was written in Arabic script (Arabic, Persian, Kurdish, …).
    public var arabicScript: Bool
    /// An Arabic article ال was split off the front of the word.
    public var hadArabicArticle: Bool
}

/// Normalizes single words for matching: Unicode NFKC_Casefold, Arabic orthographic folding,
/// transliteration of non-Latin letters to ASCII Latin with ICU, and folding of apostrophes,
/// ayn/hamza marks (ʿ ʾ), dots and thousands separators inside words.
///
/// ASCII words never reach ICU: they are lowercased directly. Not thread-safe (owns an ICU
/// transliterator): use one per thread.
public final class WordNormalizer {
    /// ICU transform taking any script to plain ASCII Latin. No `Lower`: casefolding comes first,
    /// and the Arabic placeholders must stay upper case.
    public static let transliteratorID = "Any-Latin; Latin-ASCII"

    /// Opened on the first word that ``accentsStripped(_:)`` cannot make ASCII (opening it loads
    /// ICU's registry of transforms, about ten milliseconds; English and most Latin-script text
    /// never needs it).
    private var openedTransliterator: ICUTransliterator?

    /// A normalizer; ICU's transliterator is opened when a word first needs it.
    public init() {}

    private func transliterator() throws(TextError) -> ICUTransliterator {
        if let openedTransliterator { return openedTransliterator }
        let opened = try ICUTransliterator(Self.transliteratorID)
        openedTransliterator = opened
        return opened
    }

    /// The normalized form of `word`.
    ///
    /// - Complexity: O(*n*) in the word's length; words with non-ASCII characters make ICU calls
    ///   (casefold, script check, transliteration), so callers cache per distinct word.
    public func normalize(_ word: String) throws(TextError) -> NormalizedWord {
        if let ascii = Self.asciiWithTypographicApostrophes(word) {
            return NormalizedWord(text: Self.asciiForm(ascii, keepPlaceholders: false),
                                  nameForm: Self.asciiForm(ascii, keepPlaceholders: false, marksSyllableBreaks: true),
                                  fromNonLatinScript: false, arabicScript: false, hadArabicArticle: false)
        }
        let casefolded = Self.foldingSchwa(String(decoding: try ICU.nfkcCasefold(Array(word.utf16)), as: UTF16.self))
        let arabicScript = casefolded.unicodeScalars.contains(where: ArabicFolding.isArabicScript)
        let folded = arabicScript ? ArabicFolding.foldWord(casefolded)
                                  : ArabicFolding.FoldedWord(text: casefolded, hadArticle: false)
        let nonLatin = folded.text.unicodeScalars.contains { scalar in
            guard scalar.properties.isAlphabetic else { return false }
            let script = ICU.scriptCode(scalar)
            return script != ICU.latinScript && script != ICU.commonScript && script != ICU.inheritedScript
        }
        let latin: String
        if !nonLatin && !arabicScript, let stripped = try Self.accentsStripped(folded.text) {
            latin = stripped
        } else {
            latin = String(decoding: try transliterator().transliterate(Array(folded.text.utf16)), as: UTF16.self)
        }
        let nameForm = Self.asciiForm(latin.utf8, keepPlaceholders: arabicScript, marksSyllableBreaks: true)
        var text = Self.asciiForm(latin.utf8, keepPlaceholders: false)
        if folded.hadArticle { text = "al" + text }
        return NormalizedWord(text: text, nameForm: nameForm, fromNonLatinScript: nonLatin || arabicScript,
                              arabicScript: arabicScript, hadArabicArticle: folded.hadArticle)
    }

    /// The bytes of `word` when it is ASCII but for typographic apostrophes (’ and ‘, which
    /// ICU's casefolding and Latin-ASCII would turn into ' anyway), with those made ASCII; `nil`
    /// for any other non-ASCII word. News text writes "Iran’s" in most sentences, and this keeps
    /// such words (and a text without other non-ASCII words) from opening ICU at all.
    ///
    /// - Complexity: O(*n*).
    static func asciiWithTypographicApostrophes(_ word: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.utf8.count)
        var utf8 = word.utf8.makeIterator()
        while let byte = utf8.next() {
            if byte < 0x80 { bytes.append(byte); continue }
            guard byte == 0xE2, utf8.next() == 0x80, let last = utf8.next(), last == 0x98 || last == 0x99 else { return nil }
            bytes.append(UInt8(ascii: "'"))
        }
        return bytes
    }

    /// `text` without its accents when that leaves ASCII ("julián" → "julian", "déjà" → "deja"):
    /// its canonical decomposition less the nonspacing marks. `nil` when another non-ASCII
    /// character remains (ß, ø, Arabic, Cyrillic …), which needs the transliterator. Where it
    /// answers, it answers as ``transliteratorID`` does (a test checks every Latin letter).
    ///
    /// - Complexity: O(*n*).
    static func accentsStripped(_ text: String) throws(TextError) -> String? {
        var scalars = String.UnicodeScalarView()
        for unit in String(decoding: try ICU.nfd(Array(text.utf16)), as: UTF16.self).unicodeScalars {
            if unit.isASCII {
                scalars.append(unit)
            } else if unit.properties.generalCategory != .nonspacingMark {
                return nil
            }
        }
        return String(scalars)
    }

    /// Azeri and Kurdish Latin write the schwa ə (ǝ), which ICU's Latin-ASCII drops; it is an e.
    static func foldingSchwa(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\u{0259}" || $0 == "\u{01DD}" }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(scalar == "\u{0259}" || scalar == "\u{01DD}" ? "e" : scalar) }
        return String(scalars)
    }

    /// Lowercase letters and digits of an ASCII-ish word. Apostrophes, ayn and hamza marks, dots
    /// between letters (U.S.) and commas between digits (1,000) are removed; a dot between digits
    /// stays (3.5). With `keepPlaceholders`, upper-case H, W and Y stay upper case. With
    /// `marksSyllableBreaks`, a run of apostrophe-like marks between two vowels (Sa'ir, Saʿir)
    /// becomes the syllable break `Z` that name folding reads.
    ///
    /// - Complexity: O(*n*).
    static func asciiForm(_ bytes: some Collection<UInt8>, keepPlaceholders: Bool, marksSyllableBreaks: Bool = false) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var previous: UInt8 = 0
        var iterator = bytes.makeIterator()
        var current = iterator.next()
        var inMarkRun = false
        while let byte = current {
            let next = iterator.next()
            if marksSyllableBreaks, isApostropheLike(byte) {
                let afterVowel = inMarkRun || output.last.map(isVowel) == true
                let nextIsMark = next.map(isApostropheLike) == true
                if afterVowel, !nextIsMark, let next, isVowel(next | 0x20), next < 0x80 {
                    output.append(UInt8(ascii: "Z"))
                }
                inMarkRun = afterVowel && nextIsMark
                previous = byte
                current = next
                continue
            }
            inMarkRun = false
            let isPlaceholder = byte == UInt8(ascii: "H") || byte == UInt8(ascii: "W") || byte == UInt8(ascii: "Y")
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                output.append(keepPlaceholders && isPlaceholder ? byte : byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                output.append(byte)
            case UInt8(ascii: "."):
                if isDigit(previous), let next, isDigit(next) { output.append(byte) }
            default:
                break
            }
            previous = byte
            current = next
        }
        return String(decoding: output, as: UTF8.self)
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return true
        default: return false
        }
    }

    /// Apostrophes, backticks and the bytes of any non-ASCII mark left after transliteration
    /// (ʿ ʾ ʼ ´ …), which stand for ayn, hamza or elision.
    static func isApostropheLike(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") || byte >= 0x80
    }
}
