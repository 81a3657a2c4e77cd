internal import ConcordText

/// Reads documents from JSON Lines: one object per line with an id and a text (names configurable)
/// and optional title, outlet, date and url. Blank lines are skipped. Each line is scanned as bytes
/// and only the wanted fields are decoded (see `JSONObjectScanner`).
public struct JSONLReader: Sendable {
    public let path: String
    public let fields: CorpusFields
    public let lossy: Bool

    public init(path: String, fields: CorpusFields = CorpusFields(), lossy: Bool = false) {
        self.path = path
        self.fields = fields
        self.lossy = lossy
    }

    /// Calls `body` with each record in order: a document, or the error that makes the line unusable.
    ///
    /// - Throws: `CorpusError` when the input cannot be read at all, or what `body` throws.
    /// - Complexity: O(*n*) in the bytes of the input; memory holds one chunk and one line.
    public func forEachRecord(_ body: (Result<Document, CorpusError>) throws -> Void) throws {
        let reader = LineReader(path: path)
        let wanted = fields.names.map { Array($0.utf8) }
        try reader.forEachLine { line, number in
            var line = line
            // A byte-order mark that some editors put at the start of a UTF-8 file is not data.
            if number == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = UnsafeBufferPointer(rebasing: line[3...]) }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            try body(parse(line, number: number, file: reader.displayName, wanted: wanted))
        }
    }

    func parse(_ line: UnsafeBufferPointer<UInt8>, number: Int, file: String, wanted: [[UInt8]]) -> Result<Document, CorpusError> {
        var scanner = JSONObjectScanner(line, lossy: lossy)
        let values: [JSONObjectScanner.Value?]
        do {
            values = try scanner.scan(fieldCount: wanted.count) { key in
                wanted.firstIndex { $0.elementsEqual(key) }
            }
        } catch {
            return .failure(CorpusError(file: file, line: number, "malformed JSON at column \(error.offset + 1): \(error.message)"))
        }
        guard let value = values[0] else {
            return .failure(CorpusError(file: file, line: number, "no \"\(fields.id)\" field (choose the id field with --id-field)"))
        }
        guard let id = value.documentID else {
            return .failure(CorpusError(file: file, line: number, "\"\(fields.id)\" must be a string or an integer"))
        }
        let text: String
        switch values[1] {
        case .string(let value)?: text = value
        case .null?: text = ""
        case nil: return .failure(CorpusError(file: file, line: number, "no \"\(fields.text)\" field (choose the text field with --text-field)"))
        default: return .failure(CorpusError(file: file, line: number, "\"\(fields.text)\" must be a string"))
        }
        func optional(_ slot: Int) -> String? {
            if case .string(let value)? = values[slot] { return value }
            return nil
        }
        var document = Document(id: id, text: text, title: optional(2), outlet: optional(3), date: optional(4),
                                url: optional(5), origin: "\(file):\(number)")
        if scanner.replacedSurrogates > 0 { document.replacedCharacters = scanner.replacedSurrogates }
        return .success(document)
    }
}
