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
            if let last = result.last, !text[last.upperBound..<start].contains(0x0A),
               Self.continues(UnsafeBufferPointer(rebasing: text[last]), into: UnsafeBufferPointer(rebasing: text[start..<end])) {
                result[result.count - 1] = last.lowerBound..<end
            } else {
                result.append(start..<end)
            }
        }
        return result
    }

    /// Whether ICU's break between `sentence` and `next` falls inside one sentence: after a title
    /// ("Gen. David Petraeus"), after an initial before a name or a proper noun ("George W. Bush",
    /// "the 5th U.S. Circuit"), or after a numbering abbreviation before its number ("No. 2").
    /// An initial followed by a sentence opener ("… in the U.S. He said") still ends a sentence.
    static func continues(_ sentence: UnsafeBufferPointer<UInt8>, into next: UnsafeBufferPointer<UInt8>) -> Bool {
        if endsWithTitle(sentence) { return true }
        guard let word = lastWord(of: sentence) else { return false }
        if numberings.contains(word) { return next.first.map { (0x30...0x39).contains($0) } ?? false }
        guard word.utf8.count == 1, let letter = word.utf8.first, (0x41...0x5A).contains(letter) else { return false }
        var end = 0
        while end < next.count, isLetter(next[end]) { end += 1 }
        guard end > 0, (0x41...0x5A).contains(next[0]) else { return false }
        return !NameFolding.isFunctionWord(String(decoding: UnsafeBufferPointer(rebasing: next[..<end]), as: UTF8.self).lowercased())
    }

    /// The letters before a sentence's final full stop, when they form a whole word (preceded by
    /// the start, a non-letter or another full stop, as in "U.S."), or `nil`.
    private static func lastWord(of sentence: UnsafeBufferPointer<UInt8>) -> String? {
        guard sentence.last == UInt8(ascii: "."), sentence.count >= 2 else { return nil }
        var start = sentence.count - 1
        while start > 0, isLetter(sentence[start - 1]) { start -= 1 }
        guard start < sentence.count - 1 else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: sentence[start..<(sentence.count - 1)]), as: UTF8.self)
    }

    /// Abbreviations that number what follows them: "No. 2", "Art. 51", "Vol. 3".
    static let numberings: Set<String> = ["No", "Nos", "Art", "Vol", "Fig", "pp", "Para", "Sec"]

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
