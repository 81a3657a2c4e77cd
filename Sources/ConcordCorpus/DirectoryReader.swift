#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
internal import ConcordText

/// Reads a directory tree of text files as documents: the id of each is its path relative to the
/// directory, files are taken in byte order of those paths (so runs are reproducible), and only
/// files with the chosen extensions are read. Binary files (a NUL byte) and files that are not
/// UTF-8 are skipped with a reason; empty files are kept as empty documents.
public struct DirectoryReader: Sendable {
    public let path: String
    /// File extensions to read, without the dot, lowercase; empty means every file.
    public let extensions: Set<String>
    public let lossy: Bool

    public init(path: String, extensions: Set<String> = ["txt"], lossy: Bool = false) {
        self.path = path
        self.extensions = extensions
        self.lossy = lossy
    }

    /// The relative paths of the files that will be read, in order.
    public func relativePaths() throws -> [String] {
        let root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else {
            throw CorpusError(file: path, "cannot list the directory")
        }
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var result: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            if !extensions.isEmpty && !extensions.contains(url.pathExtension.lowercased()) { continue }
            let full = url.standardizedFileURL.path
            result.append(full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : url.lastPathComponent)
        }
        return result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Calls `body` with each file in order: a document, or why the file is skipped.
    ///
    /// - Complexity: O(*n*) in the bytes read; one file in memory at a time.
    public func forEachRecord(_ body: (DirectoryRecord) throws -> Void) throws {
        for relative in try relativePaths() {
            let full = (path as NSString).appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: full) else {
                try body(.skipped(relative, "cannot be read"))
                continue
            }
            let bytes = [UInt8](data)
            if let nul = bytes.firstIndex(of: 0) {
                try body(.skipped(relative, "binary (NUL byte at offset \(nul))"))
                continue
            }
            let text: String
            do {
                text = try UTF8Decoding.decode(bytes, lossy: lossy)
            } catch {
                try body(.skipped(relative, "\(error)"))
                continue
            }
            var document = Document(id: .string(relative), text: text, origin: relative)
            if lossy, bytes.withUnsafeBytes({ UTF8Decoding.firstInvalidOffset(in: $0) }) != nil {
                document.replacedCharacters = 1
            }
            try body(.document(document))
        }
    }
}

/// One file of a directory: read, or skipped with a reason.
public enum DirectoryRecord: Sendable {
    case document(Document)
    case skipped(String, String)
}
