import ConcordCorpus
import FuzzSupport

// The CSV and TSV readers on arbitrary bytes: read as TSV when the first line has a tab, else as
// CSV (one reading per input: each costs a 4 MiB buffer in `LineReader`). Properties checked on every input:
// - reading never crashes, and fails only with a `CorpusError` that has a message (a header without
//   the id and text columns, a quoted field left open at the end);
// - every record is a document or an invalid row with a line number inside the file and a message,
//   in line order; a document's id is never empty;
// - the documents, written back with every field quoted and read again, are the same documents
//   (a carriage return right before a line break inside a quoted field is not kept by the reader:
//   see `comparable`).

nonisolated(unsafe) private let csvInput = ScratchFile(name: "input.csv")
nonisolated(unsafe) private let tsvInput = ScratchFile(name: "input.tsv")
nonisolated(unsafe) private let rewritten = ScratchFile(name: "rewritten.csv")

private let fieldNames = ["id", "text", "title", "outlet", "date", "url"]

/// The documents of the file at `path` in order, checking the record shape on the way; nil when
/// the file as a whole is refused.
private func read(_ path: String, format: CorpusFormat, lineCount: Int) -> [Document]? {
    var documents: [Document] = []
    var lastLine = 0
    do {
        try CorpusSource(path: path, format: format).forEachRecord { record in
            switch record {
            case .document(let document):
                let line = Int(document.origin.split(separator: ":").last ?? "") ?? 0
                require(document.origin == "\(path):\(line)", "origin \(document.origin) is not \(path):LINE")
                require(line > lastLine && line <= lineCount, "document on line \(line) after line \(lastLine) of \(lineCount)")
                require(!document.id.description.isEmpty, "a document with an empty id on line \(line)")
                lastLine = line
                documents.append(document)
            case .invalid(let error):
                let line = error.line ?? 0
                require(error.file == path, "invalid row names \(error.file), not \(path)")
                require(line > lastLine && line <= lineCount, "invalid row on line \(line) after line \(lastLine) of \(lineCount)")
                require(!error.message.isEmpty, "invalid row on line \(line) without a message")
                lastLine = line
            case .skipped(let id, let reason):
                require(false, "a \(format) file skipped \(id): \(reason)")
            }
        }
    } catch let error as CorpusError {
        require(!error.message.isEmpty && error.file == path, "a refusal without a message: \(error)")
        return nil
    } catch {
        require(false, "reading threw something other than a CorpusError: \(error)")
    }
    return documents
}

/// The fields a round trip must keep: a missing optional column reads as an empty one, and a
/// carriage return before a line break is dropped (`LineReader` trims one per physical line).
private func comparable(_ document: Document) -> [String] {
    [document.id.description, document.text, document.title ?? "", document.outlet ?? "", document.date ?? "", document.url ?? ""]
        .map { field in
            var scalars = Array(field.unicodeScalars)
            var index = scalars.count - 1
            while index > 0 {
                if scalars[index] == "\n" && scalars[index - 1] == "\r" { scalars.remove(at: index - 1) }
                index -= 1
            }
            var result = ""
            result.unicodeScalars.append(contentsOf: scalars)
            return result
        }
}

private func roundTrip(_ documents: [Document], separator: String, format: CorpusFormat) {
    guard !documents.isEmpty else { return }
    var text = fieldNames.joined(separator: separator) + "\n"
    for document in documents { text += comparable(document).map(csvField).joined(separator: separator) + "\n" }
    rewritten.write(Array(text.utf8))
    guard let again = read(rewritten.path, format: format, lineCount: Int.max) else {
        require(false, "the documents written back as \(format) are refused:\n\(text)")
        return
    }
    require(again.count == documents.count, "\(documents.count) documents written back as \(format), \(again.count) read:\n\(text)")
    for (before, after) in zip(documents, again) {
        require(comparable(before) == comparable(after), "a \(format) round trip changed a document:\n\(comparable(before))\n\(comparable(after))")
    }
}

func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzInput(data, size)
    let lineCount = bytes.isEmpty ? 0 : bytes.count { $0 == 0x0A } + (bytes.last == 0x0A ? 0 : 1)
    let tabbed = bytes.prefix { $0 != 0x0A }.contains(0x09)
    let file = tabbed ? tsvInput : csvInput
    file.write(bytes)
    if let documents = read(file.path, format: tabbed ? .tsv : .csv, lineCount: lineCount) {
        roundTrip(documents, separator: tabbed ? "\t" : ",", format: tabbed ? .tsv : .csv)
    }
    return 0
}
