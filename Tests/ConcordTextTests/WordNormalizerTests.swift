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
