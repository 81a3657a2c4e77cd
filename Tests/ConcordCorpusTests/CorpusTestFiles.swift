import Foundation

/// Writes small corpora to a temporary directory for reader tests.
enum CorpusTestFiles {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("concord-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ bytes: [UInt8], _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        try write(Array(text.utf8), name, in: directory)
    }
}
