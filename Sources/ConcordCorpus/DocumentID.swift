/// The document's id as it will be written back: a string, or an integer when the JSONL input
/// gave an integer (so that `"id": 7` stays `7`, as scorers compare by value and type).
public enum DocumentID: Hashable, Sendable, CustomStringConvertible, Comparable {
    case string(String)
    case integer(Int64)

    public var description: String {
        switch self {
        case .string(let text): return text
        case .integer(let value): return String(value)
        }
    }

    public static func < (lhs: DocumentID, rhs: DocumentID) -> Bool { lhs.description < rhs.description }
}
