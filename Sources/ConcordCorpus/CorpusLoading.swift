/// Reads a corpus record by record and applies Concord's bad-input policy, so every input
/// document is accounted for: malformed lines stop the run (or, with `skipInvalid`, are reported
/// and counted), duplicate ids stop the run naming both places, binary or undecodable files in a
/// directory are reported and skipped, empty documents are kept.
public struct CorpusLoading {
    /// What was read besides the documents themselves.
    public struct Accounting: Sendable {
        public var documents = 0
        public var invalid: [CorpusError] = []
        public var skippedFiles: [(id: String, reason: String)] = []
        public var replacedCharacters = 0

        public init() {}
    }

    public let source: CorpusSource
    public let skipInvalid: Bool
    public private(set) var accounting = Accounting()
    private var seen = DocumentIDRegistry()
    private let report: (String) -> Void

    /// - Parameters:
    ///   - source: the corpus.
    ///   - skipInvalid: report and count malformed lines and rows instead of stopping at the first.
    ///   - report: receives a one-line message for each input that is skipped ("skipped …").
    public init(source: CorpusSource, skipInvalid: Bool, report: @escaping (String) -> Void) {
        self.source = source
        self.skipInvalid = skipInvalid
        self.report = report
    }

    /// Calls `body` with each usable document, in input order.
    ///
    /// - Throws: `CorpusError` for unreadable input, a duplicate id, or (without `skipInvalid`) a
    ///   malformed line; whatever `body` throws.
    /// - Complexity: O(*n*) in the bytes of the input; streamed.
    public mutating func forEachDocument(_ body: (Document) throws -> Void) throws {
        let transcodingReplacements = try source.forEachRecord { record in
            switch record {
            case .document(let document):
                if let first = seen.register(document.id, origin: document.origin) {
                    throw CorpusError(file: document.origin, "duplicate id \"\(document.id)\" (first at \(first)); ids must be unique")
                }
                accounting.documents += 1
                accounting.replacedCharacters += document.replacedCharacters
                try body(document)
            case .invalid(let error):
                guard skipInvalid else {
                    throw CorpusError(file: error.file, line: error.line, error.message + " (use --skip-invalid to skip such lines)")
                }
                report("skipped \(error)")
                accounting.invalid.append(error)
            case .skipped(let id, let reason):
                report("skipped \(id): \(reason)")
                accounting.skippedFiles.append((id, reason))
            }
        }
        accounting.replacedCharacters += transcodingReplacements
    }
}