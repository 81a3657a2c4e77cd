import Testing
@testable import ConcordText

@Suite struct UTF8DecodingTests {
    @Test(arguments: [
        ([0x61, 0x62, 0xFF, 0x63], 2),               // a byte that is never UTF-8
        ([0x61, 0xC3], 1),                           // truncated two-byte sequence
        ([0xE0, 0x80, 0x80], 0),                     // overlong
        ([0xED, 0xA0, 0x80], 0),                     // encoded surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0),               // past U+10FFFF
        (Array("0123456789abcdef".utf8) + [0x80], 16), // after the eight-byte fast path
    ] as [([UInt8], Int)])
    func reportsTheFirstBadByte(bytes: [UInt8], offset: Int) {
        #expect(throws: TextError.invalidUTF8(offset: offset)) { try UTF8Decoding.decode(bytes) }
    }

    @Test func acceptsValidText() throws {
        let text = "Deir ez-Zor, دير الزور, Zākhū 🙂"
        #expect(try UTF8Decoding.decode(Array(text.utf8)) == text)
    }

    @Test func lossyReplacesBadBytes() throws {
        #expect(try UTF8Decoding.decode([0x61, 0xFF, 0x62], lossy: true) == "a\u{FFFD}b")
    }

    @Test func errorMessageSaysWhatToDo() {
        #expect(TextError.invalidUTF8(offset: 7).description.contains("byte offset 7"))
        #expect(TextError.invalidUTF8(offset: 7).description.contains("--lossy"))
    }
}
