/// One report of a corpus.
public struct Document: Sendable, Equatable {
    public var id: DocumentID
    public var text: String
    public var title: String?
    public var outlet: String?
    public var date: String?
    public var url: String?
    /// Where it came from, for messages: "file:line" or a path.
    public var origin: String
    /// The 1-based line the document starts on, for line-based input (JSONL, CSV); `nil` for a
    /// file of a directory.
    public var line: Int?
    /// Characters replaced by U+FFFD while reading (lone surrogate escapes, invalid UTF-8 under
    /// --lossy), so reports can say so.
    public var replacedCharacters = 0

    public init(id: DocumentID, text: String, title: String? = nil, outlet: String? = nil, date: String? = nil,
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
