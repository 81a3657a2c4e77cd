/// All sketches of a corpus in three flat arrays (fingerprints, their offsets, signatures), so a
/// million documents cost a few allocations, not millions. Documents are numbered in the order
/// they were added.
public struct SketchStore: Sendable, Equatable {
    public let slots: Int
    public private(set) var fingerprints: [UInt32] = []
    public private(set) var offsets: [Int] = [0]
    public private(set) var signatures: [UInt32] = []
    public private(set) var tokenCounts: [Int32] = []

    public init(slots: Int) { self.slots = slots }

    /// A store from its arrays (as read from an index file).
    public init(slots: Int, fingerprints: [UInt32], offsets: [Int], signatures: [UInt32]) {
        self.slots = slots
        self.fingerprints = fingerprints
        self.offsets = offsets
        self.signatures = signatures
        tokenCounts = [Int32](repeating: 0, count: offsets.count - 1)
    }

    /// Appends every document of `other`.
    public mutating func append(contentsOf other: SketchStore) {
        let base = fingerprints.count
        fingerprints.append(contentsOf: other.fingerprints)
        offsets.append(contentsOf: other.offsets.dropFirst().map { $0 + base })
        signatures.append(contentsOf: other.signatures)
        tokenCounts.append(contentsOf: other.tokenCounts)
    }

    public var count: Int { offsets.count - 1 }

    /// The bytes the store's values take (not counting spare capacity).
    public var byteCount: Int {
        (fingerprints.count + signatures.count + tokenCounts.count) * 4 + offsets.count * MemoryLayout<Int>.size
    }

    /// Reserves room for `documents` more documents with `fingerprints` more fingerprints, so that
    /// appending them copies nothing. (Reserved memory that is never written costs address space
    /// only, not resident memory.)
    public mutating func reserveCapacity(documents: Int, fingerprints: Int) {
        self.fingerprints.reserveCapacity(self.fingerprints.count + fingerprints)
        offsets.reserveCapacity(offsets.count + documents)
        signatures.reserveCapacity(signatures.count + documents * slots)
        tokenCounts.reserveCapacity(tokenCounts.count + documents)
    }

    /// Appends one document: its sorted distinct fingerprints, its signature (`slots` values) and
    /// how many words the pipeline gave it.
    mutating func append(fingerprints: UnsafeBufferPointer<UInt32>, signature: UnsafeBufferPointer<UInt32>,
                                tokenCount: Int) {
        precondition(signature.count == slots)
        self.fingerprints.append(contentsOf: fingerprints)
        offsets.append(self.fingerprints.count)
        signatures.append(contentsOf: signature)
        tokenCounts.append(Int32(clamping: tokenCount))
    }

    /// Removes every document, keeping the storage for reuse.
    public mutating func removeAll() {
        fingerprints.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        offsets.append(0)
        signatures.removeAll(keepingCapacity: true)
        tokenCounts.removeAll(keepingCapacity: true)
    }

    /// The number of distinct shingles of document `index`.
    public func shingleCount(_ index: Int) -> Int { offsets[index + 1] - offsets[index] }

    /// How many signature slots documents `a` and `b` agree on (an estimate of their Jaccard
    /// similarity, times the number of slots).
    ///
    /// - Complexity: O(*k*) for *k* slots (see `_UnsafeHandle.agreeingSlots`).
    public func agreeingSlots(_ a: Int, _ b: Int) -> Int {
        _withUnsafeHandle { $0.agreeingSlots(a, b) }
    }

    /// The exact overlap score of documents `a` and `b`.
    ///
    /// - Complexity: O(*n*a + *n*b).
    public func score(_ a: Int, _ b: Int, measure: OverlapMeasure) -> Double {
        _withUnsafeHandle { $0.score(a, b, measure: measure) }
    }
}
