import Foundation
import Testing
import ConcordDiff

/// The acceptance bar of issue 5: deciding at the default threshold agrees with the human labels
/// of the MSRP training split on at least 75% of pairs.
@Suite struct MSRPAccuracyTests {
    @Test func decisionsAtTheDefaultThresholdReachThreeQuartersOnMSRPTrain() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/corpus/paraphrase/msrp_train.jsonl")
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("skipped: \(url.path) is absent (the shared corpus lives beside the repo as ../shared)")
            return
        }
        let similarity = SentenceSimilarity()
        var pairs = 0, agreements = 0
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let a = try #require(object["a"] as? String), b = try #require(object["b"] as? String)
            let label = try #require(object["label"] as? Int)
            let decision = similarity.score(a, b) >= SentenceSimilarity.defaultThreshold ? 1 : 0
            pairs += 1
            if decision == label { agreements += 1 }
        }
        #expect(pairs == 4_076)
        let accuracy = Double(agreements) / Double(pairs)
        print("MSRP train: \(agreements) of \(pairs) decisions agree with the labels (accuracy \(accuracy))")
        #expect(accuracy >= 0.75)
    }
}
