/// Finds sentences with ICU's sentence break iterator (UAX #29 sentence rules), paragraph by
/// paragraph, and reports them as UTF-8 byte ranges of the source with surrounding whitespace
/// trimmed. Used by the diff path, which aligns sentences across reports.
///
/// Not thread-safe (owns an ICU break iterator): use one per thread.
public final class SentenceSegmenter {
    private let breaker: ICUBreaker

    public init() throws(TextError) {
        breaker = try ICUBreaker(.sentences)
    }

    /// The sentences of `text[range]`.
    ///
    /// - Complexity: O(*n*) in the bytes of the range.
    public func sentences(in text: UnsafeBufferPointer<UInt8>, range: Range<Int>) throws(TextError) -> [Range<Int>] {
        let slice = String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
        let (utf16, utf8Offsets) = UTF16Offsets.units(of: slice)
        var result: [Range<Int>] = []
        for segment in try breaker.segments(utf16) {
            var start = range.lowerBound + utf8Offsets[segment.start]
            var end = range.lowerBound + utf8Offsets[segment.end]
            while start < end, Self.isSpace(text[start]) { start += 1 }
            while end > start, Self.isSpace(text[end - 1]) { end -= 1 }
            if start < end { result.append(start..<end) }
        }
        return result
    }

    /// The sentences of a whole string, as UTF-8 byte ranges.
    public func sentences(in text: String) throws(TextError) -> [Range<Int>] {
        var copy = text
        let outcome = copy.withUTF8 { buffer in
            Result { () throws(TextError) in try sentences(in: buffer, range: 0..<buffer.count) }
        }
        return try outcome.get()
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
