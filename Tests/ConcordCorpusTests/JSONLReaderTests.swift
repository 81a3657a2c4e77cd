import Foundation
import Testing
@testable import ConcordCorpus

@Suite struct JSONLReaderTests {
    func records(_ text: String, fields: CorpusFields = CorpusFields(), lossy: Bool = false) throws -> [Result<Document, CorpusError>] {
        let directory = try CorpusTestFiles.directory()
        let path = try CorpusTestFiles.write(text, "corpus.jsonl", in: directory)
        var result: [Result<Document, CorpusError>] = []
        try JSONLReader(path: path, fields: fields, lossy: lossy).forEachRecord { result.append($0) }
        return result
    }

    @Test func readsIdsTextsAndOptionalFields() throws {
        let line = #"{"id": "a1", "outlet": "AP", "text": "Rockets \"hit\" the base.\nSecond line", "extra": {"x": [1, 2, "}"]}, "date": null}"#
        let documents = try records(line + "\n\n" + #"{"id": 7, "text": "Seven"}"# + "\n").map { try $0.get() }
        #expect(documents.count == 2)
        #expect(documents[0].id == .string("a1"))
        #expect(documents[0].text == "Rockets \"hit\" the base.\nSecond line")
        #expect(documents[0].outlet == "AP")
        #expect(documents[0].date == nil)
        #expect(documents[1].id == .integer(7))
        #expect(documents[1].origin.hasSuffix("corpus.jsonl:3"))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let documents = try records(#"{"id": "e", "text": "caf\u00e9 \ud83d\ude00 \u062f\u064a\u0631 tab\tend"}"#).map { try $0.get() }
        #expect(documents[0].text == "café 😀 دير tab\tend")
    }

    @Test func replacesLoneSurrogatesAndCountsThem() throws {
        let documents = try records(#"{"id": "s", "text": "a\ud800b\udc00c"}"#).map { try $0.get() }
        #expect(documents[0].text == "a\u{FFFD}b\u{FFFD}c")
        #expect(documents[0].replacedCharacters == 2)
    }

    @Test(arguments: [
        (#"{"id": "x", "text": "unterminated}"#, "unterminated string"),
        (#"{"id": "x" "text": "y"}"#, "expected ',' or '}'"),
        (#"["id", "text"]"#, "expected a JSON object"),
        (#"{"text": "no id"}"#, "no \"id\" field"),
        (#"{"id": ["a"], "text": "t"}"#, "must be a string or an integer"),
        (#"{"id": "x", "text": "bad \q escape"}"#, "invalid escape"),
    ])
    func malformedLinesNameTheLine(line: String, message: String) throws {
        let result = try records("{\"id\": \"ok\", \"text\": \"fine\"}\n" + line + "\n")
        #expect(result.count == 2)
        guard case .failure(let error) = result[1] else { Issue.record("line 2 should fail"); return }
        #expect(error.line == 2)
        #expect(error.description.contains(message), "\(error)")
    }

    @Test func aByteOrderMarkOpeningTheFileIsSkipped() throws {
        let directory = try CorpusTestFiles.directory()
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"id\": \"a\", \"text\": \"hello\"}\n".utf8)
        let path = try CorpusTestFiles.write(bytes, "bom.jsonl", in: directory)
        var records: [Result<Document, CorpusError>] = []
        try JSONLReader(path: path).forEachRecord { records.append($0) }
        guard case .success(let document)? = records.first else { Issue.record("\(records)"); return }
        #expect(document.text == "hello")
    }

    @Test func invalidUTF8InAStringIsAnErrorUnlessLossy() throws {
        let directory = try CorpusTestFiles.directory()
        let bytes = Array(#"{"id": "b", "text": "a"#.utf8) + [0xFF] + Array(#"b"}"#.utf8)
        let path = try CorpusTestFiles.write(bytes, "bad.jsonl", in: directory)
        var strict: [Result<Document, CorpusError>] = []
        try JSONLReader(path: path).forEachRecord { strict.append($0) }
        guard case .failure(let error) = strict[0] else { Issue.record("strict read should fail"); return }
        #expect(error.description.contains("invalid UTF-8"))
        // The column of the bad byte itself (0xFF is byte 23 of the line), not of the string's end.
        #expect(error.description.contains("column 23:"), "\(error)")
        var lossy: [Result<Document, CorpusError>] = []
        try JSONLReader(path: path, lossy: true).forEachRecord { lossy.append($0) }
        #expect(try lossy[0].get().text == "a\u{FFFD}b")
    }

    @Test func fieldNamesAreConfigurable() throws {
        let documents = try records(#"{"doc": "d", "body": "Text"}"#, fields: CorpusFields(id: "doc", text: "body")).map { try $0.get() }
        #expect(documents[0].id == .string("d"))
        #expect(documents[0].text == "Text")
    }

    @Test func aMissingFileIsAnError() {
        #expect(throws: CorpusError.self) { try JSONLReader(path: "/no/such/corpus.jsonl").forEachRecord { _ in } }
    }
}
