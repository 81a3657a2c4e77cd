#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Concord's one policy for turning a whole input (a file of a directory, a `diff` or `normalize`
/// argument, standard input) into text:
/// a byte-order mark (UTF-8, UTF-16 or UTF-32, either order) decides the encoding and is dropped;
/// otherwise `encoding` (from `--encoding`) is used, and without it the input is UTF-8, where
/// UTF-16 or UTF-32 without a mark is refused with its name. A NUL marks binary input and is an error
/// naming line and column; invalid input is an error naming the byte offset (and, for UTF-8, the
/// encoding ICU takes the input for) unless `lossy`, which replaces each bad sequence with U+FFFD
/// and counts it.
package enum InputDecoding {
    /// `bytes` as UTF-8 bytes, transcoded when a byte-order mark or `encoding` says so; no NUL or
    /// UTF-8 check yet.
    ///
    /// - Returns: the UTF-8 bytes (without a byte-order mark) and the characters replaced.
    /// - Throws: `TextError` for an unknown encoding, invalid bytes in a named encoding (unless
    ///   `lossy`), or UTF-16/UTF-32 without a mark or `encoding`.
    /// - Complexity: O(*n*) in the number of bytes.
    package static func utf8Bytes(_ bytes: [UInt8], encoding: String?, lossy: Bool) throws(TextError) -> (bytes: [UInt8], replaced: Int) {
        try bytes.withUnsafeBytes { raw in Result { () throws(TextError) -> ([UInt8], Int) in
            if let mark = EncodingDetection.byteOrderMark(in: raw) {
                let rest = UnsafeRawBufferPointer(rebasing: raw[mark.length...])
                if mark.encoding == "UTF-8" { return (Array(rest), 0) }
                return try Transcoder.utf8(of: rest, encoding: mark.encoding, lossy: lossy)
            }
            if let encoding, try !Transcoder(encoding: encoding, lossy: lossy).isUTF8 {
                return try Transcoder.utf8(of: raw, encoding: encoding, lossy: lossy)
            }
            if let unmarked = EncodingDetection.unmarkedUnicode(in: raw) { throw .unmarkedUnicode(unmarked) }
            return (bytes, 0)
        } }.get()
    }

    /// The whole input as text, under the policy above.
    ///
    /// - Returns: the text and the number of characters replaced by U+FFFD.
    /// - Throws: `TextError` naming what is wrong and where.
    /// - Complexity: O(*n*) in the number of bytes.
    package static func decode(_ bytes: [UInt8], encoding: String?, lossy: Bool) throws(TextError) -> (text: String, replaced: Int) {
        let (utf8, transcoded) = try utf8Bytes(bytes, encoding: encoding, lossy: lossy)
        return try utf8.withUnsafeBytes { raw in Result { () throws(TextError) -> (String, Int) in
            try checkNUL(raw)
            guard let invalid = UTF8Decoding.firstInvalidOffset(in: raw) else {
                return (String(decoding: raw, as: UTF8.self), transcoded)
            }
            guard lossy else { throw .invalidUTF8(offset: invalid, likely: EncodingDetection.likelyEncoding(of: raw)) }
            return (String(decoding: raw, as: UTF8.self), transcoded + UTF8Decoding.replacementCount(in: raw, from: invalid))
        } }.get()
    }

    /// Throws `TextError.nul` with the line and column of the first NUL in `bytes`, if any.
    ///
    /// - Complexity: O(*n*) in the number of bytes (`memchr`).
    package static func checkNUL(_ bytes: UnsafeRawBufferPointer) throws(TextError) {
        guard let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) else { return }
        let offset = UnsafeRawPointer(nul) - base
        let before = bytes[..<offset]
        let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
        throw .nul(line: before.count { $0 == 0x0A } + 1, column: offset - lineStart + 1)
    }
}
