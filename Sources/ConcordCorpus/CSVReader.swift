internal import ConcordText

/// Reads documents from CSV (RFC 4180): a header row naming the columns (at least the id and text
/// columns), then one record per row; fields may be quoted, with "" for a quote, and quoted fields
/// may span lines. Records are streamed: memory holds one record. Input in another encoding than
/// UTF-8 is transcoded as it is read (see `DecodedInput`).
///
/// Bad bytes follow the JSONL policy: a NUL marks binary input and invalid UTF-8 is an error, each
/// naming the line and column; with `lossy`, invalid UTF-8 in a text cell becomes U+FFFD (counted
/// in the document's `replacedCharacters`), while an id keeps its bytes exactly (see
/// `DocumentID.fileName`), so ids are never altered.
public struct CSVReader: Sendable {
    public let path: String
    public let fields: CorpusFields
    public let separator: UInt8
    public let lossy: Bool
    /// The charset of the input (`--encoding`); `nil` for UTF-8. A byte-order mark overrides it.
    public let encoding: String?

    public init(path: String, fields: CorpusFields = CorpusFields(), separator: UInt8 = UInt8(ascii: ","),
                lossy: Bool = false, encoding: String? = nil) {
        self.path = path
        self.fields = fields
        self.separator = separator
        self.lossy = lossy
        self.encoding = encoding
    }

    /// Calls `body` with each record in order: a document, or the error that makes the row unusable.
    ///
    /// - Returns: the characters replaced by U+FFFD while transcoding (lossy only).
    /// - Throws: `CorpusError` when the file cannot be read or its header lacks the id or text column.
    /// - Complexity: O(*n*) in the bytes of the input.
    @discardableResult
    public func forEachRecord(_ body: (Result<Document, CorpusError>) throws -> Void) throws -> Int {
        let reader = LineReader(path: path, encoding: encoding, lossy: lossy)
        var columns: [Int?]?  // for each field slot (id, text, title, …), its column index
        var pending: [UInt8] = []
        var firstLine = 0
        let replaced = try reader.forEachLine { line, number in
            if pending.isEmpty { firstLine = number } else { pending.append(0x0A) }
            pending.append(contentsOf: line)
            guard let cells = splitRecord(pending) else { return }  // inside a quoted field: read on
            defer { pending.removeAll(keepingCapacity: true) }
            if let problem = problem(in: pending, firstLine: firstLine, file: reader.displayName) {
                if columns == nil { throw problem }
                return try body(.failure(problem))
            }
            if columns == nil {
                let header = cells.map { String(decoding: $0, as: UTF8.self) }
                columns = fields.names.map { header.firstIndex(of: $0) }
                if columns?[0] == nil || columns?[1] == nil {
                    throw CorpusError(file: reader.displayName, line: number,
                                      "the header row needs \"\(fields.id)\" and \"\(fields.text)\" columns; it has \(header.joined(separator: ", ")) (choose them with --id-field and --text-field)")
                }
                if let missing = fields.namedColumns.first(where: { !header.contains($0) }) {
                    throw CorpusError(file: reader.displayName, line: number,
                                      "the header row has no \"\(missing)\" column; it has \(header.joined(separator: ", "))")
                }
                return
            }
            if cells.count == 1 && cells[0].isEmpty { return }
            try body(record(cells, columns: columns!, file: reader.displayName, line: firstLine))
        }
        if !pending.isEmpty {
            throw CorpusError(file: reader.displayName, line: firstLine, "a quoted field is not closed before the end of the file")
        }
        return replaced
    }

    /// The error for a NUL, or (unless `lossy`) invalid UTF-8, in the bytes of a record that starts
    /// on `firstLine`, naming the line and column of the bad byte; `nil` when there is none.
    private func problem(in record: [UInt8], firstLine: Int, file: String) -> CorpusError? {
        record.withUnsafeBytes { bytes in
            let nul = bytes.firstIndex(of: 0)
            guard let offset = nul ?? (lossy ? nil : UTF8Decoding.firstInvalidOffset(in: bytes)) else { return nil }
            let before = bytes[..<offset]
            let line = firstLine + before.count { $0 == 0x0A }
            let column = offset - ((before.lastIndex(of: 0x0A) ?? -1) + 1) + 1
            if nul != nil { return CorpusError(file: file, line: line, TextError.nul(line: nil, column: column).description) }
            let advice = TextError.encodingAdvice(likely: EncodingDetection.likelyEncoding(of: bytes))
            return CorpusError(file: file, line: line, "invalid UTF-8 at column \(column)" + advice)
        }
    }

    private func record(_ cells: [[UInt8]], columns: [Int?], file: String, line: Int) -> Result<Document, CorpusError> {
        var replaced = 0
        func value(_ slot: Int) -> String? {
            guard let column = columns[slot], column < cells.count else { return nil }
            if let text = String(validating: cells[column], as: UTF8.self) { return text }
            replaced += cells[column].withUnsafeBytes { UTF8Decoding.replacementCount(in: $0, from: 0) }
            return String(decoding: cells[column], as: UTF8.self)
        }
        guard let idColumn = columns[0], idColumn < cells.count, !cells[idColumn].isEmpty else {
            return .failure(CorpusError(file: file, line: line, "the row has no \"\(fields.id)\" value"))
        }
        guard let text = value(1) else {
            return .failure(CorpusError(file: file, line: line, "the row has no \"\(fields.text)\" column"))
        }
        var document = Document(id: DocumentID(path: cells[idColumn]), text: text, title: value(2), outlet: value(3),
                                date: value(4), url: value(5), origin: "\(file):\(line)")
        document.replacedCharacters = replaced
        document.line = line
        return .success(document)
    }

    /// The fields of one record as bytes, or `nil` when a quoted field is still open (the record
    /// goes on on the next line).
    func splitRecord(_ bytes: [UInt8]) -> [[UInt8]]? {
        var cells: [[UInt8]] = []
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
                cells.append(cell)
                cell.removeAll(keepingCapacity: true)
                wasQuoted = false
            } else {
                cell.append(byte)
            }
            index += 1
        }
        if quoted { return nil }
        cells.append(cell)
        return cells
    }
}
