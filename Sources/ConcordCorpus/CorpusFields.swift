/// Which JSONL keys or CSV columns hold each part of a document.
public struct CorpusFields: Sendable, Equatable {
    public var id = "id"
    public var text = "text"
    public var title = "title"
    public var outlet = "outlet"
    public var date = "date"
    public var url = "url"
    /// Optional columns the user named (`--title-field`, `--date-field`): a CSV header without
    /// one of them is an error, not a corpus without titles or dates.
    public var namedColumns: [String] = []

    public init(id: String = "id", text: String = "text") {
        self.id = id
        self.text = text
    }

    /// The names in slot order: id, text, title, outlet, date, url.
    var names: [String] { [id, text, title, outlet, date, url] }
}
