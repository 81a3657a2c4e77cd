import ConcordText
import Foundation
import Testing
@testable import ConcordSimilarity

/// A checksum proves a file was not damaged in transit, not that it was made by concord: the reader
/// checks every count and offset against the file's size before it allocates anything.
@Suite struct IndexFileTests {
    /// An index file with `body` after the header and a valid checksum over it all.
    static func crafted(_ body: (inout [UInt8]) -> Void) -> [UInt8] {
        var bytes = IndexFile.magic
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        append(IndexFile.version)
        let settings = MatchingSettings().json
        append(UInt32(settings.utf8.count))
        bytes.append(contentsOf: settings.utf8)
        body(&bytes)
        let checksum = IndexFile.checksum(of: bytes[...])
        withUnsafeBytes(of: checksum.littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    static let hostileFiles: [(name: String, bytes: [UInt8])] = [
        ("a document count of 2^63", crafted { append(UInt64(1) << 63, to: &$0) }),
        ("a document count of 2^64 − 1", crafted { append(UInt64.max, to: &$0) }),
        ("an id longer than the file", crafted { bytes in
            append(UInt64(1), to: &bytes); bytes.append(0); append(UInt32.max, to: &bytes)
        }),
        ("fingerprint offsets past the end", crafted { bytes in
            append(UInt64(1), to: &bytes); bytes.append(0); append(UInt32(1), to: &bytes); bytes.append(0x61)
            append(UInt64(0), to: &bytes); append(UInt64(1) << 60, to: &bytes)
        }),
        ("an offset that wraps negative", crafted { bytes in
            append(UInt64(1), to: &bytes); bytes.append(0); append(UInt32(1), to: &bytes); bytes.append(0x61)
            append(UInt64(0), to: &bytes); append(UInt64.max, to: &bytes)
        }),
        ("an integer id that is not a number", crafted { bytes in
            append(UInt64(1), to: &bytes); bytes.append(1); append(UInt32(1), to: &bytes); bytes.append(0x61)
        }),
    ]

    @Test(arguments: hostileFiles.indices)
    func hostileCountsAreRefusedNotTrusted(_ index: Int) throws {
        let (name, bytes) = Self.hostileFiles[index]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("concord-hostile-\(UUID()).cidx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: IndexError.self, "\(name)") { try IndexFile.read(from: path) }
    }

    @Test func anEmptyIndexIsRead() throws {
        let bytes = Self.crafted { bytes in Self.append(UInt64(0), to: &bytes); Self.append(UInt64(0), to: &bytes) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("concord-empty-\(UUID()).cidx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let file = try IndexFile.read(from: path)
        #expect(file.ids.isEmpty && file.store.count == 0)
    }
}
