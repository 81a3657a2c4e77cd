import Testing
@testable import ConcordText

@Suite struct NameMatcherTests {
    let matcher = NameMatcher()

    /// Spellings the exact keys keep apart but transliteration makes of one name.
    @Test(arguments: [
        ("Qaddafi", "Gadhafi"), ("Gholam Reza", "Gholamreza"), ("SHAH KARAMI", "SHAHKARAMI"),
        ("Khashmar", "Kashmar"), ("القذافي", "Gaddafi"), ("Homs", "Hims"), ("Deir ez-Zor", "Dayr az-Zawr"),
        ("SOLEIMANI, Qasem", "Qassem Soleimani"), ("Betlemme", "Betlejem"),
    ])
    func spellingsOfOneNameMatch(a: String, b: String) throws {
        #expect(try matcher.matches(a, b))
        #expect(try matcher.similarity(a, b) == matcher.similarity(b, a))
    }

    /// Different places and people, some of them close in spelling.
    @Test(arguments: [
        ("Hama", "Homs"), ("Deir ez-Zor", "Hasakah"), ("Turabah", "Turbat"), ("Aleppo", "Idlib"),
        ("Mosul", "Basra"), ("Qaddafi", "Haftar"),
    ])
    func differentNamesDoNotMatch(a: String, b: String) throws {
        #expect(try !matcher.matches(a, b))
    }

    @Test func equalKeysScoreOneAndTheScoreFallsWithEachConfusion() throws {
        #expect(try matcher.similarity("Deir Ezzor", "Deir ez-Zor") == 1)
        let one = try matcher.similarity("Kashmar", "Khashmar"), two = try matcher.similarity("Kashmar", "Khashmal")
        #expect(one < 1 && two < one)
    }
}
