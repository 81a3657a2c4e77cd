internal import CICUShim

/// Telling what encoding input bytes are in, before reading them: a byte-order mark, the NUL pattern
/// of UTF-16 or UTF-32 text without one, and ICU's charset detector's guess for messages.
package enum EncodingDetection {
    /// The encoding a byte-order mark at the start of `bytes` announces, and the mark's length.
    ///
    /// - Complexity: O(1).
    package static func byteOrderMark(in bytes: UnsafeRawBufferPointer) -> (encoding: String, length: Int)? {
        func starts(with prefix: [UInt8]) -> Bool { bytes.count >= prefix.count && bytes.starts(with: prefix) }
        if starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        if starts(with: [0xFF, 0xFE, 0, 0]) { return ("UTF-32LE", 4) }
        if starts(with: [0, 0, 0xFE, 0xFF]) { return ("UTF-32BE", 4) }
        if starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        return nil
    }

    /// "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE" when the first 4 KB of `bytes` have the NUL
    /// pattern of mostly-ASCII text in that encoding (a NUL beside nearly every letter), else `nil`
    /// (also for fewer than 16 bytes).
    ///
    /// - Complexity: O(1): at most 4,096 bytes are looked at.
    package static func unmarkedUnicode(in bytes: UnsafeRawBufferPointer) -> String? {
        let count = min(bytes.count, 4096) & ~3
        guard count >= 16 else { return nil }  // too few bytes to tell text from binary
        var zeros = [Int](repeating: 0, count: 4)  // NULs at each position modulo 4
        for index in 0..<count where bytes[index] == 0 { zeros[index & 3] += 1 }
        let units = count / 4
        func most(_ position: Int) -> Bool { zeros[position] * 10 >= units * 9 }
        func few(_ position: Int) -> Bool { zeros[position] * 10 < units }
        if most(1), most(2), most(3), few(0) { return "UTF-32LE" }
        if most(0), most(1), most(2), few(3) { return "UTF-32BE" }
        let (even, odd) = (zeros[0] + zeros[2], zeros[1] + zeros[3])
        if odd * 10 >= units * 2 * 4, even * 10 < units * 2 { return "UTF-16LE" }
        if even * 10 >= units * 2 * 4, odd * 10 < units * 2 { return "UTF-16BE" }
        return nil
    }

    /// ICU's charset detector's guess for bytes that are not UTF-8 (such as "windows-1252" or
    /// "ISO-8859-6"), from the first 64 KB, or `nil` when it has no confident guess or guesses a
    /// Unicode encoding. For messages: never used to decode without being asked.
    ///
    /// - Complexity: O(1): at most 65,536 bytes are looked at.
    package static func likelyEncoding(of bytes: UnsafeRawBufferPointer) -> String? {
        guard let base = bytes.baseAddress else { return nil }
        var name = [CChar](repeating: 0, count: 64)
        let confidence = concord_detect_charset(base.assumingMemoryBound(to: UInt8.self), Int32(min(bytes.count, 1 << 16)),
                                                &name, Int32(name.count))
        let guess = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // Unicode encodings are told by their byte-order mark or NUL pattern; a detector's guess of
        // UTF-16 or UTF-32 for bytes with neither is noise.
        return confidence >= 10 && !guess.isEmpty && !guess.hasPrefix("UTF-") ? guess : nil
    }
}
