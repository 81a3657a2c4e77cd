import ConcordCorpus

/// Reads a corpus record by record and applies Concord's bad-input policy, so every input
/// document is accounted for: malformed lines stop the run (or, with --skip-invalid, are reported
/// and counted), duplicate ids stop the run naming both places, binary or undecodable files in a
/// directory are reported and skipped, empty documents are kept.
struct CorpusLoading {
    /// What was read besides the documents themselves.
    struct Accounting {
        var documents = 0
        var invalid: [CorpusError] = []
        var skippedFiles: [(id: String, reason: String)] = []
        var replacedCharacters = 0
    }

    let source: CorpusSource
    let skipInvalid: Bool
    private(set) var accounting = Accounting()
    private var seen = DocumentIDRegistry()

    init(source: CorpusSource, skipInvalid: Bool) {
        self.source = source
        self.skipInvalid = skipInvalid
    }

    /// Calls `body` with each usable document, in input order.
    mutating func forEachDocument(_ body: (Document) throws -> Void) throws {
        try source.forEachRecord { record in
            switch record {
            case .document(let document):
                if let first = seen.register(document.id, origin: document.origin) {
                    throw CommandError("\(document.origin): duplicate id \"\(document.id)\" (first at \(first)); ids must be unique")
                }
                accounting.documents += 1
                accounting.replacedCharacters += document.replacedCharacters
                try body(document)
            case .invalid(let error):
                guard skipInvalid else {
                    throw CommandError("\(error) (use --skip-invalid to skip such lines)")
                }
                printError("concord: skipped \(error)")
                accounting.invalid.append(error)
            case .skipped(let id, let reason):
                printError("concord: skipped \(id): \(reason)")
                accounting.skippedFiles.append((id, reason))
            }
        }
    }
}
