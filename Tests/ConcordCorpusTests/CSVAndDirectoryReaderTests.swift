import Foundation
import Testing
@testable import ConcordCorpus

@Suite struct CSVReaderTests {
    func documents(_ text: String, separator: UInt8 = UInt8(ascii: ",")) throws -> [Result<Document, CorpusError>] {
        let path = try CorpusTestFiles.write(text, "corpus.csv", in: CorpusTestFiles.directory())
        var result: [Result<Document, CorpusError>] = []
        try CSVReader(path: path, separator: separator).forEachRecord { result.append($0) }
        return result
    }

    @Test func readsQuotedFieldsAcrossLines() throws {
        let csv = "\u{FEFF}id,outlet,text\r\n1,AP,\"Rockets hit, then \"\"eight\"\" more\nSecond paragraph\"\r\n2,Reuters,Plain\n"
        let read = try documents(csv).map { try $0.get() }
        #expect(read.map(\.id) == [.string("1"), .string("2")])
        #expect(read[0].text == "Rockets hit, then \"eight\" more\nSecond paragraph")
        #expect(read[0].outlet == "AP")
        #expect(read[1].origin.hasSuffix(":4"))
    }

    @Test func aHeaderWithoutTheTextColumnIsAnError() throws {
        #expect(throws: CorpusError.self) { _ = try documents("id,body\n1,x\n") }
    }

    @Test func anUnclosedQuoteIsAnError() throws {
        #expect(throws: CorpusError.self) { _ = try documents("id,text\n1,\"never closed\n") }
    }

    @Test func readsTSV() throws {
        let read = try documents("id\ttext\na\tfirst\n", separator: 0x09).map { try $0.get() }
        #expect(read[0].text == "first")
    }
}

@Suite struct DirectoryReaderTests {
    @Test func readsTextFilesInPathOrderAndSkipsBinaryOnes() throws {
        let directory = try CorpusTestFiles.directory()
        _ = try CorpusTestFiles.write("Second", "b/report.txt", in: directory)
        _ = try CorpusTestFiles.write("First", "a.txt", in: directory)
        _ = try CorpusTestFiles.write("", "empty.txt", in: directory)
        _ = try CorpusTestFiles.write([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], "archive.txt", in: directory)
        _ = try CorpusTestFiles.write([0x61, 0xFF], "latin1.txt", in: directory)
        _ = try CorpusTestFiles.write("not a report", "README.md", in: directory)
        var documents: [Document] = []
        var skipped: [String] = []
        try DirectoryReader(path: directory.path).forEachRecord { record in
            switch record {
            case .document(let document): documents.append(document)
            case .skipped(let id, let reason): skipped.append("\(id): \(reason)")
            }
        }
        #expect(documents.map(\.id) == [.string("a.txt"), .string("b/report.txt"), .string("empty.txt")])
        #expect(documents.map(\.text) == ["First", "Second", ""])
        #expect(skipped.count == 2)
        #expect(skipped[0].hasPrefix("archive.txt: binary input (NUL at line 1, column 5)"), "\(skipped)")
        #expect(skipped[1] == "latin1.txt: invalid UTF-8 at byte offset 1 (use --lossy to replace bad bytes with U+FFFD)")
    }

    @Test func everyFileWithAnEmptyExtensionList() throws {
        let directory = try CorpusTestFiles.directory()
        _ = try CorpusTestFiles.write("x", "note", in: directory)
        _ = try CorpusTestFiles.write("y", "page.html", in: directory)
        #expect(try DirectoryReader(path: directory.path, extensions: []).relativePaths() == ["note", "page.html"])
    }

    @Test func theSourceDetectsFormats() throws {
        let directory = try CorpusTestFiles.directory()
        let csv = try CorpusTestFiles.write("id,text\n1,x\n", "c.csv", in: directory)
        let jsonl = try CorpusTestFiles.write("{\"id\":1,\"text\":\"x\"}\n", "c.jsonl", in: directory)
        #expect(try CorpusSource(path: csv).resolvedFormat() == .csv)
        #expect(try CorpusSource(path: jsonl).resolvedFormat() == .jsonl)
        #expect(try CorpusSource(path: directory.path).resolvedFormat() == .directory)
        #expect(try CorpusSource(path: "-").resolvedFormat() == .jsonl)
    }
}
