import Foundation

/// The inputs of the events-mode command tests: the sample `Corpus/` as JSONL (with titles,
/// outlets and dates), seeded random reports, and `../shared/corpus/events` when present.
extension EventsCommandTests {
    /// One report of a JSONL input.
    struct Report {
        var id: String
        var text: String
        var title: String? = nil
        var outlet: String? = nil
        var date: String? = nil

        var json: String {
            var object: [String: String] = ["id": id, "text": text]
            if let title { object["title"] = title }
            if let outlet { object["outlet"] = outlet }
            if let date { object["date"] = date }
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
    }

    static func jsonl(_ reports: [Report]) -> Data {
        Data(reports.map(\.json).joined(separator: "\n").appending("\n").utf8)
    }

    static let corpus = ConcordProcess.repository.appendingPathComponent("Corpus")

    /// Every report of the sample corpus in path order: id = path in `Corpus/`, title = its first
    /// line, text = the rest, outlet = the file's name, all dated `date`.
    static func sampleReports(date: String? = nil) throws -> [Report] {
        let paths = (FileManager.default.enumerator(atPath: corpus.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
        return try paths.map { path in
            let content = try String(contentsOf: corpus.appendingPathComponent(path), encoding: .utf8)
            let (title, text) = content.split(separator: "\n", maxSplits: 1).map(String.init).splitTitle
            let outlet = String(path.split(separator: "/").last!.dropLast(4))
            return Report(id: path, text: text, title: title, outlet: outlet, date: date)
        }
    }

    /// A deterministic generator (SplitMix64), so generated corpora are the same on every run.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// `count` words of random letters: a vocabulary no two generated reports share by chance.
    static func words(_ count: Int, using generator: inout SeededGenerator) -> [String] {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return (0..<count).map { _ in String((0..<Int.random(in: 4...9, using: &generator)).map { _ in letters.randomElement(using: &generator)! }) }
    }

    /// `count` reports, each `length` words drawn at random from one shared vocabulary: the same
    /// words, but no wording in common (no copies).
    static func independentReports(_ count: Int, length: Int = 80, seed: UInt64 = 7) -> [Report] {
        var generator = SeededGenerator(state: seed)
        let vocabulary = words(2_000, using: &generator)
        return (0..<count).map { index in
            Report(id: "report-\(index)", text: (0..<length).map { _ in vocabulary.randomElement(using: &generator)! }
                .joined(separator: " ") + ".")
        }
    }

    /// `events` × `perEvent` reports: the reports of an event draw half their words from the
    /// event's own names, half from a shared vocabulary; every tenth report is a copy.
    static func generatedEvents(events: Int, perEvent: Int, seed: UInt64 = 11) -> [Report] {
        var generator = SeededGenerator(state: seed)
        let common = words(3_000, using: &generator)
        var reports: [Report] = []
        for event in 0..<events {
            let names = words(25, using: &generator)
            for report in 0..<perEvent {
                let text = (0..<90).map { index in
                    (index % 2 == 0 ? names : common).randomElement(using: &generator)!
                }.joined(separator: " ")
                let id = "event-\(event)-\(report)"
                reports.append(Report(id: id, text: text, title: names.prefix(3).joined(separator: " "), date: "2024-01-0\(1 + event % 9)"))
                if reports.count % 10 == 0 { reports.append(Report(id: id + "-copy", text: text, date: "2024-01-0\(1 + event % 9)")) }
            }
        }
        return reports
    }

    static let roundups = ConcordProcess.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/corpus/events/allsides_roundups.jsonl")

    /// A few hundred reports to run on: 300 generated reports of 100 events (always), and the
    /// first 300 AllSides roundup reports when `../shared/corpus` is beside the repository.
    static func largeCorpora() throws -> [(name: String, reports: Int, jsonl: Data)] {
        let generated = generatedEvents(events: 100, perEvent: 3)
        var corpora = [(name: "generated", reports: generated.count, jsonl: jsonl(generated))]
        if FileManager.default.fileExists(atPath: roundups.path) {
            let lines = try String(contentsOf: roundups, encoding: .utf8).split(separator: "\n").prefix(300)
            corpora.append((name: "allsides_roundups", reports: 300, jsonl: Data(lines.joined(separator: "\n").appending("\n").utf8)))
        } else {
            print("Events determinism runs on generated reports only: no \(roundups.path)")
        }
        return corpora
    }

    /// The JSON objects of JSONL text.
    static func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    /// The JSON objects of a JSONL file.
    static func objects(at url: URL) throws -> [[String: Any]] {
        try objects(String(contentsOf: url, encoding: .utf8))
    }
}

private extension Array where Element == String {
    /// A sample report's first line and the rest, without the blank line between them.
    var splitTitle: (String?, String) {
        count == 2 ? (self[0], self[1].trimmingCharacters(in: .whitespacesAndNewlines)) : (nil, first ?? "")
    }
}
