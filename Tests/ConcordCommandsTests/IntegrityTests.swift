import Foundation
import Testing

/// Nothing lost, nothing overwritten: failed writes are errors, outputs never replace inputs,
/// concurrent index writers take turns, and hostile ids are shown, not obeyed.
@Suite struct IntegrityTests {
    static let omar = ["Corpus/omar-oil-field/wire.txt", "Corpus/omar-oil-field/levant-daily.txt"]

    /// A directory with a small JSONL corpus and its index.
    static func workspace() throws -> URL {
        let directory = try ConcordProcess.temporaryDirectory()
        let lines = (0..<6).map { #"{"id": "r\#($0)", "text": "Report \#($0) says rockets hit the base near the oil field on Monday evening, officials said."}"# }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent("corpus.jsonl"))
        let outcome = try ConcordProcess.run(["index", "add", directory.appendingPathComponent("corpus.cidx").path,
                                              directory.appendingPathComponent("corpus.jsonl").path])
        #expect(outcome.status == 0, "\(outcome.error)")
        return directory
    }

    static let standardOutputCommands: [[String]] = [
        ["cluster", "Corpus", "-q"],
        ["normalize", "--text", "Shelling hit Deir ez-Zor."],
        ["compare"] + omar,
        ["diff"] + omar,
        ["key"],
        ["similarity"],
        ["index", "query", "WORK/corpus.cidx", "WORK/corpus.jsonl"],
        ["index", "stats", "WORK/corpus.cidx"],
    ]

    @Test(arguments: standardOutputCommands)
    func aFullDiskOnStandardOutputIsAnError(command: [String]) throws {
        let work = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: work) }
        let arguments = command.map { $0.replacingOccurrences(of: "WORK", with: work.path) }
        let input = Data(command == ["key"] ? "Deir ez-Zor\n".utf8 : command == ["similarity"] ? "A b.\tA b.\n".utf8 : "".utf8)
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let outcome = try ConcordProcess.run(arguments, input: input, standardOutput: full)
        #expect(outcome.status == (command.first == "diff" ? 2 : 1), "\(command): \(outcome.error)")
        #expect(outcome.error.contains("standard output: cannot write: No space left on device"), "\(command): \(outcome.error)")
    }

    @Test func outputsThatWouldReplaceAnInputAreRefusedBeforeAnyWork() throws {
        let work = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: work) }
        let corpus = work.appendingPathComponent("corpus.jsonl").path, index = work.appendingPathComponent("corpus.cidx").path
        let report = work.appendingPathComponent("a.txt").path, other = work.appendingPathComponent("b.txt").path
        try Data("Rockets hit the base.\n".utf8).write(to: URL(fileURLWithPath: report))
        try Data("Rockets struck the base.\n".utf8).write(to: URL(fileURLWithPath: other))
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("link.txt").path, withDestinationPath: report)
        try FileManager.default.linkItem(atPath: report, toPath: work.appendingPathComponent("hard.txt").path)
        let removedMapIsTheCorpus = work.appendingPathComponent("corpus.removed.jsonl").path
        try FileManager.default.copyItem(atPath: corpus, toPath: removedMapIsTheCorpus)
        let before = try [corpus, index, report, removedMapIsTheCorpus].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }

        let cases: [[String]] = [
            ["cluster", removedMapIsTheCorpus, "--dedup", "-o", work.appendingPathComponent("corpus.jsonl").path],
            ["index", "query", index, corpus, "-o", corpus],
            ["index", "query", index, corpus, "-o", index],
            ["index", "add", corpus, corpus],
            ["compare", report, other, "-o", report],
            ["compare", report, other, "-o", work.path + "/./a.txt"],
            ["compare", report, other, "-o", work.appendingPathComponent("link.txt").path],
            ["compare", report, other, "-o", work.appendingPathComponent("hard.txt").path],
            ["cluster", corpus, "-o", work.appendingPathComponent("x.jsonl").path, "--pairs", work.appendingPathComponent("x.jsonl").path],
        ]
        for arguments in cases {
            let outcome = try ConcordProcess.run(arguments)
            #expect(outcome.status == 64, "\(arguments): \(outcome.error)")
        }
        let after = try [corpus, index, report, removedMapIsTheCorpus].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(after == before)
    }

    /// An output path that is not a regular file (a named pipe here; `/dev/null` alike) is written
    /// into, never replaced by a file of the same name.
    @Test func anOutputThatIsAPipeIsWrittenIntoNotReplaced() throws {
        let work = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: work) }
        let pipe = work.appendingPathComponent("clusters.pipe").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let received = UncheckedReceived()
        let reader = Thread {
            received.data = FileHandle(forReadingAtPath: pipe)?.readDataToEndOfFile()
            received.done.signal()
        }
        reader.start()
        let outcome = try ConcordProcess.run(["cluster", work.appendingPathComponent("corpus.jsonl").path, "-o", pipe])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(received.done.wait(timeout: .now() + 60) == .success)
        let lines = String(decoding: received.data ?? Data(), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 6 && lines.allSatisfy { $0.hasPrefix(#"{"id":"#) })
        var info = stat()
        #expect(stat(pipe, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    /// What the pipe's reader thread received.
    final class UncheckedReceived: @unchecked Sendable {
        var data: Data?
        let done = DispatchSemaphore(value: 0)
    }

    @Test func aFailedDeduplicationLeavesNoHalfResult() throws {
        let work = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: work) }
        // The removed map's path is a directory: it cannot be written, so neither may the kept file be.
        try FileManager.default.createDirectory(at: work.appendingPathComponent("unique.removed.jsonl"), withIntermediateDirectories: false)
        let outcome = try ConcordProcess.run(["cluster", work.appendingPathComponent("corpus.jsonl").path, "--dedup", "-o",
                                              work.appendingPathComponent("unique.jsonl").path, "-q"])
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("unique.removed.jsonl: is a directory"))
        let left = try FileManager.default.contentsOfDirectory(atPath: work.path).sorted()
        #expect(left == ["corpus.cidx", "corpus.cidx.lock", "corpus.jsonl", "unique.removed.jsonl"])
    }

    @Test func twoConcurrentIndexAddsLoseNoBatch() throws {
        let work = try ConcordProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let index = work.appendingPathComponent("all.cidx").path
        for batch in 0..<3 {
            let lines = (0..<10_000).map { #"{"id": "b\#(batch)-\#($0)", "text": "report \#($0) of batch \#(batch)"}"# }
            try Data(lines.joined(separator: "\n").utf8).write(to: work.appendingPathComponent("batch\(batch).jsonl"))
        }
        #expect(try ConcordProcess.run(["index", "add", index, work.appendingPathComponent("batch0.jsonl").path]).status == 0)
        let statuses = ConcurrentStatuses()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            let outcome = try? ConcordProcess.run(["index", "add", index, work.appendingPathComponent("batch\(worker + 1).jsonl").path])
            statuses.record(outcome?.status ?? -1)
        }
        #expect(statuses.all == [0, 0])
        let stats = try ConcordProcess.run(["index", "stats", index])
        #expect(stats.text.contains("documents      30,000"), "\(stats.text)")
    }

    @Test func idsWithEscapeSequencesAreShownNotObeyed() throws {
        let work = try ConcordProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let corpus = work.appendingPathComponent("c.jsonl")
        try Data(#"{"id": "x\u001b[2J", "text": "Rockets hit the base."}"#.utf8).write(to: corpus)
        let outcome = try ConcordProcess.run(["cluster", corpus.path])
        #expect(outcome.status == 0)
        #expect(!outcome.text.contains("\u{1B}"))
        #expect(outcome.text.contains(#"x\u{1B}[2J"#))
        #expect(!outcome.error.contains("\u{1B}"))
    }
}

/// Exit statuses gathered from worker threads.
final class ConcurrentStatuses: @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [Int32] = []

    func record(_ status: Int32) { lock.withLock { statuses.append(status) } }
    var all: [Int32] { lock.withLock { statuses } }
}
