import ConcordText
import Foundation
import Testing
@testable import ConcordDiff

/// A compared sentence is tokenized once and its tokens are reused by every word diff and number
/// and name comparison: what they give must equal what tokenizing the sentence afresh gives.
@Suite struct TokenizedTextTests {
    /// The four reports of `Corpus/omar-oil-field`, in the README's order.
    private func omarOilField() throws -> [(label: String, text: String)] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus/omar-oil-field")
        return try ["wire", "levant-daily", "gulf-monitor", "morning-brief"].map { name in
            (name, try String(contentsOf: folder.appendingPathComponent("\(name).txt"), encoding: .utf8))
        }
    }

    @Test func carriedTokensEqualAFreshTokenizationDespiteTheSharedVocabulary() throws {
        let shared = TextPipeline(options: WordDiff.pipelineOptions)
        let sentences = ["Deir ez-Zor was shelled, officials said.", "Rockets hit the Omar base in Deir Ezzor.",
                         "At least eight Katyusha missiles hit al-Omar on Monday."]
        let carried = try sentences.map { try TokenizedText($0, pipeline: shared) }
        for (sentence, text) in zip(sentences, carried) {
            let fresh = try TextPipeline(options: WordDiff.pipelineOptions).tokens(in: sentence)
            #expect(text.tokens.map(\.range) == fresh.map(\.range))
            #expect(text.tokens.map(\.id) == fresh.map(\.id))
            #expect(text.utf8 == Array(sentence.utf8))
        }
    }

    @Test func aDiffOfCarriedTokensEqualsADiffOfTheTexts() throws {
        let pipeline = TextPipeline(options: WordDiff.pipelineOptions)
        let old = "At least eight rockets hit the base near Deir ez-Zor on Monday.",
            new = "Ten rockets struck the U.S. base near Deir Ezzor late on Monday, officials said."
        let carried = WordDiff(old: try TokenizedText(old, pipeline: pipeline), new: try TokenizedText(new, pipeline: pipeline))
        #expect(carried == (try WordDiff(old: old, new: new, pipeline: TextPipeline(options: WordDiff.pipelineOptions))))
    }

    @Test func everyComparisonOfACollationEqualsOneMadeFromScratch() throws {
        let collation = try Collation(reports: omarOilField())
        #expect(collation.comparisons.count > 10)
        for comparison in collation.comparisons {
            let sentences = collation.passages[comparison.passage].sentences
            let old = collation.reports[comparison.reference].sentence(sentences[comparison.reference]!)
            let new = collation.reports[comparison.report].sentence(sentences[comparison.report]!)
            let pipeline = TextPipeline(options: WordDiff.pipelineOptions)
            let diff = try WordDiff(old: old, new: new, pipeline: pipeline)
            #expect(comparison.diff == diff)
            let differences = try PassageComparison.differences(diff, old: TokenizedText(old, pipeline: pipeline),
                                                                new: TokenizedText(new, pipeline: pipeline), names: NameMatcher())
            #expect(comparison.differences == differences)
        }
    }
}
