internal import CICUShim

/// A streaming conversion to UTF-8 from any charset ICU knows (windows-1252, ISO-8859-6, UTF-16LE,
/// UTF-32BE, …, by name or alias), keeping its state across chunks so a character split between two
/// reads decodes whole. Not thread-safe: one per input.
package final class Transcoder {
    /// The name the encoding was given by.
    package let encoding: String
    private let handle: OpaquePointer
    /// Source bytes taken so far, for the offset of a bad byte.
    private var consumed = 0
    private var scratch = [UInt8](repeating: 0, count: 1 << 16)

    /// - Parameters:
    ///   - encoding: a charset name ICU knows.
    ///   - lossy: replace invalid or unassigned bytes with U+FFFD (counted in `replacements`)
    ///     instead of failing.
    /// - Throws: `TextError.unknownEncoding` when ICU does not know the name.
    package init(encoding: String, lossy: Bool) throws(TextError) {
        var error: Int32 = 0
        guard let handle = concord_converter_open(encoding, lossy ? 1 : 0, &error) else {
            throw .unknownEncoding(encoding)
        }
        self.encoding = encoding
        self.handle = handle
    }

    deinit { concord_converter_close(handle) }

    /// Whether the encoding is UTF-8 under another name (`utf8`, `UTF-8`, …).
    package var isUTF8: Bool { String(cString: concord_converter_name(handle)) == "UTF-8" }

    /// Characters replaced by U+FFFD so far (lossy only).
    package var replacements: Int { Int(concord_converter_replacements(handle)) }

    /// Appends the UTF-8 form of `source` to `output`.
    ///
    /// - Parameter flush: `source` is the end of the input (a sequence cut short there is invalid).
    /// - Throws: `TextError.invalidEncoding` with the offset of the first bad byte (not lossy).
    /// - Complexity: O(*n*) in the bytes of `source`.
    package func convert(_ source: UnsafeRawBufferPointer, flush: Bool, into output: inout [UInt8]) throws(TextError) {
        var start = 0
        while true {
            var used: Int32 = 0, invalid: Int32 = 0, error: Int32 = 0
            let written = scratch.withUnsafeMutableBufferPointer { target in
                concord_converter_convert(handle, source.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) + start },
                                          Int32(source.count - start), &used, target.baseAddress, Int32(target.count),
                                          flush ? 1 : 0, &invalid, &error)
            }
            output.append(contentsOf: scratch[..<Int(written)])
            start += Int(used)
            consumed += Int(used)
            if error == CONCORD_ICU_BUFFER_OVERFLOW { continue }
            if error > 0 { throw .invalidEncoding(encoding, offset: consumed - Int(invalid)) }
            return
        }
    }

    /// The whole of `bytes` decoded from `encoding`.
    ///
    /// - Returns: the UTF-8 bytes and the number of replaced characters.
    /// - Complexity: O(*n*) in the number of bytes.
    package static func utf8(of bytes: UnsafeRawBufferPointer, encoding: String, lossy: Bool) throws(TextError) -> (bytes: [UInt8], replaced: Int) {
        let transcoder = try Transcoder(encoding: encoding, lossy: lossy)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        try transcoder.convert(bytes, flush: true, into: &output)
        return (output, transcoder.replacements)
    }
}
