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

    /// Copies standard input to a temporary file (for commands that must read their input twice)
    /// and returns its path; the file is removed when the process exits.
    static func spoolStandardInput() throws(CommandError) -> String {
        var template = Array("/tmp/concord-stdin-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw CommandError("cannot create a temporary file for standard input") }
        defer { close(descriptor) }
        let path = String(cString: template)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            var written = 0
            while written < count {
                let result = chunk.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, count - written) }
                guard result > 0 else { throw CommandError("cannot spool standard input to \(path)") }
                written += result
            }
        }
        spooledFiles.append(path)
        return path
    }

    nonisolated(unsafe) private static var spooledFiles: [String] = {
        atexit { for path in InputReading.spooledFiles { unlink(path) } }
        return []
    }()

    /// A display name for a path.
    static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }
}
