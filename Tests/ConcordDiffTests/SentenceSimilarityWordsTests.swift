import Testing
@testable import ConcordDiff

/// What the similarity measure counts as words and stems: the research prototype's tokenizer,
/// reproduced exactly (`/tmp/msrp/score.py`, recipe in docs/RESEARCH.md).
@Suite struct SentenceSimilarityWordsTests {
    /// The words of `text`, scalar by scalar (String equality would hide composition).
    private func words(_ text: String) -> [[Unicode.Scalar]] {
        SentenceSimilarity.words(in: text)
    }

    private func scalars(_ words: [String]) -> [[Unicode.Scalar]] {
        words.map { Array($0.unicodeScalars) }
    }

    private func stem(_ word: String) -> String {
        String(String.UnicodeScalarView(SentenceSimilarity.stem(Array(word.unicodeScalars))))
    }

    @Test(arguments: [
        ("The Rockets HIT the base.", ["the", "rockets", "hit", "the", "base"]),
        ("It's Kata’ib Hezbollah‘s", ["its", "kataib", "hezbollahs"]),
        ("1,000,000 people; 3, 5 and 2,5", ["1000000", "people", "3", "5", "and", "25"]),
        ("4.5% of 1.2.3 rose 6. x", ["4.5", "of", "1.2.3", "rose", "6", "x"]),
        ("a1.5b 12a", ["a1", "5b", "12a"]),
        ("foo_bar T-4", ["foo", "bar", "t", "4"]),
        ("STRASSE Straße", ["strasse", "strasse"]),
        ("ﬁnal Ⅻ ² ①", ["final", "xii", "2", "1"]),
        ("cafe\u{301} ΣΟΦΟΣ σοφος", ["caf\u{E9}", "σοφοσ", "σοφοσ"]),
        ("دير الزور ٣٫٥", ["دير", "الزور", "٣", "٥"]),
        ("\u{13A0}\u{AB70} \u{1C80}", ["\u{13A0}\u{13A0}", "\u{432}"]),
        ("— … !!", []),
        ("", []),
    ])
    func wordsAreMaximalRunsOfLettersAndDigitsAfterNFKCCaseFolding(text: String, expected: [String]) {
        #expect(words(text) == scalars(expected))
    }

    /// Foundation's NFKC on Linux would turn U+20417 U+0308 into U+04DE; Python does not.
    @Test func aCharacterBeyondTheBMPDoesNotComposeWithAFollowingMark() {
        #expect(words("x\u{20417}\u{308}y") == scalars(["x\u{20417}", "y"]))
        #expect(words("\u{1D400}\u{301}") == scalars(["\u{E1}"]))
    }

    @Test(arguments: [
        ("rockets", "rocket"), ("shelling", "shell"), ("reported", "report"), ("quickly", "quick"),
        ("shares", "shar"), ("ages", "age"), ("bring", "bring"), ("sing", "sing"), ("bus", "bus"),
        ("news", "new"), ("1990s", "1990s"), ("4.5", "4.5"),
    ])
    func stemmingStripsTheFirstSuffixThatLeavesThreeCharacters(word: String, expected: String) {
        #expect(stem(word) == expected)
    }
}
