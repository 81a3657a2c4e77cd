import ConcordText
import Testing
@testable import ConcordDiff

/// What the similarity measure counts as words and stems: the tokens of the diff's text pipeline,
/// in their plain normalized form (the sentence is normalized once for the score and the diff).
@Suite struct SentenceSimilarityWordsTests {
    /// The words a profiler measures in `text`.
    private func words(_ text: String) throws -> [String] {
        let profiler = SentenceSimilarity.Profiler()
        return try profiler.pipeline.tokens(in: text).map { profiler.pipeline.text(ofTerm: $0.plainTerm) }
    }

    private func stem(_ word: String) -> String {
        String(String.UnicodeScalarView(SentenceSimilarity.stem(Array(word.unicodeScalars))))
    }

    @Test(arguments: [
        ("The Rockets HIT the base.", ["the", "rockets", "hit", "the", "base"]),
        ("It's Kata’ib Hezbollah‘s", ["its", "kataib", "hezbollahs"]),
        ("1,000,000 people; 3, 5 and 2,5", ["1000000", "people", "3", "5", "and", "25"]),
        ("4.5% of 1.2.3 rose 6. x", ["4.5", "of", "1.2.3", "rose", "6", "x"]),
        ("STRASSE Straße ﬁnal Ⅻ", ["strasse", "strasse", "final", "xii"]),
        ("دير الزور", ["dyr", "alzwr"]),
        ("— … !!", []),
        ("", []),
    ])
    func wordsAreThePipelinesPlainNormalizedTokens(text: String, expected: [String]) throws {
        #expect(try words(text) == expected)
    }

    /// The diff's pipeline folds every capitalized word into a name skeleton; the measure reads
    /// the word before folding, so a capitalized common word still meets its lowercase twin.
    @Test func capitalizedWordsAreMeasuredBeforeNameFolding() throws {
        #expect(try words("Rockets hit Qaddafi's base") == ["rockets", "hit", "qaddafis", "base"])
        let features = try #require(try SentenceSimilarity().features("Rockets hit the base", "the base rockets hit"))
        #expect(features.wordOverlap == 1)
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
