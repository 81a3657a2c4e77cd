/// Finds sentences with ICU's sentence break iterator (UAX #29 sentence rules), paragraph by
/// paragraph, and reports them as UTF-8 byte ranges of the source with surrounding whitespace
/// trimmed. Used by the diff path, which aligns sentences across reports.
///
/// Not thread-safe (owns an ICU break iterator): use one per thread.
public final class SentenceSegmenter {
    private let breaker: ICUBreaker

    public init() throws(TextError) {
        breaker = try ICUBreaker(.sentences)  // English, with CLDR's standard suppressions (Mr., Dr., …)
    }

    /// The sentences of `text[range]`, as UTF-8 byte ranges of `text`.
    ///
    /// - Complexity: O(*n*) in the bytes of the range.
    package func sentences(in text: UnsafeBufferPointer<UInt8>, range: Range<Int>) throws(TextError) -> [Range<Int>] {
        let slice = String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
        let (utf16, utf8Offsets) = UTF16Offsets.units(of: slice)
        var result: [Range<Int>] = []
        for segment in try breaker.segments(utf16) {
            var start = range.lowerBound + utf8Offsets[segment.start]
            var end = range.lowerBound + utf8Offsets[segment.end]
            while start < end {
                if Self.isSpace(text[start]) { start += 1 } else if Self.isNoBreakSpace(text, at: start, end) { start += 2 } else { break }
            }
            while end > start {
                if Self.isSpace(text[end - 1]) { end -= 1 } else if end - start >= 2, Self.isNoBreakSpace(text, at: end - 2, end) { end -= 2 } else { break }
            }
            guard start < end else { continue }
            if let last = result.last, Self.endsWithTitle(UnsafeBufferPointer(rebasing: text[last])),
               !text[last.upperBound..<start].contains(0x0A) {
                result[result.count - 1] = last.lowerBound..<end
            } else {
                result.append(start..<end)
            }
        }
        return result
    }

    /// Whether a sentence ends in a title abbreviation ("Sen.", "Gov.", "Lt.") that ICU's English
    /// suppressions do not cover; such a break ("Arizona Sen. Kyrsten Sinema") is no sentence end.
    static func endsWithTitle(_ sentence: UnsafeBufferPointer<UInt8>) -> Bool {
        guard sentence.last == UInt8(ascii: "."), sentence.count >= 3 else { return false }
        var start = sentence.count - 1
        while start > 0, Self.isLetter(sentence[start - 1]) { start -= 1 }
        guard start == 0 || !Self.isLetter(sentence[start - 1]) && sentence[start - 1] != UInt8(ascii: ".") else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: sentence[start..<(sentence.count - 1)]), as: UTF8.self)
        return titles.contains(word)
    }

    /// English titles and ranks abbreviated before a name.
    static let titles: Set<String> = [
        "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cmdr", "Adm", "Brig",
        "Pres", "Amb", "Supt", "Insp", "Det", "Cpl", "Pvt", "Rev", "Fr", "Msgr", "Hon", "Atty", "Sec", "Gens",
    ]

    /// Whether U+00A0 NO-BREAK SPACE (C2 A0), common in scraped news, starts at `index`.
    private static func isNoBreakSpace(_ text: UnsafeBufferPointer<UInt8>, at index: Int, _ end: Int) -> Bool {
        index + 1 < end && text[index] == 0xC2 && text[index + 1] == 0xA0
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// The sentences of `text`, as UTF-8 byte ranges.
    ///
    /// - Complexity: O(*n*) in the bytes of the text.
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
