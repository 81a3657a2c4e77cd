import Foundation
import Testing

@Suite struct ClusterCommandTests {
    static let wire = """
    Rockets struck a base housing US forces near the Omar oil field in eastern Syria on Monday evening, witnesses said, \
    hours after American airstrikes on militia positions near the Iraqi border. A coalition spokesman said there were \
    no injuries and that the damage was being assessed. Iran-backed groups have attacked the base several times this year.
    """

    static func line(_ id: String, _ text: String) -> String {
        "{\"id\": \"\(id)\", \"text\": \"\(text.replacingOccurrences(of: "\"", with: "\\\""))\"}"
    }

    static let corpus = [
        line("wire", wire),
        line("copy", wire.replacingOccurrences(of: "Monday evening", with: "Monday night")),
        line("other", "The central bank raised its main interest rate by half a point on Tuesday to curb inflation."),
        line("empty", ""),
    ].joined(separator: "\n") + "\n"

    func lines(_ outcome: ConcordProcess.Outcome) throws -> [[String: Any]] {
        try outcome.text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test func everyDocumentAppearsOnceInTheJSONLines() throws {
        let outcome = try ConcordProcess.run(["cluster", "-", "--format", "jsonl", "-q"], input: Data(Self.corpus.utf8))
        #expect(outcome.status == 0)
        let rows = try lines(outcome)
        #expect(rows.map { $0["id"] as! String } == ["wire", "copy", "other", "empty"])
        #expect(rows[0]["cluster"] as! Int == rows[1]["cluster"] as! Int)
        #expect(Set(rows.map { $0["cluster"] as! Int }).count == 3)
        #expect(Set(rows.map { $0["representative"] as! String }).isSuperset(of: ["other", "empty"]))
    }

    @Test func integerIdsStayIntegers() throws {
        let input = "{\"id\": 7, \"text\": \"one report\"}\n{\"id\": \"7\", \"text\": \"another report\"}\n"
        let outcome = try ConcordProcess.run(["cluster", "-", "--format", "jsonl", "-q"], input: Data(input.utf8))
        #expect(outcome.text.hasPrefix("{\"id\":7,"))
    }

    @Test func aMalformedLineIsAnErrorNamingFileAndLine() throws {
        let input = Self.line("a", "fine") + "\n{\"id\": \"b\", \"text\": broken}\n"
        let outcome = try ConcordProcess.run(["cluster", "-", "-q"], input: Data(input.utf8))
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("<stdin>:2: malformed JSON at column"))
        #expect(outcome.error.contains("--skip-invalid"))
    }

    @Test func skipInvalidReportsEachSkippedLineAndKeepsTheRest() throws {
        let input = Self.line("a", "fine") + "\nnot json\n" + Self.line("c", "also fine") + "\n"
        let outcome = try ConcordProcess.run(["cluster", "-", "--skip-invalid", "--format", "jsonl"], input: Data(input.utf8))
        #expect(outcome.status == 0)
        #expect(try lines(outcome).map { $0["id"] as! String } == ["a", "c"])
        #expect(outcome.error.contains("skipped <stdin>:2"))
        #expect(outcome.error.contains("skipped invalid lines: 1"))
    }

    @Test func duplicateIdsAreAnError() throws {
        let input = Self.line("a", "one") + "\n" + Self.line("a", "two") + "\n"
        let outcome = try ConcordProcess.run(["cluster", "-", "-q"], input: Data(input.utf8))
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("duplicate id \"a\" (first at <stdin>:1)"))
    }

    @Test func binaryFilesInADirectoryAreSkippedWithAMessage() throws {
        let directory = try ConcordProcess.temporaryDirectory()
        try Data(Self.wire.utf8).write(to: directory.appendingPathComponent("a.txt"))
        try Data([0x00, 0x01, 0x02]).write(to: directory.appendingPathComponent("image.txt"))
        try Data().write(to: directory.appendingPathComponent("empty.txt"))
        let outcome = try ConcordProcess.run(["cluster", directory.path, "--format", "jsonl"])
        #expect(outcome.status == 0)
        #expect(try lines(outcome).map { $0["id"] as! String } == ["a.txt", "empty.txt"])
        #expect(outcome.error.contains("skipped image.txt: binary"))
        #expect(outcome.error.contains("empty after cleaning (kept as singletons): 1"))
    }

    @Test func outputIsTheSameForAnyNumberOfThreads() throws {
        let input = Data((0..<60).map { index in
            Self.line("d\(index)", String(Self.wire.split(separator: " ").dropFirst(index % 9).joined(separator: " ")) + " \(index)")
        }.joined(separator: "\n").utf8)
        let serial = try ConcordProcess.run(["cluster", "-", "--format", "jsonl", "--threads", "1", "-q"], input: input)
        let parallel = try ConcordProcess.run(["cluster", "-", "--format", "jsonl", "--threads", "4", "-q"], input: input)
        #expect(serial.output == parallel.output)
        #expect(!serial.output.isEmpty)
    }

    @Test func dedupWritesRepresentativesAndTheRemovedMap() throws {
        let directory = try ConcordProcess.temporaryDirectory()
        let unique = directory.appendingPathComponent("unique.jsonl").path
        let outcome = try ConcordProcess.run(["cluster", "-", "--dedup", "-o", unique, "-q"], input: Data(Self.corpus.utf8))
        #expect(outcome.status == 0)
        let kept = try String(contentsOfFile: unique, encoding: .utf8).split(separator: "\n")
        let removed = try String(contentsOfFile: directory.appendingPathComponent("unique.removed.jsonl").path, encoding: .utf8)
            .split(separator: "\n")
        #expect(kept.count == 3)
        #expect(removed.count == 1)
        #expect(kept.count + removed.count == 4)
    }

    @Test func jsonFormatListsClustersParametersAndEmptyDocuments() throws {
        let outcome = try ConcordProcess.run(["cluster", "-", "--format", "json", "-q"], input: Data(Self.corpus.utf8))
        let object = try JSONSerialization.jsonObject(with: outcome.output) as! [String: Any]
        #expect(object["documents"] as! Int == 4)
        #expect((object["clusters"] as! [[String: Any]]).count == 3)
        #expect((object["parameters"] as! [String: Any])["measure"] as! String == "containment")
        #expect(object["empty"] as! [String] == ["empty"])
    }

    @Test func theSummaryNamesTheShinglesUsed() throws {
        let words = try ConcordProcess.run(["cluster", "-", "-o", "/dev/null"], input: Data(Self.corpus.utf8))
        #expect(words.error.contains("on word 5-shingles"))
        let characters = try ConcordProcess.run(["cluster", "-", "-o", "/dev/null", "--char-ngram", "7"], input: Data(Self.corpus.utf8))
        #expect(characters.error.contains("on character 7-shingles"))
    }

    @Test func theSampleCorpusIsTheDefault() throws {
        let outcome = try ConcordProcess.run(["cluster"])
        #expect(outcome.status == 0)
        #expect(outcome.text.contains("representative omar-oil-field/"))
        #expect(outcome.error.contains("documents from Corpus"))
        #expect(!outcome.text.contains("documents/s"))
    }

    /// The clusters must not overwrite the corpus they came from.
    @Test func refusesToWriteOverTheInput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("concord-self-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = directory.appendingPathComponent("corpus.jsonl").path
        try Data(Self.corpus.utf8).write(to: URL(fileURLWithPath: corpus))
        let outcome = try ConcordProcess.run(["cluster", corpus, "-o", corpus])
        #expect(outcome.status != 0)
        #expect(outcome.error.contains("is the input"))
        #expect(try String(contentsOfFile: corpus, encoding: .utf8) == Self.corpus)
    }

    /// The sample corpus's expected groups: no two reports of different groups may share a cluster,
    /// and most reports that share wording must be found together.
    @Test func theSampleCorpusClustersAsItsReadmeSays() throws {
        let expected = try String(contentsOf: ConcordProcess.repository.appendingPathComponent("Corpus/expected-clusters.tsv"), encoding: .utf8)
        var group: [String: String] = [:]
        for line in expected.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: "\t")
            group[String(cells[0])] = String(cells[1])
        }
        let rows = try lines(try ConcordProcess.run(["cluster", "--format", "jsonl", "-q"]))
        #expect(rows.count == group.count)
        var truePairs = 0, foundPairs = 0
        for i in rows.indices {
            for j in rows.indices where j > i {
                let (a, b) = (rows[i]["id"] as! String, rows[j]["id"] as! String)
                let together = rows[i]["cluster"] as! Int == rows[j]["cluster"] as! Int
                if together { #expect(group[a] == group[b], "\(a) and \(b) are not the same story") }
                if group[a] == group[b] { truePairs += 1; if together { foundPairs += 1 } }
            }
        }
        #expect(Double(foundPairs) / Double(truePairs) >= 0.6)
    }
}

