import ConcordText
import Foundation

/// A persistent similarity index: the sketches of a corpus, the settings they were made with, and
/// the document ids, in one versioned, checksummed file. It is written to a temporary file and
/// renamed over the old one, so a crash never leaves half an index.
///
/// Layout (little-endian):
///
///     "CONCORDX"                 8 bytes, magic
///     version                    UInt32 (1)
///     settings length, settings  UInt32, UTF-8 JSON object (shingles, slots, scheme, seed, …)
///     count                      UInt64, documents
///     ids                        per document: kind UInt8 (0 string, 1 integer), length UInt32, UTF-8
///     offsets                    UInt64 × (count + 1), into the fingerprints
///     fingerprints               UInt32 × offsets[count], each document's sorted distinct shingles
///     signatures                 UInt32 × count × slots
///     checksum                   UInt64, StableHash of every byte before it
///
/// A batch job (Spark, say) can read the signatures and fingerprints directly.
public struct IndexFile: Sendable, Equatable {
    public static let magic = Array("CONCORDX".utf8)
    public static let version: UInt32 = 1

    /// A document id as the corpus gave it.
    public struct ID: Sendable, Hashable {
        public var text: String
        public var isInteger: Bool

        public init(text: String, isInteger: Bool) {
            self.text = text
            self.isInteger = isInteger
        }
    }

    /// The settings that must match for sketches to be comparable, as `key=value` pairs.
    public var settings: [String: String]
    public var ids: [ID]
    public var store: SketchStore

    public init(settings: [String: String], ids: [ID], store: SketchStore) {
        self.settings = settings
        self.ids = ids
        self.store = store
    }

    /// Settings that name hash functions: they change with concord's version, not with options.
    public static let hashingSettings: Set<String> = ["token-ids", "shingle-hash"]

    /// The settings of `options` that sketches depend on.
    public static func settings(of options: ClusterOptions) -> [String: String] {
        let shingles: String
        switch options.shingles {
        case .words(let n): shingles = "words:\(n)"
        case .characters(let n): shingles = "characters:\(n)"
        }
        return ["shingles": shingles, "slots": String(options.slots), "scheme": options.scheme.rawValue,
                "token-ids": StableHash.identity, "shingle-hash": Shingles.identity,
                "seed": String(options.seed), "names": options.text.nameFolding.rawValue,
                "clean": options.text.clean ? "yes" : "no"]
    }

    // MARK: - Writing

    /// Writes the index to `path` atomically (temporary file in the same directory, then rename).
    public func write(to path: String) throws {
        var bytes = Self.magic
        append(Self.version, to: &bytes)
        let settingsText = settings.keys.sorted().map { "\($0)=\(settings[$0]!)" }.joined(separator: "\n")
        append(UInt32(settingsText.utf8.count), to: &bytes)
        bytes.append(contentsOf: settingsText.utf8)
        append(UInt64(ids.count), to: &bytes)
        for id in ids {
            bytes.append(id.isInteger ? 1 : 0)
            append(UInt32(id.text.utf8.count), to: &bytes)
            bytes.append(contentsOf: id.text.utf8)
        }
        for offset in store.offsets { append(UInt64(offset), to: &bytes) }
        for value in store.fingerprints { append(value, to: &bytes) }
        for value in store.signatures { append(value, to: &bytes) }
        append(bytes.withUnsafeBytes { StableHash.hash($0) }, to: &bytes)
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw IndexError(path: path, "cannot write the temporary file \(temporary)")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw IndexError(path: path, "cannot replace the index: \(String(cString: strerror(errno)))")
        }
    }

    private func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    // MARK: - Reading

    /// Reads and checks an index; a file that is not a Concord index, of another version, cut short
    /// or damaged is refused with a message that says which.
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
            throw IndexError(path: path, "index format version \(version); this concord reads version \(Self.version)")
        }
        guard bytes.count >= 8 else { throw IndexError(path: path, "the file is cut short") }
        let stored = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self) }
        let actual = bytes.withUnsafeBytes { StableHash.hash(UnsafeRawBufferPointer(rebasing: $0[0..<(bytes.count - 8)])) }
        guard UInt64(littleEndian: stored) == actual else {
            throw IndexError(path: path, "checksum mismatch: the index is damaged, cut short, or written by an older concord; rebuild it")
        }
        let settingsLength: UInt32 = try reader.read()
        let settingsText = String(decoding: try reader.take(Int(settingsLength)), as: UTF8.self)
        var settings: [String: String] = [:]
        for line in settingsText.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { settings[String(parts[0])] = String(parts[1]) }
        }
        guard let slots = settings["slots"].flatMap(Int.init), slots > 0 else {
            throw IndexError(path: path, "the index settings have no signature size")
        }
        let count = Int(try reader.read() as UInt64)
        var ids: [ID] = []
        ids.reserveCapacity(count)
        for _ in 0..<count {
            let kind: UInt8 = try reader.read()
            let length: UInt32 = try reader.read()
            ids.append(ID(text: String(decoding: try reader.take(Int(length)), as: UTF8.self), isInteger: kind == 1))
        }
        var offsets: [Int] = []
        offsets.reserveCapacity(count + 1)
        for _ in 0...count { offsets.append(Int(try reader.read() as UInt64)) }
        guard offsets.first == 0, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw IndexError(path: path, "inconsistent fingerprint offsets; rebuild the index")
        }
        var fingerprints: [UInt32] = []
        fingerprints.reserveCapacity(offsets.last!)
        for _ in 0..<offsets.last! { fingerprints.append(try reader.read()) }
        var signatures: [UInt32] = []
        signatures.reserveCapacity(count * slots)
        for _ in 0..<(count * slots) { signatures.append(try reader.read()) }
        guard reader.position == bytes.count - 8 else {
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

/// Reads little-endian values from bytes, refusing to read past the end.
struct ByteReader {
    let bytes: [UInt8]
    let path: String
    var position: Int

    mutating func read<T: FixedWidthInteger>() throws -> T {
        let size = MemoryLayout<T>.size
        guard position + size <= bytes.count - 8 else { throw IndexError(path: path, "the index is cut short") }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: T.self) }
        position += size
        return T(littleEndian: value)
    }

    mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, position + count <= bytes.count - 8 else { throw IndexError(path: path, "the index is cut short") }
        defer { position += count }
        return bytes[position..<(position + count)]
    }
}
