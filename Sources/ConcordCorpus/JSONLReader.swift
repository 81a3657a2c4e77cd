#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import ConcordText

/// Reads documents from JSON Lines: one object per line with an id and a text (names configurable)
/// and optional title, outlet, date and url. Blank lines are skipped. Each line is scanned as bytes
/// and only the wanted fields are decoded (see `JSONObjectScanner`). Input in another encoding
/// than UTF-8 is transcoded as it is read (see `DecodedInput`). A NUL byte in a line, or `\u0000`
/// in a field Concord reads, marks binary input: the line is an error naming its column.
public struct JSONLReader: Sendable {
    public let path: String
    public let fields: CorpusFields
    public let lossy: Bool
    /// The charset of the input (`--encoding`); `nil` for UTF-8. A byte-order mark overrides it.
    public let encoding: String?

    public init(path: String, fields: CorpusFields = CorpusFields(), lossy: Bool = false, encoding: String? = nil) {
        self.path = path
        self.fields = fields
        self.lossy = lossy
        self.encoding = encoding
    }

    /// Calls `body` with each record in order: a document, or the error that makes the line unusable.
    ///
    /// - Returns: the characters replaced by U+FFFD while transcoding (lossy only; replacements
    ///   inside a document are counted in its `replacedCharacters`).
    /// - Throws: `CorpusError` when the input cannot be read at all or is a JSON array, or what
    ///   `body` throws.
    /// - Complexity: O(*n*) in the bytes of the input; memory holds one chunk and one line.
    @discardableResult
    public func forEachRecord(_ body: (Result<Document, CorpusError>) throws -> Void) throws -> Int {
        let reader = LineReader(path: path, encoding: encoding, lossy: lossy)
        let wanted = fields.names.map { Array($0.utf8) }
        var seenContent = false
        return try reader.forEachLine { line, number in
            guard let first = line.first(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
            if !seenContent && first == UInt8(ascii: "[") {
                throw CorpusError(file: reader.displayName, line: number, "a JSON array, not JSON Lines (one object per line); convert it with `jq -c '.[]' \(reader.displayName) > corpus.jsonl`")
            }
            seenContent = true
            try body(parse(line, number: number, file: reader.displayName, wanted: wanted))
        }
    }

    func parse(_ line: UnsafeBufferPointer<UInt8>, number: Int, file: String, wanted: [[UInt8]]) -> Result<Document, CorpusError> {
        if let base = line.baseAddress, let nul = memchr(base, 0, line.count) {
            let column = UnsafeRawPointer(nul) - UnsafeRawPointer(base) + 1
            return .failure(CorpusError(file: file, line: number, TextError.nul(line: nil, column: column).description))
        }
        var scanner = JSONObjectScanner(line, lossy: lossy, idSlot: 0)
        let values: [JSONObjectScanner.Value?]
        do {
            values = try scanner.scan(fieldCount: wanted.count) { key in
                wanted.firstIndex { $0.elementsEqual(key) }
            }
        } catch {
            guard error.isSyntax else { return .failure(CorpusError(file: file, line: number, error.message)) }
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
        document.replacedCharacters = scanner.replacements
        document.line = number
        return .success(document)
    }
}
