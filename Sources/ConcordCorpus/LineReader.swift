#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file or standard input line by line in large chunks, handing each line to a callback
/// as UTF-8 bytes (without its line break; a trailing CR is dropped too, and so is a byte-order
/// mark). Input in another encoding is transcoded as it is read (see `DecodedInput`). Memory holds
/// one chunk and the longest line, never the whole file.
package struct LineReader {
    let path: String
    package let displayName: String
    /// The `--encoding` charset, `nil` for UTF-8 (a byte-order mark overrides either).
    let encoding: String?
    /// Replace bytes invalid in a named encoding instead of stopping.
    let lossy: Bool
    private let chunkSize = 4 << 20

    package init(path: String, encoding: String? = nil, lossy: Bool = false) {
        self.path = path
        self.encoding = encoding
        self.lossy = lossy
        displayName = path == "-" ? "<stdin>" : path
    }

    /// Calls `body` with each line and its 1-based number.
    ///
    /// - Returns: the characters replaced by U+FFFD while transcoding (lossy only).
    /// - Complexity: O(*n*) in the bytes of the input.
    @discardableResult
    package func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws -> Int {
        let descriptor = path == "-" ? 0 : open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CorpusError(file: displayName, String(cString: strerror(errno)))
        }
        defer { if descriptor != 0 { close(descriptor) } }
        var input = try DecodedInput(descriptor: descriptor, displayName: displayName, encoding: encoding, lossy: lossy)
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var filled = 0
        var lineNumber = 0
        var atEnd = false
        while !atEnd {
            if filled == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
            let count = try input.next(into: &buffer, from: filled)
            if count == 0 { atEnd = true } else { filled += count }
            var consumed = 0
            try buffer.withUnsafeBufferPointer { bytes in
                var start = 0
                while start < filled {
                    let remaining = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<filled])
                    guard let newline = memchr(remaining.baseAddress!, 0x0A, remaining.count) else { break }
                    let end = start + (UnsafeRawPointer(newline) - remaining.baseAddress!)
                    lineNumber += 1
                    try body(Self.trimmingCR(bytes, start..<end), lineNumber)
                    start = end + 1
                }
                if atEnd && start < filled {
                    lineNumber += 1
                    try body(Self.trimmingCR(bytes, start..<filled), lineNumber)
                    start = filled
                }
                consumed = start
            }
            if consumed > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    _ = memmove(raw.baseAddress!, raw.baseAddress! + consumed, filled - consumed)
                }
                filled -= consumed
            }
        }
        return input.replacements
    }

    private static func trimmingCR(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        var end = range.upperBound
        if end > range.lowerBound, bytes[end - 1] == 0x0D { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<end])
    }
}
