import Testing
@testable import ConcordText

@Suite struct WordNormalizerTests {
    let normalizer: WordNormalizer

    init() throws { normalizer = WordNormalizer() }

    @Test(arguments: [
        ("Hezbollah", "hezbollah", false),
        ("U.S", "us", false),
        ("1,000", "1000", false),
        ("3.5", "3.5", false),
        ("Kata'ib", "kataib", false),
        ("Kata’ib", "kataib", false),
        ("ʿAbd", "abd", false),
        ("Zākhū", "zakhu", false),
        ("ＡＢＣ", "abc", false),           // NFKC folds full-width letters
        ("Straße", "strasse", false),       // case folding
        ("دير", "dyr", true),
        ("مُحَمَّد", "mhmd", true),          // harakat removed before transliteration
        ("أحمد", "ahmd", true),             // hamza-on-alef folded to bare alef
        ("الزور", "alzwr", true),           // the plain form keeps the article
        ("Urmiyə", "urmiye", false),        // schwa
        ("٢٠٢١", "2021", true),             // Arabic-Indic digits
    ])
    func normalizes(word: String, expected: String, nonLatin: Bool) throws {
        let result = try normalizer.normalize(word)
        #expect(result.text == expected)
        #expect(result.fromNonLatinScript == nonLatin)
    }

    /// The shortcut that spares most Latin text the transliterator agrees with it on every Latin
    /// letter it handles, and hands it the letters it cannot (ß, ø, ł …).
    @Test func strippingAccentsAgreesWithTheTransliteratorOnEveryLatinLetter() throws {
        let transliterator = try ICUTransliterator(WordNormalizer.transliteratorID)
        var stripped = 0, handedOver = 0
        for value in Array(0xC0...0x24F) + Array(0x1E00...0x1EFF) {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            let word = String(decoding: try ICU.nfkcCasefold(Array("k\(scalar)r".utf16)), as: UTF16.self)
            guard let shortcut = try WordNormalizer.accentsStripped(word) else {
                handedOver += 1
                continue
            }
            stripped += 1
            let full = String(decoding: try transliterator.transliterate(Array(word.utf16)), as: UTF16.self)
            #expect(shortcut == full, "U+\(String(value, radix: 16, uppercase: true))")
        }
        #expect(stripped > 300 && handedOver > 20)
        #expect(try WordNormalizer.accentsStripped("straße") == nil)
    }

    @Test func typographicApostrophesKeepAWordAsciiAndOthersDoNot() {
        #expect(WordNormalizer.asciiWithTypographicApostrophes("Iran’s") == Array("Iran's".utf8))
        #expect(WordNormalizer.asciiWithTypographicApostrophes("‘Sa‘ir") == Array("'Sa'ir".utf8))
        #expect(WordNormalizer.asciiWithTypographicApostrophes("déjà") == nil)
        #expect(WordNormalizer.asciiWithTypographicApostrophes("a”b") == nil)
    }

    @Test func nameFormKeepsPlaceholdersAndDropsTheArticle() throws {
        let result = try normalizer.normalize("الحسكة")
        #expect(result.nameForm == "Hskt".replacingOccurrences(of: "t", with: "H"))
        #expect(result.hadArabicArticle)
    }
}

@Suite struct ArabicFoldingTests {
    @Test(arguments: [
        ("أإآٱ", "اااا", false),
        ("مدرسة", "مدرسH", false),        // taa marbuta becomes the h placeholder
        ("مستشفى", "مستشفي", false),      // alef maksura
        ("ســوريا", "سوريا", false),       // tatweel
        ("مُحَمَّد", "مHمد", false),         // harakat removed, ح placeholder
        ("زاخۆ", "زاخو", false),          // Kurdish o
        ("راوندوز", "راWندوز", false),     // waw after a non-initial alef is a consonant
        ("الزور", "زور", true),            // the article is split off a long word
        ("الله", "اللH", false),           // but not off a short one
    ])
    func folds(word: String, expected: String, article: Bool) {
        let folded = ArabicFolding.foldWord(word)
        #expect(folded.text == expected)
        #expect(folded.hadArticle == article)
    }
}