@Suite struct IndexCommandTests {
    @Test func addQueryAndStats() throws {
        let directory = try ConcordProcess.temporaryDirectory()
        let index = directory.appendingPathComponent("corpus.cidx").path
        let first = ClusterCommandTests.line("wire", ClusterCommandTests.wire) + "\n"
        let added = try ConcordProcess.run(["index", "add", index, "-"], input: Data(first.utf8))
        #expect(added.status == 0)
        let queryInput = ClusterCommandTests.line("copy", ClusterCommandTests.wire.replacingOccurrences(of: "Monday", with: "Sunday"))
            + "\n" + ClusterCommandTests.line("new", "An unrelated report about football.") + "\n"
        let query = try ConcordProcess.run(["index", "query", index, "-"], input: Data(queryInput.utf8))
        let rows = query.text.split(separator: "\n")
        #expect(rows.count == 2)
        #expect(rows[0].contains("\"matches\":[{\"id\":\"wire\""))
        #expect(rows[1].hasSuffix("\"matches\":[]}"))
        let stats = try ConcordProcess.run(["index", "stats", index])
        #expect(stats.text.contains("documents      1"))
        let again = try ConcordProcess.run(["index", "add", index, "-"], input: Data(first.utf8))
        #expect(again.status == 1)
        #expect(again.error.contains("already in"))
    }

    @Test func foreignDamagedAndMismatchedIndexesAreRefused() throws {
        let directory = try ConcordProcess.temporaryDirectory()
        let foreign = directory.appendingPathComponent("foreign.cidx")
        try Data("not an index".utf8).write(to: foreign)
        #expect(try ConcordProcess.run(["index", "stats", foreign.path]).error.contains("not a Concord index"))
        let index = directory.appendingPathComponent("corpus.cidx").path
        _ = try ConcordProcess.run(["index", "add", index, "-"], input: Data((ClusterCommandTests.line("a", "some report text here") + "\n").utf8))
        var bytes = try Data(contentsOf: URL(fileURLWithPath: index))
        bytes[bytes.count / 2] ^= 0xFF
        let damaged = directory.appendingPathComponent("damaged.cidx")
        try bytes.write(to: damaged)
        #expect(try ConcordProcess.run(["index", "stats", damaged.path]).error.contains("checksum mismatch"))
        let mismatch = try ConcordProcess.run(["index", "query", index, "-", "--ngram", "3"], input: Data("{\"id\":\"q\",\"text\":\"x\"}\n".utf8))
        #expect(mismatch.status == 1)
        #expect(mismatch.error.contains("shingles is words:5 in the index, words:3 here"))
    }
}
