/// One word found in a text: its UTF-8 byte range in the source and whether it holds letters.
public struct WordSegment: Equatable, Sendable {
    /// UTF-8 byte offsets into the source text.
    public var start: Int
    public var end: Int
    /// `true` when the word contains a letter (4G, G7), `false` for numbers (1,000 or 3.5).
    public var hasLetters: Bool
    /// Only lowercase ASCII letters and digits: the word is its own normalized form. (Found by the
    /// byte scanner; `false` does not say the opposite.)
    public var isPlain: Bool

    init(start: Int, end: Int, hasLetters: Bool, isPlain: Bool = false) {
        self.start = start
        self.end = end
        self.hasLetters = hasLetters
        self.isPlain = isPlain
    }
}

/// Finds the words of a text with Unicode word boundaries (UAX #29, as ICU implements them),
/// tailored in one way: a backtick or acute accent between two letters joins them like an
/// apostrophe, since transliterations write the ayn that way (Qal`at, Ma´arrat).
///
/// The text is cut at whitespace, which never lies inside a word. A span made only of ASCII and a
/// few common news punctuation marks (curly quotes, dashes, ellipsis, no-break space) is segmented
/// by a byte scanner that follows the UAX #29 rules for those characters; any other span goes to
/// ICU's word break iterator, and its segmentation is cached per distinct span. Ordinary English
/// news text thus makes no ICU call at all. Punctuation and symbols are not words.
///
/// Not thread-safe (it owns ICU handles and a cache): use one per thread.
public final class WordSegmenter {
    /// ICU's word break iterator, opened when a span first needs it (text beyond ASCII and
    /// common punctuation): an English text never does.
    private var openedBreaker: ICUBreaker?
    private var spanCache: [String: [WordSegment]] = [:]
    private let spanCacheLimit = 200_000
    /// The `ByteClass` of every byte value (bytes of 0x80 and above are `.high`).
    private let byteClasses: UnsafeMutableBufferPointer<ByteClass>

    public init() {
        byteClasses = .allocate(capacity: 256)
        for value in 0..<256 { byteClasses[value] = ByteClass(UInt8(value)) }
    }

    deinit { byteClasses.deallocate() }

    private func breaker() throws(TextError) -> ICUBreaker {
        if let openedBreaker { return openedBreaker }
        let opened = try ICUBreaker(.words)
        openedBreaker = opened
        return opened
    }

