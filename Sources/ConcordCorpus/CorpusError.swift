/// A problem with corpus input, naming the file and line, what was expected, and what to do.
public struct CorpusError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file (or "<stdin>"), and the 1-based line when it applies.
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
