import Foundation
import Testing
@testable import ConcordCorpus

/// Ids are never altered, and a NUL marks binary input in every reader (issue 13, item 5).
@Suite struct IDsNeverAlteredTests {
    func records(_ bytes: [UInt8], _ name: String, lossy: Bool = false) throws -> [Result<Document, CorpusError>] {
        let path = try CorpusTestFiles.write(bytes, name, in: CorpusTestFiles.directory())
        var result: [Result<Document, CorpusError>] = []
        try CorpusSource(path: path, lossy: lossy).forEachRecord { record in
            switch record {
            case .document(let document): result.append(.success(document))
            case .invalid(let error): result.append(.failure(error))
            case .skipped(let id, let reason): Issue.record("skipped \(id): \(reason)")
            }
        }
        return result
    }

    func failure(_ result: Result<Document, CorpusError>) -> CorpusError? {
        if case .failure(let error) = result { return error }
        return nil
    }

    static let badIDs: [UInt8] = Array("id,text\n".utf8) + [0x69, 0x64, 0xFF, 0x31] + Array(",one\n".utf8)
        + [0x69, 0x64, 0xFE, 0x31] + Array(",tw".utf8) + [0xFF] + Array("o\n".utf8)

    @Test func invalidUTF8InACSVIdIsAnErrorNamingLineAndColumn() throws {
        let read = try records(Self.badIDs, "ids.csv")
        let error = try #require(failure(read[0]))
        #expect(error.file.hasSuffix("ids.csv"))
        #expect(error.line == 2)
        #expect(error.message.hasPrefix("invalid UTF-8 at column 3"), "\(error)")
        #expect(error.message.contains("--lossy"))
    }

    @Test func lossyKeepsTheIdsBytesAndCountsTextReplacements() throws {
        let read = try records(Self.badIDs, "ids.csv", lossy: true).map { try $0.get() }
        #expect(read.map(\.id) == [.fileName([0x69, 0x64, 0xFF, 0x31]), .fileName([0x69, 0x64, 0xFE, 0x31])])
        #expect(read[1].text == "tw\u{FFFD}o")
        #expect(read.map(\.replacedCharacters) == [0, 1])
    }

    @Test func twoSuchIdsAreNotAFalseDuplicate() throws {
        let path = try CorpusTestFiles.write(Self.badIDs, "ids.csv", in: CorpusTestFiles.directory())
        var loading = CorpusLoading(source: CorpusSource(path: path, lossy: true), skipInvalid: false) { _ in }
        var ids: [String] = []
        try loading.forEachDocument { ids.append($0.id.description) }
        #expect(ids == ["id\\xFF1", "id\\xFE1"])
        #expect(loading.accounting.replacedCharacters == 1)
    }

    @Test func aLoneSurrogateInAJSONIdIsAnErrorNamingTheLine() throws {
        let lines = #"{"id": "fine", "text": "a\ud800b"}"# + "\n" + #"{"id": "x\ud800", "text": "t"}"# + "\n"
        let read = try records(Array(lines.utf8), "s.jsonl")
        #expect(try read[0].get().replacedCharacters == 1)  // in a text: replaced and counted
        let error = try #require(failure(read[1]))
        #expect(error.line == 2)
        #expect(error.message.contains("lone surrogate"), "\(error)")
    }

    @Test func fileNameEscapesInAJSONIdReadBackAsTheBytesTheyWereWrittenFrom() throws {
        let id = DocumentID.fileName(Array("caf".utf8) + [0xE9] + Array(".txt".utf8))
        let line = #"{"id": "# + id.json + #", "text": "t"}"# + "\n" + #"{"id": "\udc7f", "text": "t"}"# + "\n"
        let read = try records(Array(line.utf8), "names.jsonl")
        #expect(try read[0].get().id == id)  // strict: the escape is explicit, not a wrong encoding
        #expect(try read[0].get().replacedCharacters == 0)
        #expect(try #require(failure(read[1])).message.contains("lone surrogate"))  // below U+DC80: no byte
    }

    /// A valid run that starts with a combining mark (U+0488) after an invalid byte: written as
    /// scalars, the mark is not taken for part of the quote that starts the run (a fuzzer finding).
    @Test func aCombiningMarkAfterAnInvalidByteSurvivesTheRoundTrip() throws {
        let id = DocumentID.fileName(Array("unrelated".utf8) + [0x92] + Array("\u{0488}eather".utf8))
        let read = try records(Array((#"{"id": "# + id.json + #", "text": "t"}"# + "\n").utf8), "names.jsonl")
        #expect(try read[0].get().id == id)
    }

    @Test(arguments: [
        (Array(#"{"id": "n", "text": "a"#.utf8) + [0] + Array(#"b"}"#.utf8), "n.jsonl", 1, 23),
        (Array(#"{"id": "n", "text": "a\u0000b"}"#.utf8), "e.jsonl", 1, 23),
        (Array("id,text\nn,\"a\nb".utf8) + [0] + Array("c\"\n".utf8), "n.csv", 3, 2),
    ] as [([UInt8], String, Int, Int)])
    func aNULMarksBinaryInputAtItsLineAndColumn(bytes: [UInt8], name: String, line: Int, column: Int) throws {
        let error = try #require(failure(try records(bytes, name)[0]))
        #expect(error.line == line)
        #expect(error.message.hasPrefix("binary input (NUL at column \(column))"), "\(error)")
    }
}
