import ConcordCorpus
import FuzzSupport

// The JSONL reader on arbitrary bytes, strict and lossy. Properties checked on every input:
// - reading a readable file never crashes, and throws only to refuse a JSON array, before any record;
// - every record is a document or an invalid line with a line number inside the file and a message,
//   one record at most per line, in line order;
// - without --lossy, a text with no backslash and no U+FFFD of its own yields no U+FFFD anywhere;
// - every document read strictly is read the same with --lossy (read only when the input has a
//   byte outside ASCII or a backslash: otherwise the two readings cannot differ, and each reading
//   costs a 4 MiB buffer in `LineReader`);
// - the documents, written back as JSONL and read again, are the same documents.

nonisolated(unsafe) private let input = ScratchFile(name: "input.jsonl")
nonisolated(unsafe) private let rewritten = ScratchFile(name: "rewritten.jsonl")

/// The documents and invalid lines of the file at `path`, checking the record shape on the way.
private func read(_ path: String, lossy: Bool, lineCount: Int) -> [Int: Result<Document, CorpusError>] {
    var records: [Int: Result<Document, CorpusError>] = [:]
    var lastLine = 0
    do {
        try CorpusSource(path: path, format: .jsonl, lossy: lossy).forEachRecord { record in
            switch record {
            case .document(let document):
                let line = Int(document.origin.split(separator: ":").last ?? "") ?? 0
                require(document.origin == "\(path):\(line)", "origin \(document.origin) is not \(path):LINE")
                require(line > lastLine && line <= lineCount, "document on line \(line) after line \(lastLine) of \(lineCount)")
                lastLine = line
                records[line] = .success(document)
            case .invalid(let error):
                let line = error.line ?? 0
                require(error.file == path, "invalid line names \(error.file), not \(path)")
                require(line > lastLine && line <= lineCount, "invalid line \(line) after line \(lastLine) of \(lineCount)")
                require(!error.message.isEmpty, "invalid line \(line) without a message")
                lastLine = line
                records[line] = .failure(error)
            case .skipped(let id, let reason):
                require(false, "a JSONL file skipped \(id): \(reason)")
            }
        }
    } catch let error as CorpusError where error.message.hasPrefix("a JSON array, not JSON Lines") {
        // The one whole-file refusal: a first line with content that opens with "[".
        require(records.isEmpty, "a JSON array refused after \(records.count) records")
        require(error.file == path && (error.line ?? 0) >= 1, "the JSON array refusal names \(error.file):\(String(describing: error.line))")
    } catch let error as CorpusError where !lossy && error.message.hasPrefix("not valid ") && error.message.contains(" at byte offset ") {
        // A file transcoded as it streams (a UTF-16 or UTF-32 byte-order mark) stops at its
        // first invalid code unit, naming the offset; --lossy replaces instead.
        require(error.file == path, "the transcoding error names \(error.file), not \(path)")
    } catch {
        require(false, "reading a readable file threw: \(error)")
    }
    return records
}

/// A document as one JSONL line with every field it has.
private func jsonLine(_ document: Document) -> String {
    var fields = ["\"id\":" + document.id.json, "\"text\":" + JSONWriting.quoted(document.text)]
    for (name, value) in [("title", document.title), ("outlet", document.outlet), ("date", document.date), ("url", document.url)] {
        if let value { fields.append("\"\(name)\":" + JSONWriting.quoted(value)) }
    }
    return "{" + fields.joined(separator: ",") + "}"
}

/// The document as read from another line: origin, line number and replacement count aside.
private func comparable(_ document: Document) -> Document {
    var copy = document
    copy.origin = ""
    copy.line = nil
    copy.replacedCharacters = 0
    return copy
}

func fuzzJSONL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzInput(data, size)
    input.write(bytes)
    let lineCount = bytes.isEmpty ? 0 : bytes.count { $0 == 0x0A } + (bytes.last == 0x0A ? 0 : 1)
    let strict = read(input.path, lossy: false, lineCount: lineCount)
    let mayDiffer = bytes.contains { $0 >= 0x80 || $0 == 0x5C }
    let lossy = mayDiffer ? read(input.path, lossy: true, lineCount: lineCount) : strict

    let mayHoldReplacement = contains(bytes, [0x5C]) || contains(bytes, [0xEF, 0xBF, 0xBD])
    for (line, record) in strict {
        guard case .success(let document) = record else { continue }
        if !mayHoldReplacement {
            let fields = [document.id.description, document.text, document.title, document.outlet, document.date, document.url]
            require(!fields.contains { $0?.unicodeScalars.contains("\u{FFFD}") == true },
                    "line \(line): U+FFFD in a document read without --lossy from text that has none")
            require(document.replacedCharacters == 0, "line \(line): \(document.replacedCharacters) replacements without --lossy")
        }
        guard case .success(let again)? = lossy[line] else {
            require(false, "line \(line) is a document without --lossy but not with it: \(String(describing: lossy[line]))")
            return 0
        }
        require(comparable(again) == comparable(document), "line \(line) reads differently with --lossy")
    }

    let documents = lossy.keys.sorted().compactMap { line -> Document? in
        if case .success(let document)? = lossy[line] { return document }
        return nil
    }
    guard !documents.isEmpty else { return 0 }
    rewritten.write(Array(documents.map(jsonLine).joined(separator: "\n").utf8))
    let reread = read(rewritten.path, lossy: false, lineCount: documents.count)
    for (index, document) in documents.enumerated() {
        guard case .success(let again)? = reread[index + 1] else {
            require(false, "document \(document.id) written back as JSONL is not read again: \(String(describing: reread[index + 1]))\n\(jsonLine(document))")
            return 0
        }
        require(comparable(again) == comparable(document), "document \(document.id) changed through a JSONL round trip:\n\(document)\n\(again)")
    }
    return 0
}
