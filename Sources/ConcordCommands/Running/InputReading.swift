#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ConcordText

/// Reads whole inputs (files or standard input) as bytes, and turns them into text with errors
/// that name the source.
enum InputReading {
    /// The bytes of `path`, or of standard input for `-`.
    static func bytes(of path: String) throws(CommandError) -> [UInt8] {
        if path == "-" { return readAll(descriptor: 0) }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CommandError("\(path): \(String(cString: strerror(errno)))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw CommandError("\(path): is a directory (give the files inside it, or use `concord cluster` for a corpus)")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw CommandError("\(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        return readAll(descriptor: descriptor)
    }

    private static func readAll(descriptor: Int32) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }

    /// `bytes` as text: invalid UTF-8 fails with its byte offset (or is replaced when `lossy`),
    /// and a NUL byte marks the input as binary.
    static func text(_ bytes: [UInt8], source: String, lossy: Bool) throws(CommandError) -> String {
        if let nul = bytes.firstIndex(of: 0) {
            throw CommandError("\(source): looks binary (NUL byte at byte offset \(nul)); Concord reads UTF-8 text")
        }
        do {
            return try UTF8Decoding.decode(bytes, lossy: lossy)
        } catch {
            throw CommandError(error, in: source)
        }
    }

    /// Calls `body` with each line of standard input as text, with its 1-based number: the line
    /// break (LF or CRLF) removed, a missing final newline tolerated, nothing for empty input.
    /// A NUL byte or invalid UTF-8 (unless `lossy`) stops with an error naming the line.
    static func forEachStandardInputLine(lossy: Bool, _ body: (String, Int) throws -> Void) throws {
        let input = try bytes(of: "-")
        guard !input.isEmpty else { return }
        var lineNumber = 0
        for var line in input.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast(input.last == 0x0A ? 1 : 0) {
            lineNumber += 1
            if line.last == 0x0D { line = line.dropLast() }
            if let nul = line.firstIndex(of: 0) {
                throw CommandError("<stdin>:\(lineNumber): NUL byte at byte offset \(nul - line.startIndex) of the line")
            }
            let text: String
            do {
                text = try UTF8Decoding.decode(line, lossy: lossy)
            } catch {
                throw CommandError(error, in: "<stdin>", line: lineNumber)
            }
            try body(text, lineNumber)
        }
    }

    /// A display name for a path.
    static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }
}
