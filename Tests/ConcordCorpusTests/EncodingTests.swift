import Foundation
import Testing
@testable import ConcordCorpus

/// Byte-order marks, `--encoding`, unmarked UTF-16 and JSON arrays (issue 13, item 6).
@Suite struct EncodingTests {
    static let jsonl = #"{"id": "café", "text": "He said “hello” in دير الزور 🙂"}"# + "\n" + #"{"id": "b", "text": "Second"}"# + "\n"

    func documents(_ bytes: [UInt8], _ name: String, encoding: String? = nil, lossy: Bool = false) throws -> [Document] {
        let path = try CorpusTestFiles.write(bytes, name, in: CorpusTestFiles.directory())
        var loading = CorpusLoading(source: CorpusSource(path: path, lossy: lossy, encoding: encoding), skipInvalid: false) { _ in }
        var result: [Document] = []
        try loading.forEachDocument { result.append($0) }
        return result
    }

    static func encoded(_ text: String, _ encoding: String.Encoding) -> [UInt8] { Array(text.data(using: encoding)!) }

    @Test(arguments: [
        ([0xFF, 0xFE] + encoded(jsonl, .utf16LittleEndian), "UTF-16LE"),
        ([0xFE, 0xFF] + encoded(jsonl, .utf16BigEndian), "UTF-16BE"),
        ([0xFF, 0xFE, 0, 0] + encoded(jsonl, .utf32LittleEndian), "UTF-32LE"),
        ([0, 0, 0xFE, 0xFF] + encoded(jsonl, .utf32BigEndian), "UTF-32BE"),
        ([0xEF, 0xBB, 0xBF] + Array(jsonl.utf8), "UTF-8"),
    ] as [([UInt8], String)])
    func aByteOrderMarkIsHonoured(bytes: [UInt8], encoding: String) throws {
        let read = try documents(bytes, "marked.jsonl")
        #expect(read.map(\.id) == [.string("café"), .string("b")], "\(encoding)")
        #expect(read[0].text == "He said “hello” in دير الزور 🙂")
    }

    @Test func utf16WithoutAMarkIsNamedWithTheOption() throws {
        let bytes = Self.encoded(Self.jsonl, .utf16LittleEndian)
        #expect {
            _ = try documents(bytes, "plain.jsonl")
        } throws: { error in
            "\(error)".contains("looks like UTF-16LE text without a byte-order mark; read it with --encoding UTF-16LE")
        }
        #expect(try documents(bytes, "plain.jsonl", encoding: "UTF-16LE").map(\.text)[1] == "Second")
    }

    @Test func aDirectoryDecodesMarkedUTF16AndNamesUnmarkedUTF16() throws {
        let directory = try CorpusTestFiles.directory()
        _ = try CorpusTestFiles.write([0xFF, 0xFE] + Self.encoded("Café report", .utf16LittleEndian), "marked.txt", in: directory)
        _ = try CorpusTestFiles.write(Self.encoded("Plain report text", .utf16BigEndian), "plain.txt", in: directory)
        var texts: [String] = [], skipped: [String] = []
        try DirectoryReader(path: directory.path).forEachRecord { record in
            switch record {
            case .document(let document): texts.append(document.text)
            case .skipped(let id, let reason): skipped.append("\(id): \(reason)")
            }
        }
        #expect(texts == ["Café report"])
        #expect(skipped == ["plain.txt: looks like UTF-16BE text without a byte-order mark; read it with --encoding UTF-16BE"])
    }

    static let windows1252: [UInt8] = Array("id,text\ncaf".utf8) + [0xE9] + Array(",He said ".utf8) + [0x93]
        + Array("hello".utf8) + [0x94] + Array(" at the caf".utf8) + [0xE9, 0x2E, 0x0A]

    @Test func aWindows1252CSVIsReadWithEncoding() throws {
        let read = try documents(Self.windows1252, "w.csv", encoding: "windows-1252")
        #expect(read.map(\.id) == [.string("café")])
        #expect(read[0].text == "He said “hello” at the café.")
    }

    @Test func withoutEncodingItsLikelyEncodingIsNamed() throws {
        #expect {
            _ = try documents(Self.windows1252, "w.csv")
        } throws: { error in
            "\(error)".contains(":2: invalid UTF-8 at column 4; it looks like windows-1252: read it with --encoding windows-1252")
        }
    }

    @Test func aLargeFileStreamsThroughTheConverterAcrossChunks() throws {
        // 3 MB of windows-1252 (several converter chunks; each é grows to two bytes).
        var bytes = Array("id,text\n".utf8)
        for index in 0..<20_000 {
            bytes += Array("d\(index),\"".utf8) + Array(repeating: 0xE9, count: 150) + Array("\"\n".utf8)
        }
        let read = try documents(bytes, "big.csv", encoding: "windows-1252")
        #expect(read.count == 20_000)
        #expect(read.allSatisfy { $0.text == String(repeating: "é", count: 150) })
    }

    @Test func bytesInvalidInTheEncodingAreAnErrorOrReplacedAndCounted() throws {
        let bytes = Array("id,text\nx,a".utf8) + [0xA1] + Array("b\n".utf8)  // 0xA1 is unassigned in ISO-8859-6
        #expect {
            _ = try documents(bytes, "u.csv", encoding: "ISO-8859-6")
        } throws: { error in
            "\(error)".contains("not valid ISO-8859-6 at byte offset 11")
        }
        let path = try CorpusTestFiles.write(bytes, "u.csv", in: CorpusTestFiles.directory())
        var loading = CorpusLoading(source: CorpusSource(path: path, lossy: true, encoding: "ISO-8859-6"), skipInvalid: false) { _ in }
        var texts: [String] = []
        try loading.forEachDocument { texts.append($0.text) }
        #expect(texts == ["a\u{FFFD}b"])
        #expect(loading.accounting.replacedCharacters == 1)
    }

    @Test func anUnknownEncodingIsNamed() throws {
        #expect {
            _ = try documents(Array(Self.jsonl.utf8), "c.jsonl", encoding: "no-such-charset")
        } throws: { error in
            "\(error)".contains("unknown encoding \"no-such-charset\"")
        }
    }

    @Test func aJSONArrayIsRefusedWithTheCommandThatConvertsIt() throws {
        let array = "[\n  " + #"{"id": "a", "text": "x"}"# + ",\n  " + #"{"id": "b", "text": "y"}"# + "\n]\n"
        #expect {
            _ = try documents(Array(array.utf8), "array.json")
        } throws: { error in
            "\(error)".contains("a JSON array, not JSON Lines") && "\(error)".contains("jq -c '.[]'")
        }
    }
}
