/// Turning raw bytes into text, with a precise report of where invalid UTF-8 starts.
public enum UTF8Decoding {
    /// The byte offset of the first ill-formed UTF-8 sequence in `bytes`, or `nil` when all of it
    /// is valid (overlong forms, surrogates and code points past U+10FFFF are ill-formed).
    ///
    /// - Complexity: O(*n*) in the number of bytes, with an ASCII fast path eight bytes at a time.
    package static func firstInvalidOffset(in bytes: UnsafeRawBufferPointer) -> Int? {
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count,
               bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= lower, second <= upper else { return index }
            var next = index + 2
            while next < index + length {
                guard bytes[next] & 0xC0 == 0x80 else { return index }
                next += 1
            }
            index += length
        }
        return nil
    }

    /// Decodes `bytes` as UTF-8.
    ///
    /// - Parameters:
    ///   - bytes: the raw input.
    ///   - lossy: replace each ill-formed sequence with U+FFFD instead of failing.
    /// - Returns: the text.
    /// - Throws: `TextError.invalidUTF8` with the byte offset of the first bad sequence, unless `lossy`.
    /// - Complexity: O(*n*) in the number of bytes.
    public static func decode(_ bytes: some Collection<UInt8>, lossy: Bool = false) throws(TextError) -> String {
        let invalid: Int?? = bytes.withContiguousStorageIfAvailable { buffer in
            firstInvalidOffset(in: UnsafeRawBufferPointer(buffer))
        }
        let offset: Int?
        if let invalid {
            offset = invalid
        } else {
            offset = Array(bytes).withUnsafeBytes { firstInvalidOffset(in: $0) }
        }
        if let offset, !lossy { throw .invalidUTF8(offset: offset) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension UTF8Decoding {
    /// How many U+FFFD `String(decoding:as:)` puts in place of ill-formed sequences in `bytes`, which
    /// are valid before `start` (the first invalid offset).
    ///
    /// - Complexity: O(*n*) in the bytes after `start`.
    package static func replacementCount(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = UnsafeRawBufferPointer(rebasing: bytes[start...]).makeIterator()
        var count = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .error: count += 1
            case .emptyInput: return count
            }
        }
    }
}
