extension DocumentID {
    /// The id as a JSON value: a string literal, or an integer for an integer id. A file name that
    /// is not valid UTF-8 is a string whose invalid bytes are written as the escapes U+DC80–U+DCFF
    /// (`"\udcff"` for the byte FF): Python's `surrogateescape`, PEP 383, so
    /// `os.fsencode(json.loads(…))` gives the original bytes back.
    ///
    /// - Complexity: O(*n*) for an id of *n* bytes.
    public var json: String {
        switch self {
        case .string(let text): JSONWriting.quoted(text)
        case .integer(let value): String(value)
        case .fileName(let bytes):
            "\"" + Self.escapedFileName(bytes) + "\""
        }
    }

    /// The inside of the JSON string for a file name's bytes (see `json`).
    private static func escapedFileName(_ bytes: [UInt8]) -> String {
        var inside = ""
        // Scalars, not characters: a run may start with a combining mark, which as a character
        // would merge with the quote that `quoted` puts before it.
        forEachRun(of: bytes, valid: { inside.unicodeScalars.append(contentsOf: JSONWriting.quoted($0).unicodeScalars.dropFirst().dropLast()) }) { byte in
            inside += "\\udc" + String(byte, radix: 16)
        }
        return inside
    }

    /// Appends the id as a JSON value to `bytes`.
    public func appendJSON(to bytes: inout [UInt8]) {
        switch self {
        case .string(let text): JSONWriting.appendQuoted(text, to: &bytes)
        case .integer(let value): bytes.append(contentsOf: String(value).utf8)
        case .fileName: bytes.append(contentsOf: json.utf8)
        }
    }
}
