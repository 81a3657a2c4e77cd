import Foundation

/// Locates the labelled data in `../shared/corpus`, which CI and developers have beside the repo.
/// Tests that need it print why they skip when it is absent.
enum SharedCorpus {
    static let root: URL = {
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }()

    /// The file at `relativePath`, or `nil` (with a printed reason) when the shared corpus is absent.
    static func file(_ relativePath: String) -> URL? {
        let url = root.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("skipped: \(url.path) is absent (the shared corpus lives beside the repo as ../shared)")
            return nil
        }
        return url
    }

    /// The `text` fields of the first `limit` lines of a JSONL file.
    static func texts(_ relativePath: String, limit: Int = .max) throws -> [String]? {
        guard let url = file(relativePath) else { return nil }
        let data = try String(contentsOf: url, encoding: .utf8)
        var result: [String] = []
        for line in data.split(separator: "\n").prefix(limit) {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if let text = object?["text"] as? String { result.append(text) }
        }
        return result
    }
}
