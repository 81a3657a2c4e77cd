import Foundation
import Testing

/// `concord sketch`, `verify` and `link` run as a distributed job runs them: parts sketched
/// apart, candidates from the band keys, verification and linkage per connected component, must
/// give `concord cluster`'s output.
@Suite struct StageCommandsTests {
    /// The sample corpus as JSONL (ids are the files' paths), with an empty report.
    static let corpus: String = {
        let root = ConcordProcess.repository.appendingPathComponent("Corpus")
        let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".txt") }.sorted()
        var lines = files.map { file in
            let text = try! String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let object = try! JSONSerialization.data(withJSONObject: ["id": file, "text": text], options: [.sortedKeys])
            return String(decoding: object, as: UTF8.self)
        }
        lines.insert(#"{"id": 17, "text": ""}"#, at: 3)
        return lines.joined(separator: "\n") + "\n"
    }()

    func run(_ arguments: [String], _ input: String) throws -> String {
        let outcome = try ConcordProcess.run(arguments, input: Data(input.utf8))
        #expect(outcome.status == 0, "concord \(arguments.joined(separator: " ")): \(outcome.error)")
        return outcome.text
    }

    func object(_ line: Substring) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
    }

    /// Candidate pairs from sketch records as a batch job finds them: documents grouped by
    /// (band, key), each bucket's members in input order, the first 400 paired with every later one.
    func candidates(_ records: [[String: Any]]) -> [(Int, Int)] {
        var buckets: [String: [Int]] = [:]
        for record in records {
            let keys = Data(base64Encoded: record["bands"] as! String)!
            for band in 0..<(keys.count / 8) {
                buckets["\(band):\(keys[(band * 8)..<(band * 8 + 8)].base64EncodedString())", default: []].append(record["n"] as! Int)
            }
        }
        var pairs = Set<[Int]>()
        for members in buckets.values {
            let sorted = members.sorted()
            for i in sorted.indices where i < 400 { for j in (i + 1)..<sorted.count { pairs.insert([sorted[i], sorted[j]]) } }
        }
        return pairs.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0], $0[1]) }
    }

    /// The connected components of `edges` over `nodes`, each as its members.
    func components(_ nodes: [Int], _ edges: [(Int, Int)]) -> [[Int]] {
        var parent = Dictionary(uniqueKeysWithValues: nodes.map { ($0, $0) })
        func root(_ node: Int) -> Int { parent[node] == node ? node : root(parent[node]!) }
        for (a, b) in edges { parent[root(a)] = root(b) }
        return Dictionary(grouping: nodes, by: root).values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    @Test func stagesRunApartGiveClustersOutput() throws {
        let options = ["--threshold", "0.5"]
        let expected = try run(["cluster", "-", "--format", "jsonl", "-q"] + options, Self.corpus)
        // Sketched in two parts, each numbered from its first line.
        let lines = Self.corpus.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let half = lines.count / 2
        let sketches = try run(["sketch", "-"] + options, lines[..<half].joined(separator: "\n") + "\n")
            + run(["sketch", "-", "--first-line", "\(half + 1)"] + options, lines[half...].joined(separator: "\n") + "\n")
        #expect(sketches == (try run(["sketch", "-"] + options, Self.corpus)))
        let recordLines = sketches.split(separator: "\n")
        let records = try recordLines.map(object)
        #expect(records.map { $0["n"] as! Int } == Array(1...lines.count))
        let pairs = candidates(records)
        #expect(!pairs.isEmpty)
        let verified = try run(["verify"] + options, sketches + pairs.map { #"{"a":\#($0.0),"b":\#($0.1)}"# }.joined(separator: "\n") + "\n")
        let edges = try verified.split(separator: "\n").map(object).map { ($0["a"] as! Int, $0["b"] as! Int) }
        #expect(edges.count <= pairs.count && !edges.isEmpty)
        // Linkage one component at a time, as a batch job runs it.
        var linked: [(n: Int, cluster: Int, line: [String: Any])] = []
        let verifiedLines = verified.split(separator: "\n")
        for component in components(records.map { $0["n"] as! Int }, edges) {
            let members = Set(component)
            let input = recordLines.filter { members.contains(try! object($0)["n"] as! Int) }
                + verifiedLines.filter { members.contains(try! object($0)["a"] as! Int) }
            for line in try run(["link"] + options, input.joined(separator: "\n") + "\n").split(separator: "\n") {
                let row = try object(line)
                linked.append((row["n"] as! Int, row["cluster"] as! Int, row))
            }
        }
        // Clusters numbered by their first document, in input order.
        let firsts = Set(linked.map(\.cluster)).sorted()
        let rebuilt = linked.sorted { $0.n < $1.n }.map { row in
            var fields = row.line
            fields["cluster"] = firsts.firstIndex(of: row.cluster)!
            fields["n"] = nil
            return fields
        }
        let wanted = try expected.split(separator: "\n").map(object)
        #expect(rebuilt.count == wanted.count)
        for (got, want) in zip(rebuilt, wanted) {
            #expect(NSDictionary(dictionary: got).isEqual(to: want), "\(got) vs \(want)")
        }
    }

    @Test func verifyRefusesRecordsSketchedWithOtherSettings() throws {
        let sketches = try run(["sketch", "-", "--threshold", "0.5"], Self.corpus)
        let outcome = try ConcordProcess.run(["verify", "--threshold", "0.6"], input: Data(sketches.utf8))
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("<stdin>:1: sketched with other settings"))
    }

    @Test func aPairWithoutItsRecordIsAnErrorNamingItsLine() throws {
        let sketch = try run(["sketch", "-"], Self.corpus).split(separator: "\n").first!
        let outcome = try ConcordProcess.run(["verify"], input: Data("\(sketch)\n{\"a\":1,\"b\":99}\n".utf8))
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("<stdin>:2: the pair names document n=99, whose sketch record was not given"))
    }

    @Test func aRecordGivenTwiceIsReadOnceButTwoDifferentRecordsAreAnError() throws {
        let sketches = try run(["sketch", "-", "--threshold", "0.01"], Self.corpus).split(separator: "\n")
        let twice = "\(sketches[0])\n\(sketches[1])\n\(sketches[0])\n{\"a\":1,\"b\":2}\n"
        #expect(try run(["verify", "--threshold", "0.01"], twice) == (try run(["verify", "--threshold", "0.01"], "\(sketches[0])\n\(sketches[1])\n{\"a\":1,\"b\":2}\n")))
        let other = sketches[1].replacingOccurrences(of: #""n":2,"#, with: #""n":1,"#)
        let outcome = try ConcordProcess.run(["verify", "--threshold", "0.01"], input: Data("\(sketches[0])\n\(other)\n".utf8))
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("<stdin>:2: a second, different record for document n=1 (first at <stdin>:1)"))
    }

    @Test func linkNeedsVerifiedPairs() throws {
        let sketches = try run(["sketch", "-"], Self.corpus).split(separator: "\n").prefix(2).joined(separator: "\n")
        let outcome = try ConcordProcess.run(["link"], input: Data("\(sketches)\n{\"a\":1,\"b\":2}\n".utf8))
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("<stdin>:3: a pair without \"similarity\""))
    }

    @Test(arguments: [
        (#"{"sketch":2,"n":1}"#, "sketch format 2 is not one this concord reads"),
        (#"{"sketch":1,"n":1,"id":"a","shingles":1,"bands":"","signature":"","fingerprints":"!!","settings":"x"}"#, "\"fingerprints\" must be base64"),
        (#"{"sketch":1,"n":1,"id":"a","shingles":2,"bands":"","signature":"","fingerprints":"AgAAAAEAAAA=","settings":"x"}"#, "sorted and distinct"),
        (#"{"sketch":1,"n":1,"id":"a","shingles":5,"bands":"","signature":"","fingerprints":"","settings":"x"}"#, "\"shingles\" says 5"),
        (#"{"a":1,"b":1}"#, "a pair of document 1 with itself"),
        (#"{"a":1,"b":2,"similarity":1.5}"#, "from 0 to 1"),
        (#"{"text":"a report"}"#, "neither a sketch record"),
        ("[1, 2]", "malformed JSON"),
    ])
    func hostileLinesAreErrorsNamingTheirLine(line: String, message: String) throws {
        for command in ["verify", "link"] {
            let outcome = try ConcordProcess.run([command], input: Data("\n\(line)\n".utf8))
            #expect(outcome.status == 1)
            #expect(outcome.error.contains("<stdin>:2: "), "\(outcome.error)")
            #expect(outcome.error.contains(message), "\(outcome.error)")
        }
    }

    @Test func sketchAccountsForEveryLine() throws {
        let input = #"{"id":"a","text":"one report"}"# + "\n\nnot json\n" + #"{"id":"a","text":"again"}"# + "\n"
        let refused = try ConcordProcess.run(["sketch", "-", "--first-line", "10"], input: Data(input.utf8))
        #expect(refused.status == 1)
        #expect(refused.error.contains("<stdin>:12: malformed JSON"))
        let skipped = try ConcordProcess.run(["sketch", "-", "--first-line", "10", "--skip-invalid"], input: Data(input.utf8))
        #expect(skipped.status == 1)
        #expect(skipped.error.contains("duplicate id \"a\" (first at <stdin>:10)"))
        let fine = input.replacingOccurrences(of: #""a","text":"again""#, with: #""b","text":"again""#)
        let outcome = try ConcordProcess.run(["sketch", "-", "--first-line", "10", "--skip-invalid", "-q"], input: Data(fine.utf8))
        #expect(outcome.status == 0)
        let rows = try outcome.text.split(separator: "\n").map(object)
        #expect(rows.map { $0["n"] as! Int } == [10, 12, 13])
        #expect((rows[1]["skipped"] as! String).hasPrefix("malformed JSON"))
        #expect(rows[2]["id"] as! String == "b")
    }

    @Test func showSettingsGivesTheBucketCapAndBanding() throws {
        let settings = try object(Substring(try run(["sketch", "--show-settings", "--bands", "10", "--rows", "3"], "")))
        #expect(settings["bucket-cap"] as! Int == 400)
        #expect(settings["bands"] as! Int == 10 && settings["rows"] as! Int == 3)
    }
}
