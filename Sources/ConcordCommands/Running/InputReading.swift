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

    /// `bytes` as text under Concord's decoding policy (`InputDecoding`: byte-order marks,
    /// `--encoding`, a NUL marks binary input, invalid bytes fail with their offset unless
    /// `--lossy`); replacements are reported on standard error.
    static func text(_ bytes: [UInt8], source: String, options: TextInputOptions) throws(CommandError) -> String {
        do {
            let decoded = try InputDecoding.decode(bytes, encoding: options.encoding, lossy: options.lossy)
            reportReplacements(decoded.replaced, in: source)
            return decoded.text
        } catch {
            throw CommandError(error, in: source)
        }
    }

    /// Calls `body` with each line of standard input as text, with its 1-based number: the line
    /// break (LF or CRLF) removed, a missing final newline tolerated, nothing for empty input.
    /// The input is decoded as `text(_:source:options:)` decodes; a NUL or invalid UTF-8 (unless
    /// `--lossy`) stops with an error naming the line.
    static func forEachStandardInputLine(options: TextInputOptions, _ body: (String, Int) throws -> Void) throws {
        let input: [UInt8]
        var replaced: Int
        do {
            (input, replaced) = try InputDecoding.utf8Bytes(bytes(of: "-"), encoding: options.encoding, lossy: options.lossy)
        } catch let error as TextError {
            throw CommandError(error, in: "<stdin>")
        }
        guard !input.isEmpty else { return }
        var lineNumber = 0
        for var line in input.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast(input.last == 0x0A ? 1 : 0) {
            lineNumber += 1
            if line.last == 0x0D { line = line.dropLast() }
            let text: String
            do throws(TextError) {
                try line.withUnsafeBytes { bytes in Result { () throws(TextError) in try InputDecoding.checkNUL(bytes) } }.get()
                text = try UTF8Decoding.decode(line, lossy: options.lossy)
            } catch .invalidUTF8(let offset, _) {
                let likely = input.withUnsafeBytes { EncodingDetection.likelyEncoding(of: $0) }
                throw CommandError(.invalidUTF8(offset: offset, likely: likely), in: "<stdin>", line: lineNumber)
            } catch .nul(_, let column) {
                throw CommandError(.nul(line: nil, column: column), in: "<stdin>", line: lineNumber)
            } catch {
                throw CommandError(error, in: "<stdin>", line: lineNumber)
            }
            try body(text, lineNumber)
        }
        if options.lossy, let invalid = input.withUnsafeBytes({ UTF8Decoding.firstInvalidOffset(in: $0) }) {
            replaced += input.withUnsafeBytes { UTF8Decoding.replacementCount(in: $0, from: invalid) }
        }
        reportReplacements(replaced, in: "<stdin>")
    }

    /// Calls `body` with the two sides of each line of standard input, split at its first tab,
    /// and the line's number; a line without a tab is an error naming it and what each line must
    /// hold (`items`: "sentences", "names").
    static func forEachStandardInputPair(
        options: TextInputOptions, of items: String, _ body: (String, String, Int) throws -> Void
    ) throws {
        try forEachStandardInputLine(options: options) { text, lineNumber in
            guard let tab = text.unicodeScalars.firstIndex(of: "\t") else {
                let found = text.isEmpty ? "an empty line" : "no tab"
                throw CommandError("<stdin>:\(lineNumber): \(found); each line must hold two \(items) separated by a tab")
            }
            try body(String(text.unicodeScalars[..<tab]), String(text.unicodeScalars[text.unicodeScalars.index(after: tab)...]), lineNumber)
        }
    }

    /// Says on standard error how many characters `--lossy` replaced in `source`, if any.
    private static func reportReplacements(_ count: Int, in source: String) {
        if count > 0 { printError("concord: \(source): replaced \(count) invalid character\(count == 1 ? "" : "s") with U+FFFD") }
    }

    /// A display name for a path.
    static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }
}
