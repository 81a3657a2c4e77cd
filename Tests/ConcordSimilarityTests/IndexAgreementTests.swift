import ConcordCorpus
import Foundation
import Testing
@testable import ConcordSimilarity

/// `index query` and `cluster` run one pipeline: for the same settings, the matches of a query
/// batch against an index are exactly the verified pairs a clustering of both finds across them.
@Suite struct IndexAgreementTests {
    /// Reports where the two paths once disagreed: short excerpts (the first fifth) of 400-word
    /// reports, reports sharing one sentence, exact copies, and unrelated reports.
    static func corpus() -> (index: [Document], queries: [Document]) {
        var generator = SplitMix64(seed: 11)
        func report(_ words: Int) -> [String] {
            (0..<words).map { _ in "w\(generator.next() % 3000)" }
        }
        var index: [Document] = [], queries: [Document] = []
        func document(_ id: String, _ words: [String]) -> Document {
            Document(id: .string(id), text: words.joined(separator: " ") + ".", origin: id)
        }
        for story in 0..<8 {
            let long = report(400)
            index.append(document("long-\(story)", long))
            queries.append(document("excerpt-\(story)", Array(long.prefix(80))))
            queries.append(document("copy-\(story)", long))
            let shared = Array(long[200..<220])
            queries.append(document("quotes-\(story)", report(150) + shared + report(150)))
            index.append(document("other-\(story)", report(300)))
        }
        return (index, queries)
    }

    @Test(arguments: [OverlapMeasure.containment, .cosine, .jaccard])
    func queryMatchesAreTheClusterPairsAcrossTheBatches(measure: OverlapMeasure) throws {
        var settings = MatchingSettings()
        settings.measure = measure
        settings.threshold = [.containment: 0.5, .cosine: 0.45, .jaccard: 0.3][measure]!
        let (index, queries) = Self.corpus()

        let clustering = try SimilarityPipeline(settings: settings, threads: 2)
        try clustering.add(index + queries)
        let crossPairs = clustering.cluster().verified.filter { Int($0.first) < index.count && Int($0.second) >= index.count }

        let indexed = try SimilarityPipeline(settings: settings, threads: 1)
        try indexed.add(index)
        let querying = try SimilarityPipeline(settings: settings, threads: 1)
        querying.append(records: indexed.records, sketches: indexed.store)
        try querying.add(queries)
        let matches = querying.matches(crossingAt: index.count)

        var found: [String] = []
        for (offset, list) in matches.enumerated() {
            for match in list { found.append("\(match.document)-\(index.count + offset)-\(Float(match.score))") }
        }
        let expected = crossPairs.map { "\($0.first)-\($0.second)-\($0.score)" }
        #expect(found.sorted() == expected.sorted())
        // The corpus exercises what used to differ: excerpts and copies match, shared sentences do not.
        #expect(!found.isEmpty)
        let matchedIDs = Set(matches.enumerated().filter { !$0.element.isEmpty }.map { queries[$0.offset].id.description })
        #expect(matchedIDs.contains("copy-0"))
        #expect(!matchedIDs.contains("quotes-0"))
    }

    @Test func anIndexFileRoundTripKeepsSketchesIdsAndSettings() throws {
        var settings = MatchingSettings()
        settings.threshold = 0.4
        let pipeline = try SimilarityPipeline(settings: settings, threads: 1)
        try pipeline.add(Self.corpus().index + [Document(id: .integer(42), text: "", origin: "x")])
        let file = IndexFile(settings: settings, ids: pipeline.records.map(\.id), store: pipeline.store)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("concord-\(UUID()).cidx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try file.write(to: path)
        let read = try IndexFile.read(from: path)
        #expect(read.ids == file.ids)
        #expect(read.store.fingerprints == file.store.fingerprints)
        #expect(read.store.signatures == file.store.signatures)
        #expect(read.settings.json == settings.json)
        #expect(read.settings.sketchDifferences(from: settings).isEmpty)
    }
}

@Suite struct MatchingSettingsTests {
    @Test func jsonRoundTripsAndNamesTheResolvedBands() throws {
        var settings = MatchingSettings()
        settings.shingles = .characters(7)
        settings.seed = 99
        let json = settings.json
        #expect(json.contains(#""bands":"#) && json.contains(#""rows":"#) && json.contains(#""shingles":"characters:7""#))
        let decoded = try MatchingSettings(json: Array(json.utf8))
        #expect(decoded.json == json)
        #expect(decoded.resolvedBands == settings.resolvedBands)
    }

    @Test func sketchDifferencesNameEachFieldAndIgnoreMatchingOnlyOnes() {
        let base = MatchingSettings()
        var other = base
        other.threshold = 0.9          // matching only: sketches are still comparable
        other.measure = .jaccard
        #expect(base.sketchDifferences(from: other).isEmpty)
        other.slots = 64
        other.seed = 7
        other.tokenHash = "stable-hash-2"
        let names = base.sketchDifferences(from: other).map(\.name)
        #expect(names == ["slots", "seed", "token-ids"])
        #expect(MatchingSettings.namesHashFunction(names))
        #expect(!MatchingSettings.namesHashFunction(["slots"]))
    }

    @Test func malformedSettingsAreRefused() {
        #expect(throws: (any Error).self) { try MatchingSettings(json: Array(#"{"slots": 128}"#.utf8)) }
        var settings = MatchingSettings()
        settings.slots = 64
        let tooMany = settings.json.replacingOccurrences(of: #""slots":64"#, with: #""slots":99999999"#)
        #expect(throws: (any Error).self) { try MatchingSettings(json: Array(tooMany.utf8)) }
    }
}
