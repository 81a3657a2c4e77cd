/// Minimal JSON text building for Concord's machine-readable outputs: escaping per RFC 8259, keys
/// in a fixed order, so the same data always gives the same bytes. It is the writing side of the
/// JSONL reader: what it writes, `JSONLReader` reads back unchanged.
public enum JSONWriting {
    /// `text` as a JSON string literal, quotes included.
    ///
    /// - Complexity: O(*n*) for *n* bytes of `text`.
    public static func quoted(_ text: String) -> String {
        if !needsEscapes(text) { return "\"" + text + "\"" }
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        result += "\""
        return result
    }

    /// Appends `text` as a JSON string literal to `bytes`: a text without characters to escape
    /// (ids nearly always) is copied as it is, without building a string.
    public static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        if needsEscapes(text) {
            bytes.append(contentsOf: quoted(text).utf8)
        } else {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private static func needsEscapes(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

    /// A JSON object from ordered key/value pairs whose values are already JSON text.
    package static func object(_ fields: KeyValuePairs<String, String>) -> String {
        var result = "{"
        for (index, field) in fields.enumerated() {
            if index > 0 { result += "," }
            result += quoted(field.key)
            result += ":"
            result += field.value
        }
        result += "}"
        return result
    }

    /// A JSON array from elements that are already JSON text.
    package static func array(_ elements: [String]) -> String { "[" + elements.joined(separator: ",") + "]" }

    /// A 64-bit id as a fixed-width hex string (JSON numbers lose precision past 2^53).
    package static func hexID(_ id: UInt64) -> String {
        let hex = String(id, radix: 16)
        return quoted(String(repeating: "0", count: 16 - hex.count) + hex)
    }
}
