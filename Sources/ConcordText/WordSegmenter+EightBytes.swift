/// The scanner's fast lane for ASCII text: eight bytes classified at once in a 64-bit register
/// (SIMD within a register), so that finding where a plain word or a gap between words ends costs
/// a few arithmetic instructions and one trailing-zero count instead of a branch per byte, whose
/// outcome (the word's length) the processor cannot predict.
extension WordSegmenter {
    @usableFromInline static let highBits: UInt64 = 0x8080_8080_8080_8080
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The high bit of each byte of `lowSeven` (bytes below 0x80) set where the byte is ≥ `bound`.
    /// Adding 0x80 − `bound` to a byte below 0x80 never carries into the next byte.
    @inline(__always)
    static func atLeast(_ lowSeven: UInt64, _ bound: UInt8) -> UInt64 {
        (lowSeven &+ ones &* UInt64(0x80 - bound)) & highBits
    }

    /// The high bit of each byte of `word` set where the byte is ASCII in `lower...upper`.
    @inline(__always)
    static func inRange(_ word: UInt64, _ lower: UInt8, _ upper: UInt8) -> UInt64 {
        let lowSeven = word & ~highBits
        return atLeast(lowSeven, lower) & ~atLeast(lowSeven, upper + 1) & ~word
    }

    /// How many leading bytes of `word` (loaded little-endian) are lowercase ASCII letters or
    /// digits: 0 to 8.
    @inline(__always)
    static func plainPrefixLength(_ word: UInt64) -> Int {
        let plain = inRange(word, UInt8(ascii: "a"), UInt8(ascii: "z")) | inRange(word, UInt8(ascii: "0"), UInt8(ascii: "9"))
        return (~plain & highBits).trailingZeroBitCount >> 3
    }

    /// How many leading bytes of `word` are ASCII characters that cannot start a word (not a
    /// letter, digit or underscore): 0 to 8. A byte of 0x80 or above stops the count, so the
    /// caller classifies it.
    @inline(__always)
    static func gapPrefixLength(_ word: UInt64) -> Int {
        let wordByte = inRange(word, UInt8(ascii: "a"), UInt8(ascii: "z")) | inRange(word, UInt8(ascii: "A"), UInt8(ascii: "Z"))
            | inRange(word, UInt8(ascii: "0"), UInt8(ascii: "9")) | inRange(word, UInt8(ascii: "_"), UInt8(ascii: "_"))
        return ((wordByte | word) & highBits).trailingZeroBitCount >> 3
    }

    /// Eight bytes of `text` from `index`, little-endian (the caller checks `index + 8 <= count`).
    @inline(__always)
    static func load8(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self))
    }

    /// The end of the run of lowercase ASCII letters and digits that starts at `start` (possibly
    /// empty, after a capital) in a simple range ending at `end`, when the byte after the run shows
    /// that the word ends there; `nil` sends the caller to `simpleWord`. Most words of English news
    /// end here.
    @inline(__always)
    static func plainWordEnd(
        _ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, classes: UnsafeBufferPointer<ByteClass>
    ) -> Int? {
        var index = start
        while index + 8 <= end {
            let length = plainPrefixLength(load8(text, at: index))
            index += length
            if length < 8 { return endsPlainWord(text, at: index, end: end, classes: classes) ? index : nil }
        }
        while index < end, classes[Int(text[index])].isPlain { index += 1 }
        return endsPlainWord(text, at: index, end: end, classes: classes) ? index : nil
    }

    /// Whether a plain run that stops at `index` is a whole word: the range ends, or the byte is
    /// not one that continues a word, or it is a joining mark (, . ') not followed by a letter or
    /// digit.
    @inline(__always)
    static func endsPlainWord(
        _ text: UnsafeBufferPointer<UInt8>, at index: Int, end: Int, classes: UnsafeBufferPointer<ByteClass>
    ) -> Bool {
        guard index < end else { return true }
        switch classes[Int(text[index])] {
        case .other:
            return true
        case .midNum, .midNumLet, .singleQuote:
            guard index + 1 < end else { return true }
            let next = classes[Int(text[index + 1])]
            return !(next.isWordLetter || next == .digit)
        default:
            return false
        }
    }
}
