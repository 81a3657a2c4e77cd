import Foundation
import Testing

@Suite struct BenchCommandTests {
    static let corpus = [
        ClusterCommandTests.line("wire", ClusterCommandTests.wire),
        ClusterCommandTests.line("copy", ClusterCommandTests.wire.replacingOccurrences(of: "Monday evening", with: "Monday night")),
        ClusterCommandTests.line("other", "The central bank raised its main interest rate by half a point on Tuesday to curb inflation."),
    ].joined(separator: "\n") + "\n"

    /// The first word of each row of the stage table, between its header and the blank line
    /// after it.
    func stageRows(_ outcome: ConcordProcess.Outcome) -> [String] {
        let lines = outcome.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("stage ") }) else { return [] }
        return lines[(header + 1)...].prefix { !$0.isEmpty }.map { String($0.split(separator: " ")[0]) }
    }

    @Test(arguments: zip([[], ["--mode", "copies"], ["--mode", "events"], ["--mode", "events", "--date-field", "none"]], [
        ["read", "sketch", "candidates", "verify", "link", "total"],
        ["read", "sketch", "candidates", "verify", "link", "total"],
        ["read", "sketch", "candidates", "verify", "link", "events", "total"],
        ["read", "sketch", "candidates", "verify", "link", "events", "total"],
    ]))
    func theEventsStageIsTimedOnlyInEventsMode(options: [String], stages: [String]) throws {
        let outcome = try ConcordProcess.run(["bench", "-", "--threads", "1"] + options, input: Data(Self.corpus.utf8))
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.text.hasPrefix("concord bench: 3 documents"))
        #expect(stageRows(outcome) == stages)
        let summary = outcome.text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.hasPrefix(stages.contains("events") ? "2 clusters, 2 events; peak memory" : "2 clusters; peak memory"))
        // Each sketch holds at least its signature: 128 slots of 4 bytes.
        let sketchBytes = summary.split(separator: "sketches ").last.flatMap { Int($0.prefix { $0.isNumber || $0 == "," }.filter(\.isNumber)) }
        #expect((sketchBytes ?? 0) >= 512 && summary.hasSuffix("bytes per document"), "\(summary)")
    }

    @Test func anUnknownModeIsRefused() throws {
        let outcome = try ConcordProcess.run(["bench", "-", "--mode", "topics"], input: Data(Self.corpus.utf8))
        #expect(outcome.status == 64)
        #expect(outcome.error.contains("--mode"))
    }
}
