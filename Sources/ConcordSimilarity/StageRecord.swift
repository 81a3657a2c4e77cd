import ConcordCorpus
import ConcordText
internal import Foundation

/// The lines that `concord sketch`, `concord verify` and `concord link` exchange, so that a batch
/// job (Spark, say) can run the matching pipeline's stages on many machines. One JSON object per
/// line, format version 1 (the `"sketch"` field); binary fields are base64 of little-endian values:
///
///     {"sketch":1,"n":N,"id":ID,"shingles":C,"bands":B64,"signature":B64,"fingerprints":B64,"settings":HEX}
///     {"sketch":1,"n":N,"skipped":"why"}            an input line that gave no document
///     {"a":N,"b":N}                                  a candidate pair (verify's input)
///     {"a":N,"b":N,"similarity":S}                   a verified pair (verify's output, link's input)
///
/// - `n` orders the documents as a one-machine run reads them: the input line a document starts on
///   (for a file of a directory, its place in the walk). Pairs name documents by `n`.
/// - `bands` holds one UInt64 LSH key per band (none for a document without shingles), `signature`
///   the MinHash slots (UInt32 each), `fingerprints` the sorted distinct shingle fingerprints
///   (UInt32 each; `shingles` is their count).
/// - `settings` is a hash of every matching setting: verify and link refuse a record sketched with
///   settings other than theirs.
/// - `S` is the exact score as a 32-bit float, written so that it reads back to the same value.
package enum StageRecord: Equatable {
    case sketch(SketchRecord)
    case skipped(position: Int, reason: String)
    case pair(first: Int, second: Int, score: Float?)

    /// The format version written in `"sketch"`.
    package static let formatVersion: Int64 = 1

    /// Fields read from a line, by slot.
    private static let fieldNames = ["sketch", "n", "id", "shingles", "bands", "signature", "fingerprints", "settings",
                                     "skipped", "a", "b", "similarity"].map { Array($0.utf8) }

    /// Reads one line.
    ///
    /// - Throws: a message saying what is wrong with the line (the caller adds file and line).
    /// - Complexity: O(*n*) in the line's bytes.
    package static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(StageRecordError) -> StageRecord {
        var scanner = JSONObjectScanner(line, idSlot: 2)
        let values: [JSONObjectScanner.Value?]
        do {
            values = try scanner.scan(fieldCount: fieldNames.count) { key in fieldNames.firstIndex { $0.elementsEqual(key) } }
        } catch {
            throw StageRecordError("malformed JSON at column \(error.offset + 1): \(error.message)")
        }
        func integer(_ slot: Int, _ name: String) throws(StageRecordError) -> Int {
            guard case .integer(let value)? = values[slot], value >= 0 else {
                throw StageRecordError("\"\(name)\" must be a non-negative integer")
            }
            return Int(value)
        }
        func string(_ slot: Int, _ name: String) throws(StageRecordError) -> String {
            guard case .string(let value)? = values[slot] else { throw StageRecordError("\"\(name)\" must be a string") }
            return value
        }
        if values[0] == nil {
            guard values[9] != nil || values[10] != nil else {
                throw StageRecordError("neither a sketch record (no \"sketch\" field) nor a pair (no \"a\" and \"b\")")
            }
            let first = try integer(9, "a"), second = try integer(10, "b")
            guard first != second else { throw StageRecordError("a pair of document \(first) with itself") }
            guard let similarity = values[11] else { return .pair(first: first, second: second, score: nil) }
            let text: String
            switch similarity {
            case .other(let value): text = value
            case .integer(let value): text = String(value)
            default: throw StageRecordError("\"similarity\" must be a number")
            }
            guard let score = Float(text), score >= 0, score <= 1 else {
                throw StageRecordError("\"similarity\" must be a number from 0 to 1, not \(text)")
            }
            return .pair(first: first, second: second, score: score)
        }
        guard case .integer(let version)? = values[0], version == formatVersion else {
            let given = if case .integer(let version)? = values[0] { String(version) } else { "given" }
            throw StageRecordError("sketch format \(given) is not one this concord reads (it reads \(formatVersion))")
        }
        let position = try integer(1, "n")
        if values[8] != nil { return .skipped(position: position, reason: try string(8, "skipped")) }
        guard let id = values[2]?.documentID else { throw StageRecordError("\"id\" must be a string or an integer") }
        let fingerprints: [UInt32] = try decode(try string(6, "fingerprints"), "fingerprints")
        guard try integer(3, "shingles") == fingerprints.count else {
            throw StageRecordError("\"shingles\" says \(try integer(3, "shingles")) but \"fingerprints\" holds \(fingerprints.count)")
        }
        guard zip(fingerprints, fingerprints.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw StageRecordError("\"fingerprints\" must be sorted and distinct")
        }
        return .sketch(SketchRecord(position: position, id: id, bandKeys: try decode(try string(4, "bands"), "bands"),
                                    signature: try decode(try string(5, "signature"), "signature"),
                                    fingerprints: fingerprints, settingsTag: try string(7, "settings")))
    }

    /// Little-endian values from base64.
    private static func decode<Value: FixedWidthInteger>(_ text: String, _ name: String) throws(StageRecordError) -> [Value] {
        guard let data = Data(base64Encoded: text), data.count % MemoryLayout<Value>.size == 0 else {
            throw StageRecordError("\"\(name)\" must be base64 of \(MemoryLayout<Value>.size)-byte values")
        }
        return data.withUnsafeBytes { raw in
            (0..<(data.count / MemoryLayout<Value>.size)).map { Value(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * MemoryLayout<Value>.size, as: Value.self)) }
        }
    }

    /// Base64 of the values, little-endian.
    static func encode<Value: FixedWidthInteger>(_ values: some Collection<Value>) -> String {
        var data = Data(capacity: values.count * MemoryLayout<Value>.size)
        for value in values { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        return data.base64EncodedString()
    }

    /// The line for a skipped input.
    package static func skippedLine(position: Int, reason: String) -> String {
        #"{"sketch":\#(formatVersion),"n":\#(position),"skipped":\#(JSONWriting.quoted(reason))}"#
    }

    /// The line for a verified pair.
    package static func pairLine(first: Int, second: Int, score: Float) -> String {
        #"{"a":\#(first),"b":\#(second),"similarity":\#(score)}"#
    }
}

