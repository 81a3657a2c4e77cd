import Testing
@testable import ConcordText

@Suite struct WordNormalizerTests {
    let normalizer: WordNormalizer

    init() throws { normalizer = try WordNormalizer() }

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
        ("٢٠٢١", "2021", false),            // Arabic-Indic digits
    ])
    func normalizes(word: String, expected: String, nonLatin: Bool) throws {
        let result = try normalizer.normalize(word)
        #expect(result.text == expected)
        #expect(result.fromNonLatinScript == nonLatin)
    }
}

@Suite struct ArabicFoldingTests {
    @Test(arguments: [
        ("أإآٱ", "اااا"),
        ("مدرسة", "مدرسه"),          // taa marbuta
        ("مستشفى", "مستشفي"),        // alef maksura
        ("ســوريا", "سوريا"),         // tatweel
        ("زاخۆ", "زاخو"),            // Kurdish o
        ("سینە", "سينه"),            // Persian yeh, Kurdish ae
    ])
    func folds(text: String, expected: String) {
        #expect(ArabicFolding.fold(text) == expected)
    }
}
