/// Reads documents from CSV (RFC 4180): a header row naming the columns (at least the id and text
/// columns), then one record per row; fields may be quoted, with "" for a quote, and quoted fields
/// may span lines. Records are streamed: memory holds one record.
public struct CSVReader: Sendable {
    public let path: String
    public let fields: CorpusFields
    public let separator: UInt8
    public let lossy: Bool

    public init(path: String, fields: CorpusFields = CorpusFields(), separator: UInt8 = UInt8(ascii: ","), lossy: Bool = false) {
        self.path = path
        self.fields = fields
        self.separator = separator
        self.lossy = lossy
    }

    /// Calls `body` with each record in order: a document, or the error that makes the row unusable.
    ///
    /// - Throws: `CorpusError` when the file cannot be read or its header lacks the id or text column.
    /// - Complexity: O(*n*) in the bytes of the input.
    public func forEachRecord(_ body: (Result<Document, CorpusError>) throws -> Void) throws {
        let reader = LineReader(path: path)
        var columns: [Int?]?  // for each field slot (id, text, title, …), its column index
        var pending: [UInt8] = []
        var firstLine = 0
        try reader.forEachLine { line, number in
            if pending.isEmpty { firstLine = number } else { pending.append(0x0A) }
            pending.append(contentsOf: line)
            guard let cells = splitRecord(pending) else { return }  // inside a quoted field: read on
            defer { pending.removeAll(keepingCapacity: true) }
            if columns == nil {
                let header = cells.map { $0.trimmingBOM() }
                columns = fields.names.map { header.firstIndex(of: $0) }
                if columns?[0] == nil || columns?[1] == nil {
                    throw CorpusError(file: reader.displayName, line: number,
                                      "the header row needs \"\(fields.id)\" and \"\(fields.text)\" columns; it has \(header.joined(separator: ", ")) (choose them with --id-field and --text-field)")
                }
                return
            }
            if cells.count == 1 && cells[0].isEmpty { return }
            try body(record(cells, columns: columns!, file: reader.displayName, line: firstLine))
        }
        if !pending.isEmpty {
            throw CorpusError(file: reader.displayName, line: firstLine, "a quoted field is not closed before the end of the file")
        }
    }

    private func record(_ cells: [String], columns: [Int?], file: String, line: Int) -> Result<Document, CorpusError> {
        func value(_ slot: Int) -> String? {
            guard let column = columns[slot], column < cells.count else { return nil }
            return cells[column]
        }
        guard let id = value(0), !id.isEmpty else {
            return .failure(CorpusError(file: file, line: line, "the row has no \"\(fields.id)\" value"))
        }
        guard let text = value(1) else {
            return .failure(CorpusError(file: file, line: line, "the row has no \"\(fields.text)\" column"))
        }
        return .success(Document(id: .string(id), text: text, title: value(2), outlet: value(3), date: value(4),
                                 url: value(5), origin: "\(file):\(line)"))
    }

    /// The fields of one record, or `nil` when a quoted field is still open (the record goes on
    /// on the next line).
    func splitRecord(_ bytes: [UInt8]) -> [String]? {
        var cells: [String] = []
        var cell: [UInt8] = []
        var index = 0
        var quoted = false
        var wasQuoted = false
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        cell.append(byte)
                        index += 2
                        continue
                    }
                    quoted = false
                } else {
                    cell.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") && cell.isEmpty && !wasQuoted {
                quoted = true
                wasQuoted = true
            } else if byte == separator {
                cells.append(decode(cell))
                cell.removeAll(keepingCapacity: true)
                wasQuoted = false
            } else {
                cell.append(byte)
            }
            index += 1
        }
        if quoted { return nil }
        cells.append(decode(cell))
        return cells
    }

    private func decode(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}

extension String {
    /// Without a leading byte-order mark (spreadsheet exports start with one).
    func trimmingBOM() -> String { hasPrefix("\u{FEFF}") ? String(dropFirst()) : self }
}
