#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
internal import ConcordText

/// Reads a directory tree of text files as documents: the id of each is its path relative to the
/// directory (its exact bytes when they are not UTF-8, see `DocumentID.fileName`), files are taken
/// in byte order of those paths (so runs are reproducible), and only files with the chosen
/// extensions are read. Symbolic links are followed, with loops detected (see `DirectoryWalk`).
/// Files are decoded under `InputDecoding`'s policy (byte-order marks, `--encoding`, NUL, invalid
/// bytes). Every file that is not read is reported with its reason: binary files (a NUL), files
/// that are not UTF-8, unreadable files and directories, broken links, loops. Empty files are kept
/// as empty documents.
public struct DirectoryReader: Sendable {
    public let path: String
    /// File extensions to read, without the dot, lowercase; empty means every file.
    public let extensions: Set<String>
    public let lossy: Bool
    /// The charset of the files (`--encoding`); `nil` for UTF-8. A byte-order mark overrides it.
    public let encoding: String?

    public init(path: String, extensions: Set<String> = ["txt"], lossy: Bool = false, encoding: String? = nil) {
        self.path = path
        self.extensions = extensions
        self.lossy = lossy
        self.encoding = encoding
    }

    /// The relative paths of the files that will be read, in order.
    public func relativePaths() throws -> [String] {
        try walk().entries().compactMap { entry in
            if case .file(let relative, _) = entry { DocumentID(path: relative).description } else { nil }
        }
    }

    private func walk() -> DirectoryWalk {
        var root = Array(path.utf8)
        while root.count > 1, root.last == UInt8(ascii: "/") { root.removeLast() }
        return DirectoryWalk(root: root, extensions: extensions)
    }

    /// Calls `body` with each file in order: a document, or why the file is skipped.
    ///
    /// - Complexity: O(*n*) in the bytes read; one file in memory at a time.
    public func forEachRecord(_ body: (DirectoryRecord) throws -> Void) throws {
        for entry in try walk().entries() {
            switch entry {
            case .skipped(let relative, let reason):
                try body(.skipped(DocumentID(path: relative).description, reason))
            case .file(let relative, let full):
                let id = DocumentID(path: relative)
                let name = id.description
                let bytes: [UInt8]
                do {
                    bytes = try Self.contents(of: full)
                } catch {
                    try body(.skipped(name, "cannot be read: \(String(cString: strerror(error.code)))"))
                    continue
                }
                let decoded: (text: String, replaced: Int)
                do {
                    decoded = try InputDecoding.decode(bytes, encoding: encoding, lossy: lossy)
                } catch {
                    try body(.skipped(name, "\(error)"))
                    continue
                }
                var document = Document(id: id, text: decoded.text, origin: name)
                document.replacedCharacters = decoded.replaced
                try body(.document(document))
            }
        }
    }

    /// An errno value, for a file that cannot be read.
    struct ReadError: Error { var code: Int32 }

    /// The whole contents of the file at `path`.
    static func contents(of path: [UInt8]) throws(ReadError) -> [UInt8] {
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw ReadError(code: errno) }
        defer { close(descriptor) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(code: errno)
            }
            if count == 0 { return result }
            result.append(contentsOf: chunk[..<count])
        }
    }
}

/// One file of a directory: read, or skipped with a reason.
public enum DirectoryRecord: Sendable {
    case document(Document)
    case skipped(String, String)
}
