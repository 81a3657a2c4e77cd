/// One report of a corpus.
public struct Document: Sendable, Equatable {
    /// The document's id as it will be written back: a string, or an integer when the JSONL input
    /// gave an integer (so that `"id": 7` stays `7`, as scorers compare by value and type).
    public enum ID: Hashable, Sendable, CustomStringConvertible, Comparable {
        case string(String)
        case integer(Int64)

        public var description: String {
            switch self {
            case .string(let text): return text
            case .integer(let value): return String(value)
            }
        }

        public static func < (lhs: ID, rhs: ID) -> Bool { lhs.description < rhs.description }
    }

    public var id: ID
    public var text: String
    public var title: String?
    public var outlet: String?
    public var date: String?
    public var url: String?
    /// Where it came from, for messages: "file:line" or a path.
    public var origin: String
    /// Characters replaced by U+FFFD while reading (lone surrogate escapes, invalid UTF-8 under
    /// --lossy), so reports can say so.
    public var replacedCharacters = 0

    public init(id: ID, text: String, title: String? = nil, outlet: String? = nil, date: String? = nil,
                url: String? = nil, origin: String) {
        self.id = id
        self.text = text
        self.title = title
        self.outlet = outlet
        self.date = date
        self.url = url
        self.origin = origin
    }
}
