import Foundation
import Testing
import ConcordDiff

/// The acceptance bar of issue 5: deciding at the default threshold agrees with the human labels
/// of the MSRP training split on at least 75% of pairs.
/// The split lives in `../shared/corpus`, beside the repository; without it the test is listed as
/// skipped (the sample `Corpus/` has no labelled sentence pairs).
@Suite struct MSRPAccuracyTests {
    static let msrpTrain = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/corpus/paraphrase/msrp_train.jsonl")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: MSRPAccuracyTests.msrpTrain.path), "needs \(MSRPAccuracyTests.msrpTrain.path)"))
    func decisionsAtTheDefaultThresholdReachThreeQuartersOnMSRPTrain() throws {
        let url = Self.msrpTrain
        let similarity = SentenceSimilarity()
        let profiler = SentenceSimilarity.Profiler()
        var pairs = 0, agreements = 0
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let a = try #require(object["a"] as? String), b = try #require(object["b"] as? String)
            let label = try #require(object["label"] as? Int)
            let decision = try similarity.score(a, b, profiler: profiler) >= SentenceSimilarity.defaultThreshold ? 1 : 0
            pairs += 1
            if decision == label { agreements += 1 }
        }
        #expect(pairs == 4_076)
        let accuracy = Double(agreements) / Double(pairs)
        print("MSRP train: \(agreements) of \(pairs) decisions agree with the labels (accuracy \(accuracy))")
        #expect(accuracy >= 0.75)
    }
}
