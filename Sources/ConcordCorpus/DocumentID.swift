/// The document's id as it will be written back: a string; an integer when the JSONL input gave an
/// integer (so that `"id": 7` stays `7`, as scorers compare by value and type); or, for a file in a
/// directory whose path is not valid UTF-8, the path's bytes exactly as the file system has them.
public enum DocumentID: Hashable, Sendable, CustomStringConvertible, Comparable {
    case string(String)
    case integer(Int64)
    /// A file path (relative to the corpus directory) that is not valid UTF-8, byte for byte.
    case fileName([UInt8])

    /// The id from a path's bytes: a string when they are valid UTF-8, else the bytes themselves.
    public init(path bytes: [UInt8]) {
        if let text = String(validating: bytes, as: UTF8.self) { self = .string(text) } else { self = .fileName(bytes) }
    }

    /// The id as text: a `fileName`'s invalid bytes are written `\xFF`.
    public var description: String {
        switch self {
        case .string(let text): return text
        case .integer(let value): return String(value)
        case .fileName(let bytes): return Self.describe(bytes)
        }
    }

    /// Calls `valid` with each longest run of valid UTF-8 in `bytes` and `invalid` with each other
    /// byte, in order.
    ///
    /// - Complexity: O(*n*²) for *n* bytes in the worst case (file names are short).
    public static func forEachRun(of bytes: [UInt8], valid: (String) -> Void, invalid: (UInt8) -> Void) {
        var start = 0
        while start < bytes.count {
            var end = bytes.count
            while end > start, String(validating: bytes[start..<end], as: UTF8.self) == nil { end -= 1 }
            if end > start {
                valid(String(decoding: bytes[start..<end], as: UTF8.self))
                start = end
            } else {
                invalid(bytes[start])
                start += 1
            }
        }
    }

    /// Valid UTF-8 runs as they are, every other byte as `\xHH`.
    static func describe(_ bytes: [UInt8]) -> String {
        var result = ""
        forEachRun(of: bytes, valid: { result += $0 }) { byte in
            result += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
        return result
    }

    public static func < (lhs: DocumentID, rhs: DocumentID) -> Bool { lhs.description < rhs.description }
}

extension String {
    /// The string with zeros in front, to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
