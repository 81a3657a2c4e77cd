#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import ConcordText

/// The bytes of an open file or standard input as UTF-8, read in chunks, under Concord's encoding
/// policy (see `InputDecoding`): a byte-order mark decides the encoding and is dropped, else the
/// `--encoding` charset, else UTF-8, refusing UTF-16 or UTF-32 text that has no mark. UTF-8 input
/// is handed out as read, with no copy beyond the one `read` makes; other encodings go through a
/// streaming ICU converter, so no input is ever held whole.
struct DecodedInput {
    private let descriptor: Int32
    private let displayName: String
    /// Bytes read while looking for a byte-order mark, not yet handed out.
    private var head: [UInt8] = []
    private var headStart = 0
    private var transcoder: Transcoder?
    /// The length of the byte-order mark, for offsets in messages.
    private var markLength = 0
    /// Transcoded bytes not yet handed out.
    private var decoded: [UInt8] = []
    private var decodedStart = 0
    private var raw: [UInt8] = []
    private var ended = false

    /// Reads the first bytes of `descriptor` and settles the encoding.
    ///
    /// - Throws: `CorpusError` for an unknown encoding, UTF-16 or UTF-32 without a mark (naming it
    ///   and `--encoding`), or a failed read.
    init(descriptor: Int32, displayName: String, encoding: String?, lossy: Bool) throws(CorpusError) {
        self.descriptor = descriptor
        self.displayName = displayName
        head = [UInt8](repeating: 0, count: 4096)
        var filled = 0
        while filled < head.count {
            let count = try readRaw(into: &head, from: filled)
            if count == 0 { break }
            filled += count
        }
        head.removeSubrange(filled...)
        do throws(TextError) {
            (transcoder, markLength) = try Self.settle(head, encoding: encoding, lossy: lossy)
        } catch {
            throw CorpusError(file: displayName, "\(error)")
        }
        headStart = markLength
    }

    /// The converter the first bytes of an input call for (`nil` for UTF-8), and the length of
    /// its byte-order mark.
    private static func settle(_ head: [UInt8], encoding: String?, lossy: Bool) throws(TextError) -> (Transcoder?, Int) {
        let (mark, unmarked) = head.withUnsafeBytes {
            (EncodingDetection.byteOrderMark(in: $0), EncodingDetection.unmarkedUnicode(in: $0))
        }
        if let mark {
            return (mark.encoding == "UTF-8" ? nil : try Transcoder(encoding: mark.encoding, lossy: lossy), mark.length)
        }
        if let encoding {
            let chosen = try Transcoder(encoding: encoding, lossy: lossy)
            if !chosen.isUTF8 { return (chosen, 0) }
        }
        if let unmarked { throw .unmarkedUnicode(unmarked) }
        return (nil, 0)
    }

    /// Characters replaced by U+FFFD in transcoding (lossy only).
    var replacements: Int { transcoder?.replacements ?? 0 }

    /// Fills `buffer` from `offset` on with the next UTF-8 bytes.
    ///
    /// - Returns: the number of bytes written, 0 at the end of the input.
    /// - Complexity: O(*n*) in the bytes written.
    mutating func next(into buffer: inout [UInt8], from offset: Int) throws(CorpusError) -> Int {
        guard let transcoder else {
            if headStart < head.count { return copyOut(from: &head, start: &headStart, into: &buffer, at: offset) }
            return try readRaw(into: &buffer, from: offset)
        }
        while decodedStart == decoded.count && !ended {
            decoded.removeAll(keepingCapacity: true)
            decodedStart = 0
            if raw.isEmpty { raw = [UInt8](repeating: 0, count: 1 << 20) }
            var count = 0
            if headStart < head.count {
                count = copyOut(from: &head, start: &headStart, into: &raw, at: 0)
            } else {
                count = try readRaw(into: &raw, from: 0)
            }
            ended = count == 0
            let result = raw.withUnsafeBytes { bytes in
                Result { () throws(TextError) in
                    try transcoder.convert(UnsafeRawBufferPointer(rebasing: bytes[..<count]), flush: ended, into: &decoded)
                }
            }
            if case .failure(let error) = result {
                if case .invalidEncoding(let name, let at) = error {
                    throw CorpusError(file: displayName, "\(TextError.invalidEncoding(name, offset: at + markLength))")
                }
                throw CorpusError(file: displayName, "\(error)")
            }
        }
        return copyOut(from: &decoded, start: &decodedStart, into: &buffer, at: offset)
    }

    private func copyOut(from source: inout [UInt8], start: inout Int, into buffer: inout [UInt8], at offset: Int) -> Int {
        let count = min(source.count - start, buffer.count - offset)
        buffer.withUnsafeMutableBytes { target in
            source.withUnsafeBytes { (target.baseAddress! + offset).copyMemory(from: $0.baseAddress! + start, byteCount: count) }
        }
        start += count
        return count
    }

    private func readRaw(into buffer: inout [UInt8], from offset: Int) throws(CorpusError) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count >= 0 { return count }
            if errno != EINTR { throw CorpusError(file: displayName, "read failed: \(String(cString: strerror(errno)))") }
        }
    }
}
