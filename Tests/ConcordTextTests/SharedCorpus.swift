import Foundation

/// Locates the labelled data in `../shared/corpus`, which CI and developers have beside the repo,
/// and the repository's own sample `Corpus/`, which is always there. A test that needs the shared
/// data is marked `.enabled(if: SharedCorpus.has(…))`, so that without it the run lists the test as
/// skipped; where the sample corpus can stand in, a second test runs on it either way.
enum SharedCorpus {
    /// The repository's root.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let root = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// Whether the shared corpus holds `relativePath`.
    static func has(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: file(relativePath).path)
    }

    /// The shared corpus's file at `relativePath` (present when `has(relativePath)`).
    static func file(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    /// The `text` fields of the first `limit` lines of a JSONL file of the shared corpus.
    static func texts(_ relativePath: String, limit: Int = .max) throws -> [String] {
        let data = try String(contentsOf: file(relativePath), encoding: .utf8)
        var result: [String] = []
        for line in data.split(separator: "\n").prefix(limit) {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if let text = object?["text"] as? String { result.append(text) }
        }
        return result
    }

    /// The sample corpus's file at `relativePath` (`Corpus/<event>/<outlet>.txt`).
    static func sample(_ relativePath: String) -> URL {
        repository.appendingPathComponent("Corpus").appendingPathComponent(relativePath)
    }

    /// Every report of the sample corpus, in path order.
    static func sampleTexts() throws -> [String] {
        let corpus = repository.appendingPathComponent("Corpus")
        let paths = (FileManager.default.enumerator(atPath: corpus.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
        return try paths.map { try String(contentsOf: corpus.appendingPathComponent($0), encoding: .utf8) }
    }
}
