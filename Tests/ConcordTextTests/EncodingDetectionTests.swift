import Foundation
import Testing
@testable import ConcordText

@Suite struct EncodingDetectionTests {
    @Test(arguments: [
        ([0xEF, 0xBB, 0xBF, 0x61], "UTF-8", 3),
        ([0xFF, 0xFE, 0x61, 0x00], "UTF-16LE", 2),
        ([0xFE, 0xFF, 0x00, 0x61], "UTF-16BE", 2),
        ([0xFF, 0xFE, 0x00, 0x00], "UTF-32LE", 4),
        ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE", 4),
    ] as [([UInt8], String, Int)])
    func aByteOrderMarkNamesItsEncoding(bytes: [UInt8], encoding: String, length: Int) {
        let mark = bytes.withUnsafeBytes { EncodingDetection.byteOrderMark(in: $0) }
        #expect(mark?.encoding == encoding)
        #expect(mark?.length == length)
    }

    @Test(arguments: [
        (String.Encoding.utf16LittleEndian, "UTF-16LE"), (.utf16BigEndian, "UTF-16BE"),
        (.utf32LittleEndian, "UTF-32LE"), (.utf32BigEndian, "UTF-32BE"),
    ])
    func unmarkedUnicodeIsToldByItsNULs(encoding: String.Encoding, name: String) {
        let bytes = Array("Rockets hit the oil field on Monday.".data(using: encoding)!)
        #expect(bytes.withUnsafeBytes { EncodingDetection.unmarkedUnicode(in: $0) } == name)
    }

    @Test(arguments: [
        Array("Plain UTF-8 text, nothing to see.".utf8),
        [0x61, 0x00, 0x62, 0x00],                          // too short to tell
        [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x21, 0x00, 0x55, 0x9C, 0x3A, 0x7E],  // a zip header
    ] as [[UInt8]])
    func otherBytesAreNotUnicode(bytes: [UInt8]) {
        #expect(bytes.withUnsafeBytes { EncodingDetection.unmarkedUnicode(in: $0) } == nil)
    }

    @Test func icuGuessesWindows1252ForCurlyQuotes() {
        let text = "The minister said \u{201C}we will rebuild the café and the école\u{201D} on Monday, according to officials."
        let bytes = Array(text.data(using: .windowsCP1252)!)
        #expect(bytes.withUnsafeBytes { EncodingDetection.likelyEncoding(of: $0) } == "windows-1252")
    }

    @Test func aCharacterSplitBetweenChunksDecodesWhole() throws {
        let transcoder = try Transcoder(encoding: "UTF-16LE", lossy: false)
        let bytes: [UInt8] = [0x61, 0x00, 0x3D, 0xD8, 0x42, 0xDE, 0x62, 0x00]  // a 🙂 b
        var output: [UInt8] = []
        for (part, flush) in [(bytes[0..<3], false), (bytes[3..<5], false), (bytes[5...], true)] {
            try Array(part).withUnsafeBytes { try transcoder.convert($0, flush: flush, into: &output) }
        }
        #expect(String(decoding: output, as: UTF8.self) == "a🙂b")
    }

    @Test func utf8AliasesAreRecognized() throws {
        #expect(try Transcoder(encoding: "utf8", lossy: false).isUTF8)
        #expect(try !Transcoder(encoding: "latin1", lossy: false).isUTF8)
        #expect(throws: TextError.unknownEncoding("klingon")) { try Transcoder(encoding: "klingon", lossy: false) }
    }

    @Test func wholeInputsFollowOnePolicy() throws {
        #expect(throws: TextError.nul(line: 2, column: 3)) { try InputDecoding.decode(Array("ab\ncd\0".utf8), encoding: nil, lossy: false) }
        let marked = [0xFF, 0xFE] + Array("café".data(using: .utf16LittleEndian)!)
        #expect(try InputDecoding.decode(marked, encoding: nil, lossy: false).text == "café")
        #expect(try InputDecoding.decode([0x61, 0xFF, 0xC3, 0x62], encoding: nil, lossy: true) == ("a\u{FFFD}\u{FFFD}b", 2))
    }
}
