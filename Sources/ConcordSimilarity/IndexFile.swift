import ConcordCorpus
import ConcordText
internal import Foundation

/// A persistent similarity index: the sketches of a corpus, the settings they were made with, and
/// the document ids, in one versioned, checksummed file. It is written to a temporary file and
/// renamed over the old one, so a crash never leaves half an index.
///
/// Layout (little-endian):
///
///     "CONCORDX"                 8 bytes, magic
///     version                    UInt32 (2)
///     settings length, settings  UInt32, `MatchingSettings.json` (UTF-8)
///     count                      UInt64, documents
///     ids                        per document: kind UInt8 (0 string, 1 integer, 2 file name bytes),
///                                length UInt32, the UTF-8 (or the file name's bytes)
///     offsets                    UInt64 × (count + 1), into the fingerprints
///     fingerprints               UInt32 × offsets[count], each document's sorted distinct shingles
///     signatures                 UInt32 × count × slots
///     checksum                   UInt64, StableHash of every byte before it
///
/// A batch job (Spark, say) can read the signatures and fingerprints directly.
public struct IndexFile: Sendable, Equatable {
    public static let magic = Array("CONCORDX".utf8)
    /// Version 2 writes the settings as `MatchingSettings.json`; version 1 wrote `key=value` lines.
    public static let version: UInt32 = 2

    /// The settings the sketches were made with (and the matching settings of the run that added them).
    public var settings: MatchingSettings
    public var ids: [DocumentID]
    public var store: SketchStore

    public init(settings: MatchingSettings, ids: [DocumentID], store: SketchStore) {
        self.settings = settings
        self.ids = ids
        self.store = store
    }

    /// The documents' records, for a `SimilarityPipeline`: origin "INDEX#position" (from 1).
    public func records(path: String) -> [DocumentRecord] {
        ids.enumerated().map { DocumentRecord(id: $1, origin: "\(path)#\($0 + 1)") }
    }

    // MARK: - Writing

    /// Writes the index to `path` atomically (see `OutputFiles`: a temporary file in the same
    /// directory, every write checked, then a rename).
    public func write(to path: String) throws {
        var bytes = Self.magic
        append(Self.version, to: &bytes)
        let settingsText = settings.json
        append(UInt32(settingsText.utf8.count), to: &bytes)
        bytes.append(contentsOf: settingsText.utf8)
        append(UInt64(ids.count), to: &bytes)
        for id in ids {
            let content: [UInt8]
            switch id {
            case .string(let value): content = Array(value.utf8); bytes.append(0)
            case .integer(let value): content = Array(String(value).utf8); bytes.append(1)
            case .fileName(let name): content = name; bytes.append(2)
            }
            append(UInt32(content.count), to: &bytes)
            bytes.append(contentsOf: content)
        }
        for offset in store.offsets { append(UInt64(offset), to: &bytes) }
        for value in store.fingerprints { append(value, to: &bytes) }
        for value in store.signatures { append(value, to: &bytes) }
        append(Self.checksum(of: bytes[...]), to: &bytes)
        var files = OutputFiles()
        do {
            try bytes.withUnsafeBytes { try files.stage($0, to: path) }
            try files.commit()
        } catch let error as CorpusError {
            files.discard()
            throw IndexError(path: path, error.message)
        }
    }

    private func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// The checksum an index file ends with, of `content` (every byte before it): for readers of
    /// the format in other tools, and for building test files.
    ///
    /// - Complexity: O(*n*) in the bytes.
    public static func checksum(of content: ArraySlice<UInt8>) -> UInt64 {
        content.withUnsafeBytes { StableHash.hash($0) }
    }

    // MARK: - Reading

