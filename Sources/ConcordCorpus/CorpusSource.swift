#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The formats Concord reads a corpus in.
public enum CorpusFormat: String, CaseIterable, Sendable {
    /// Decided from the path: a directory, or a file's extension (.csv, .tsv; anything else JSONL).
    case auto
    case jsonl
    case csv
    case tsv
    case directory
}

/// One unit of corpus input: a document, a line or row that cannot be used, or a skipped file.
public enum CorpusRecord: Sendable {
    case document(Document)
    case invalid(CorpusError)
    case skipped(id: String, reason: String)
}

/// A corpus on disk or on standard input ("-", read as JSONL), in any of the `CorpusFormat`s.
public struct CorpusSource: Sendable {
    public var path: String
    public var format: CorpusFormat
    public var fields: CorpusFields
    /// For directories: extensions of the files to read (empty: all files).
    public var extensions: Set<String>
    /// Replace invalid UTF-8 with U+FFFD instead of treating it as an error (ids keep their bytes).
    public var lossy: Bool
    /// The charset of the input, any name ICU knows (`--encoding`); `nil` for UTF-8. A byte-order
    /// mark overrides it.
    public var encoding: String?

    public init(path: String, format: CorpusFormat = .auto, fields: CorpusFields = CorpusFields(),
                extensions: Set<String> = ["txt"], lossy: Bool = false, encoding: String? = nil) {
        self.path = path
        self.format = format
        self.fields = fields
        self.extensions = extensions
        self.lossy = lossy
        self.encoding = encoding
    }

    /// The format that will be read.
    public func resolvedFormat() throws -> CorpusFormat {
        if format != .auto { return format }
        if path == "-" { return .jsonl }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CorpusError(file: path, "\(String(cString: strerror(errno))) (give a directory of .txt files, a .jsonl or a .csv file)")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .directory }
        if path.lowercased().hasSuffix(".csv") { return .csv }
        if path.lowercased().hasSuffix(".tsv") { return .tsv }
        return .jsonl
    }

    /// The size in bytes of the input when it is one regular file (not standard input, not a
    /// directory): a hint for sizing buffers before reading.
    public var fileSize: Int? {
        guard path != "-" else { return nil }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Calls `body` with every record, in input order.
    ///
    /// - Returns: the characters replaced by U+FFFD while transcoding a JSONL or CSV file (lossy
    ///   only; replacements inside documents are counted in their `replacedCharacters`).
    /// - Throws: `CorpusError` when the input cannot be opened or its header is unusable.
    /// - Complexity: O(*n*) in the bytes of the input; streamed.
    @discardableResult
    public func forEachRecord(_ body: (CorpusRecord) throws -> Void) throws -> Int {
        func forward(_ result: Result<Document, CorpusError>) throws {
            switch result {
            case .success(let document): try body(.document(document))
            case .failure(let error): try body(.invalid(error))
            }
        }
        switch try resolvedFormat() {
        case .auto, .jsonl:
            return try JSONLReader(path: path, fields: fields, lossy: lossy, encoding: encoding).forEachRecord(forward)
        case .csv:
            return try CSVReader(path: path, fields: fields, lossy: lossy, encoding: encoding).forEachRecord(forward)
        case .tsv:
            return try CSVReader(path: path, fields: fields, separator: 0x09, lossy: lossy, encoding: encoding).forEachRecord(forward)
        case .directory:
            try DirectoryReader(path: path, extensions: extensions, lossy: lossy, encoding: encoding).forEachRecord { record in
                switch record {
                case .document(let document): try body(.document(document))
                case .skipped(let id, let reason): try body(.skipped(id: id, reason: reason))
                }
            }
            return 0
        }
    }
}