/// What is wrong with a stage record line.
package struct StageRecordError: Error, Equatable {
    package var message: String
    package init(_ message: String) { self.message = message }
}

/// One document's sketch as `concord sketch` writes it (see `StageRecord`).
package struct SketchRecord: Equatable {
    package var position: Int
    package var id: DocumentID
    package var bandKeys: [UInt64]
    package var signature: [UInt32]
    package var fingerprints: [UInt32]
    package var settingsTag: String

    /// The tag of `settings` written in every record: a hash of their written form.
    package static func settingsTag(_ settings: MatchingSettings) -> String {
        let hex = String(StableHash.hash(settings.json), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Document `document` of `store` as a record; `bandKeys` are its LSH keys under `bands`
    /// (none when it has no shingles).
    ///
    /// - Complexity: O(*n* + *k*) for *n* shingles and *k* slots.
    package init(position: Int, id: DocumentID, store: SketchStore, document: Int, bands: BandParameters, settingsTag: String) {
        let hasShingles = store.shingleCount(document) > 0
        self.init(position: position, id: id,
                  bandKeys: hasShingles ? (0..<bands.bands).map { CandidatePairs.bandKey(store, document: document, band: $0, rows: bands.rows) } : [],
                  signature: Array(store.signatures[(document * store.slots)..<((document + 1) * store.slots)]),
                  fingerprints: Array(store.fingerprints[store.offsets[document]..<store.offsets[document + 1]]),
                  settingsTag: settingsTag)
    }

    package init(position: Int, id: DocumentID, bandKeys: [UInt64], signature: [UInt32], fingerprints: [UInt32], settingsTag: String) {
        self.position = position
        self.id = id
        self.bandKeys = bandKeys
        self.signature = signature
        self.fingerprints = fingerprints
        self.settingsTag = settingsTag
    }

    /// The record's line (without its line break).
    package var line: String {
        #"{"sketch":\#(StageRecord.formatVersion),"n":\#(position),"id":\#(id.json),"shingles":\#(fingerprints.count),"#
            + #""bands":"\#(StageRecord.encode(bandKeys))","signature":"\#(StageRecord.encode(signature))","#
            + #""fingerprints":"\#(StageRecord.encode(fingerprints))","settings":"\#(settingsTag)"}"#
    }
}

extension SketchStore {
    /// A store of `records`' sketches, in the order given.
    ///
    /// - Complexity: O(total fingerprints and slots).
    package init(slots: Int, records: [SketchRecord]) {
        var offsets = [0]
        offsets.reserveCapacity(records.count + 1)
        var fingerprints: [UInt32] = [], signatures: [UInt32] = []
        for record in records {
            fingerprints.append(contentsOf: record.fingerprints)
            offsets.append(fingerprints.count)
            signatures.append(contentsOf: record.signature)
        }
        self.init(slots: slots, fingerprints: fingerprints, offsets: offsets, signatures: signatures)
    }
}