    /// Reads and checks an index; a file that is not a Concord index, of another version, cut short,
    /// damaged, or whose counts do not fit its size is refused with a message that says which.
    /// Every count and offset is checked against the bytes that remain before anything is
    /// allocated for it.
    public static func read(from path: String) throws -> IndexFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IndexError(path: path, "cannot read the index (\(String(cString: strerror(errno))))")
        }
        let bytes = [UInt8](data)
        guard bytes.count >= magic.count + 4, Array(bytes[0..<magic.count]) == magic else {
            throw IndexError(path: path, "not a Concord index (no CONCORDX header); create one with `concord index add`")
        }
        var reader = ByteReader(bytes: bytes, path: path, position: magic.count)
        let version: UInt32 = try reader.read()
        guard version == Self.version else {
            throw IndexError(path: path, "index format version \(version); this concord reads version \(Self.version); "
                             + "rebuild it with `concord index add`")
        }
        guard bytes.count >= 8 else { throw IndexError(path: path, "the file is cut short") }
        let stored = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self) }
        let actual = Self.checksum(of: bytes[0..<(bytes.count - 8)])
        guard UInt64(littleEndian: stored) == actual else {
            throw IndexError(path: path, "checksum mismatch: the index is damaged, cut short, or written by an older concord; rebuild it")
        }
        let settingsLength: UInt32 = try reader.read()
        let settings: MatchingSettings
        do {
            settings = try MatchingSettings(json: try reader.take(Int(settingsLength)))
        } catch let error as IndexError {
            throw error
        } catch {
            throw IndexError(path: path, "unreadable settings in the index header; rebuild it")
        }
        let count = try reader.count(of: 5)   // each id takes at least 5 bytes
        var ids: [DocumentID] = []
        ids.reserveCapacity(count)
        for _ in 0..<count {
            let kind: UInt8 = try reader.read()
            let length: UInt32 = try reader.read()
            let content = Array(try reader.take(Int(length)))
            switch (kind, String(validating: content, as: UTF8.self)) {
            case (0, let text?): ids.append(.string(text))
            case (1, let text?) where Int64(text) != nil: ids.append(.integer(Int64(text)!))
            case (2, nil): ids.append(.fileName(content))
            default: throw IndexError(path: path, "malformed id; rebuild the index")
            }
        }
        try reader.require(bytes: (count + 1) * 8)
        var offsets: [Int] = []
        offsets.reserveCapacity(count + 1)
        for _ in 0...count { offsets.append(Int(truncatingIfNeeded: try reader.read() as UInt64)) }
        guard offsets.first == 0, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw IndexError(path: path, "inconsistent fingerprint offsets; rebuild the index")
        }
        let fingerprintCount = offsets.last!, slots = settings.slots
        guard fingerprintCount <= reader.remaining / 4, count <= (reader.remaining - fingerprintCount * 4) / (4 * slots) else {
            throw IndexError(path: path, "the index is cut short")
        }
        var fingerprints: [UInt32] = []
        fingerprints.reserveCapacity(fingerprintCount)
        for _ in 0..<fingerprintCount { fingerprints.append(try reader.read()) }
        var signatures: [UInt32] = []
        signatures.reserveCapacity(count * slots)
        for _ in 0..<(count * slots) { signatures.append(try reader.read()) }
        guard reader.remaining == 0 else {
            throw IndexError(path: path, "unexpected bytes after the signatures; rebuild the index")
        }
        let store = SketchStore(slots: slots, fingerprints: fingerprints, offsets: offsets, signatures: signatures)
        return IndexFile(settings: settings, ids: ids, store: store)
    }
}

/// An index file problem, naming the file.
public struct IndexError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String

    public init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Reads little-endian values from bytes, refusing to read past the end (the checksum's 8 bytes
/// are not content).
struct ByteReader {
    let bytes: [UInt8]
    let path: String
    var position: Int

    /// Content bytes not read yet.
    var remaining: Int { bytes.count - 8 - position }

    mutating func read<T: FixedWidthInteger>() throws -> T {
        let size = MemoryLayout<T>.size
        try require(bytes: size)
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: T.self) }
        position += size
        return T(littleEndian: value)
    }

    mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0 else { throw IndexError(path: path, "the index is cut short") }
        try require(bytes: count)
        defer { position += count }
        return bytes[position..<(position + count)]
    }

    /// Reads a UInt64 count of items that take at least `minimumSize` bytes each, refusing one
    /// that the rest of the file cannot hold.
    mutating func count(of minimumSize: Int) throws -> Int {
        let value: UInt64 = try read()
        guard value <= UInt64(remaining / minimumSize) else { throw IndexError(path: path, "the index is cut short") }
        return Int(value)
    }

    /// Throws unless `count` more content bytes remain.
    func require(bytes count: Int) throws {
        guard count <= remaining else { throw IndexError(path: path, "the index is cut short") }
    }
}
