import ConcordCorpus
import Foundation
import Testing
@testable import ConcordSimilarity

/// Reading ahead on a second thread changes when batches are read, never what is consumed.
@Suite struct BatchReaderTests {
    /// A JSONL corpus of `count` reports, with a duplicate of the first id at `duplicateAt`.
    static func corpus(_ count: Int, duplicateAt: Int? = nil) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("concord-batches-\(UUID()).jsonl").path
        let lines = (0..<count).map { line in
            #"{"id": "r\#(line == duplicateAt ? 0 : line)", "text": "report number \#(line)"}"#
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func batches(of path: String, overlapped: Bool, stopAt: Int? = nil) -> (ids: [[String]], error: String?, documents: Int) {
        var loading = CorpusLoading(source: CorpusSource(path: path), skipInvalid: false) { _ in }
        var ids: [[String]] = []
        do {
            try BatchReader.forEachBatch(of: &loading, size: 7, overlapped: overlapped) { batch in
                if let stopAt, ids.count == stopAt { throw CorpusError(file: "consumer", "stopped") }
                ids.append(batch.map(\.id.description))
            }
            return (ids, nil, loading.accounting.documents)
        } catch {
            return (ids, "\(error)", loading.accounting.documents)
        }
    }

    @Test func overlappedReadingConsumesTheSameBatchesInOrder() throws {
        let path = try Self.corpus(100)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let inline = Self.batches(of: path, overlapped: false), overlapped = Self.batches(of: path, overlapped: true)
        #expect(overlapped.ids == inline.ids && overlapped.error == nil)
        #expect(overlapped.ids.flatMap { $0 } == (0..<100).map { "r\($0)" })
        #expect(overlapped.documents == 100)
    }

    /// A reading error reaches the consumer after the batches before it, as reading inline does.
    @Test func aReadingErrorComesAfterTheBatchesBeforeIt() throws {
        let path = try Self.corpus(100, duplicateAt: 60)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let inline = Self.batches(of: path, overlapped: false), overlapped = Self.batches(of: path, overlapped: true)
        #expect(overlapped.ids == inline.ids && overlapped.ids.count == 8)
        #expect(overlapped.error == inline.error && overlapped.error?.contains("duplicate id") == true)
    }

    /// A consumer that stops stops the reader: the run ends with the consumer's error.
    @Test func aConsumerErrorStopsReading() throws {
        let path = try Self.corpus(1000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let stopped = Self.batches(of: path, overlapped: true, stopAt: 3)
        #expect(stopped.ids.count == 3 && stopped.error?.contains("stopped") == true)
        #expect(stopped.documents < 1000)
    }
}
