import Foundation
import Testing

/// `--encoding`, byte-order marks, ids never altered and NUL, through the `concord` binary.
@Suite struct EncodingCommandTests {
    func write(_ bytes: [UInt8], _ name: String) throws -> URL {
        let url = try ConcordProcess.temporaryDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static let windows1252: [UInt8] = Array("id,text\ncaf".utf8) + [0xE9] + Array(",\"He said ".utf8) + [0x93]
        + Array("hello".utf8) + [0x94] + Array(" at the caf".utf8) + [0xE9, 0x2E, 0x22, 0x0A]

    @Test func aWindows1252CSVIsReadWithEncoding() throws {
        let input = try write(Self.windows1252, "w.csv")
        let deduplicated = input.deletingLastPathComponent().appendingPathComponent("unique.jsonl")
        let outcome = try ConcordProcess.run(["cluster", input.path, "--encoding", "windows-1252", "--dedup", "-o", deduplicated.path])
        #expect(outcome.status == 0, "\(outcome.error)")
        let written = try String(contentsOf: deduplicated, encoding: .utf8)
        #expect(written.contains(#""id":"café""#), "\(written)")
        #expect(written.contains("He said “hello” at the café."), "\(written)")
    }

    @Test func withoutEncodingTheMessageNamesTheLikelyOne() throws {
        let outcome = try ConcordProcess.run(["cluster", try write(Self.windows1252, "w.csv").path])
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("w.csv:2: invalid UTF-8 at column 4; it looks like windows-1252: read it with --encoding windows-1252"))
    }

    @Test func invalidCSVIdsAreAnErrorOrKeepTheirBytes() throws {
        let bytes = Array("id,text\n".utf8) + [0x69, 0x64, 0xFF, 0x31] + Array(",one\n".utf8) + [0x69, 0x64, 0xFE, 0x31] + Array(",two\n".utf8)
        let input = try write(bytes, "ids.csv")
        let strict = try ConcordProcess.run(["cluster", input.path])
        #expect(strict.status == 1)
        #expect(strict.error.contains("ids.csv:2: invalid UTF-8 at column 3"), "\(strict.error)")
        let lossy = try ConcordProcess.run(["cluster", input.path, "--lossy", "--format", "json"])
        #expect(lossy.status == 0, "\(lossy.error)")
        #expect(!lossy.error.contains("duplicate id"))
        #expect(lossy.text.contains(#""id":"id\udcff1""#) && lossy.text.contains(#""id":"id\udcfe1""#), "\(lossy.text)")
    }

    @Test func aUTF16FileWithAMarkIsReadAndOneWithoutIsNamed() throws {
        let text = "Rockets hit the oil field near Deir ez-Zor"
        let marked = try write([0xFF, 0xFE] + Array(text.data(using: .utf16LittleEndian)!), "marked.txt")
        #expect(try ConcordProcess.run(["normalize", "--names", "none", marked.path]).text == "rockets hit the oil field near deir ez zor\n")
        let plain = try write(Array(text.data(using: .utf16LittleEndian)!), "plain.txt")
        let refused = try ConcordProcess.run(["normalize", plain.path])
        #expect(refused.status == 1)
        #expect(refused.error.contains("plain.txt: looks like UTF-16LE text without a byte-order mark; read it with --encoding UTF-16LE"))
        #expect(try ConcordProcess.run(["diff", "--encoding", "UTF-16LE", plain.path, plain.path]).status == 0)
    }

    @Test func standardInputLinesFollowEncoding() throws {
        let outcome = try ConcordProcess.run(["key", "--encoding", "ISO-8859-6"], input: Data([0xCF, 0xEA, 0xD1, 0x0A]))  // دير
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.text == (try ConcordProcess.run(["key"], input: Data("دير\n".utf8))).text)
    }

    @Test func anUnknownEncodingIsAUsageError() throws {
        let outcome = try ConcordProcess.run(["normalize", "--encoding", "klingon", "--text", "x"])
        #expect(outcome.status == 64)
        #expect(outcome.error.contains("unknown encoding \"klingon\""))
    }
}