    /// Calls `body` with every word of `text[range]`, in order.
    ///
    /// - Complexity: O(*n*) in the bytes of the range; ICU is called once per distinct complex span.
    package func forEachWord(
        in text: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ body: (WordSegment) throws(TextError) -> Void
    ) throws(TextError) {
        if Self.isSimple(text, range) {
            try scanSimpleRange(text, range, body)
            return
        }
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            // Skip whitespace, then take one span up to the next whitespace.
            let skipped = Self.whitespaceLength(text, at: index, end: end)
            if skipped > 0 { index += skipped; continue }
            let spanStart = index
            var simple = true
            while index < end {
                if Self.whitespaceLength(text, at: index, end: end) > 0 { break }
                let byte = text[index]
                if byte < 0x80 { index += 1; continue }
                let (_, length) = Self.fastClass(text, at: index, end: end)
                if length == 0 { simple = false; index += Self.scalarLength(byte) } else { index += length }
            }
            let spanEnd = min(index, end)
            if simple {
                try scanSimpleRange(text, spanStart..<spanEnd, body)
            } else {
                try segmentComplexSpan(text, spanStart..<spanEnd, body)
            }
        }
    }

    /// Every word of `text`, in order.
    ///
    /// - Complexity: O(*n*) in the bytes of the text; ICU is called once per distinct complex span.
    public func words(in text: String) throws(TextError) -> [WordSegment] {
        var copy = text
        let outcome = copy.withUTF8 { buffer in
            Result { () throws(TextError) -> [WordSegment] in
                var result: [WordSegment] = []
                try forEachWord(in: buffer, range: 0..<buffer.count) { result.append($0) }
                return result
            }
        }
        return try outcome.get()
    }

    // MARK: - Complex spans through ICU

    private func segmentComplexSpan(
        _ text: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, _ body: (WordSegment) throws(TextError) -> Void
    ) throws(TextError) {
        let key = String(decoding: UnsafeBufferPointer(rebasing: text[span]), as: UTF8.self)
        let segments: [WordSegment]
        if let cached = spanCache[key] {
            segments = cached
        } else {
            segments = try icuWords(key)
            if key.utf8.count <= 256 {
                if spanCache.count >= spanCacheLimit { spanCache.removeAll(keepingCapacity: true) }
                spanCache[key] = segments
            }
        }
        for segment in segments {
            try body(WordSegment(start: span.lowerBound + segment.start, end: span.lowerBound + segment.end,
                             hasLetters: segment.hasLetters))
        }
    }

    /// ICU's words of `span`, as UTF-8 offsets relative to the span.
    func icuWords(_ span: String) throws(TextError) -> [WordSegment] {
        let (utf16, utf8Offsets) = UTF16Offsets.units(of: span)
        var result: [WordSegment] = []
        for segment in try breaker().segments(utf16) {
            // Rule status 100 and above: numbers, letters, kana, ideographs; below 100 not a word.
            guard segment.status >= 100 else { continue }
            let hasLetters = String(decoding: utf16[segment.start..<segment.end], as: UTF16.self)
                .unicodeScalars.contains { $0.properties.isAlphabetic }
            let word = WordSegment(start: utf8Offsets[segment.start], end: utf8Offsets[segment.end], hasLetters: hasLetters)
            // The tailoring: letters on both sides of one ayn-like mark make one word.
            if let previous = result.last, previous.hasLetters, hasLetters,
               segment.start >= 1, Self.isAynMark(utf16[segment.start - 1]),
               utf8Offsets[segment.start - 1] == previous.end {
                result[result.count - 1].end = word.end
            } else {
                result.append(word)
            }
        }
        return result
    }

    /// A backtick or an acute accent, written for ayn.
    static func isAynMark(_ unit: UInt16) -> Bool { unit == 0x60 || unit == 0xB4 }

    // MARK: - One pass over a simple range

    /// What one byte is to the scanner.
    enum ByteClass: UInt8 {
        case other, lower, upper, digit, extendNumLet, midNum, midNumLet, singleQuote, high

        init(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): self = .lower
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): self = .upper
            case UInt8(ascii: "0")...UInt8(ascii: "9"): self = .digit
            case UInt8(ascii: "_"): self = .extendNumLet
            case UInt8(ascii: ","), UInt8(ascii: ";"): self = .midNum
            case UInt8(ascii: "."): self = .midNumLet
            case UInt8(ascii: "'"), UInt8(ascii: "`"): self = .singleQuote
            case 0x80...: self = .high
            default: self = .other
            }
        }

        var isWordLetter: Bool { self == .lower || self == .upper }
        var isPlain: Bool { self == .lower || self == .digit }
        var continuesWord: Bool { rawValue >= ByteClass.lower.rawValue && rawValue <= ByteClass.extendNumLet.rawValue }
    }

    /// Whether every character of `text[range]` is ASCII or a punctuation mark `fastClass` knows,
    /// checked eight bytes at a time.
    static func isSimple(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let raw = UnsafeRawBufferPointer(text)
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            if index + 8 <= end, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let byte = text[index]
            if byte < 0x80 { index += 1; continue }
            if whitespaceLength(text, at: index, end: end) == 2 { index += 2; continue }
            let (_, length) = fastClass(text, at: index, end: end)
            if length == 0 { return false }
            index += length
        }
        return true
    }

    /// The UAX #29 scan of a simple range in one pass, each byte classified once.
    func scanSimpleRange(
        _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (WordSegment) throws(TextError) -> Void
    ) throws(TextError) {
        let classes = classTable
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let first = classes[Int(text[index])]
            guard first.continuesWord else {
                index += Self.nonWordLength(text, at: index, end: end, first)
                continue
            }
            let word = Self.simpleWord(text, from: index, end: end, classes: classes)
            index = word.end
            try body(word)
        }
    }

    /// The byte class table, for scanners built on `simpleWord` (valid as long as the segmenter).
    var classTable: UnsafeBufferPointer<ByteClass> { UnsafeBufferPointer(byteClasses) }

    /// The byte length of the non-word character at `index`, whose byte class is `byteClass`.
    @inline(__always)
    static func nonWordLength(_ text: UnsafeBufferPointer<UInt8>, at index: Int, end: Int, _ byteClass: ByteClass) -> Int {
        byteClass == .high ? max(fastClass(text, at: index, end: end).1, 1) : 1
    }

    /// The word of a simple range that starts at `start` (a byte that continues a word).
    @inline(__always)
    static func simpleWord(
        _ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, classes: UnsafeBufferPointer<ByteClass>
    ) -> WordSegment {
        let first = classes[Int(text[start])]
        var index = start + 1
        var last = first
        var hasLetters = first.isWordLetter
        var plain = first == .lower || first == .digit
        while index < end {
            var current = classes[Int(text[index])]
            var length = 1
            if current == .high {
                let (known, knownLength) = fastClass(text, at: index, end: end)
                guard known == .midNumLet || known == .singleQuote else { break }
                current = known == .midNumLet ? .midNumLet : .singleQuote
                length = knownLength
            }
            if current.continuesWord {
                hasLetters = hasLetters || current.isWordLetter
                plain = plain && (current == .lower || current == .digit)
                last = current
                index += length
                continue
            }
            guard current == .midNum || current == .midNumLet || current == .singleQuote, index + length < end else { break }
            let next = classes[Int(text[index + length])]
            let joinsLetters = last.isWordLetter && next.isWordLetter && current != .midNum
            let joinsNumbers = last == .digit && next == .digit
            guard joinsLetters || joinsNumbers else { break }
            plain = false
            last = next
            index += length + 1
        }
        return WordSegment(start: start, end: index, hasLetters: hasLetters, isPlain: plain)
    }

    // MARK: - The byte scanner for simple spans

    /// UAX #29 word-break classes of the characters the scanner handles itself.
    enum BreakClass: UInt8 {
        case letter, numeric, extendNumLet, midNum, midNumLet, singleQuote, other
    }

    @inline(__always)
    static func asciiClass(_ byte: UInt8) -> BreakClass {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .numeric
        case UInt8(ascii: "_"): return .extendNumLet
        case UInt8(ascii: "."): return .midNumLet
        case UInt8(ascii: ","), UInt8(ascii: ";"): return .midNum
        case UInt8(ascii: "'"), UInt8(ascii: "`"): return .singleQuote
        default: return .other
        }
    }

    /// The class and byte length of the character at `index`, or length 0 when the character is
    /// one the scanner does not handle (the span then goes to ICU).
    @inline(__always)
    static func fastClass(_ text: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (BreakClass, Int) {
        let byte = text[index]
        if byte < 0x80 { return (asciiClass(byte), 1) }
        if byte == 0xC2, index + 1 < end {
            switch text[index + 1] {
            case 0xAB, 0xBB: return (.other, 2)  // « »
            case 0xB4: return (.singleQuote, 2)  // ´ as an ayn
            default: return (.other, 0)
            }
        }
        if byte == 0xE2, index + 2 < end, text[index + 1] == 0x80 {
            switch text[index + 2] {
            case 0x98, 0x99: return (.midNumLet, 3)  // ‘ ’
            case 0x9C, 0x9D, 0x93, 0x94, 0xA6, 0xA2: return (.other, 3)  // “ ” – — … •
            default: return (.other, 0)
            }
        }
        return (.other, 0)
    }

    /// The byte length of the whitespace at `index` (ASCII whitespace or U+00A0), or 0.
    @inline(__always)
    static func whitespaceLength(_ text: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        switch text[index] {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return 1
        case 0xC2 where index + 1 < end && text[index + 1] == 0xA0: return 2
        default: return 0
        }
    }

    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }
}
