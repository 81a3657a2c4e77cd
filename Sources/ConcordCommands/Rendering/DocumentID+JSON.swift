import ConcordCorpus

extension DocumentID {
    /// The id as a JSON value: a string literal, or an integer for an integer id.
    var json: String {
        switch self {
        case .string(let text): JSONWriting.quoted(text)
        case .integer(let value): String(value)
        }
    }

    /// Appends the id as a JSON value to `bytes`.
    func appendJSON(to bytes: inout [UInt8]) {
        switch self {
        case .string(let text): JSONWriting.appendQuoted(text, to: &bytes)
        case .integer(let value): bytes.append(contentsOf: String(value).utf8)
        }
    }
}
