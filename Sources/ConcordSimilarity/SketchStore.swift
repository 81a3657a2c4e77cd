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
    public mutating func append(fingerprints: UnsafeBufferPointer<UInt32>, signature: UnsafeBufferPointer<UInt32>,
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

    /// Calls `body` with the sorted fingerprints of document `index`.
    @inlinable
    public func withFingerprints<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        fingerprints.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[offsets[index]..<offsets[index + 1]]))
        }
    }

    /// How many signature slots documents `a` and `b` agree on (an estimate of their Jaccard
    /// similarity, times the number of slots).
    ///
    /// - Complexity: O(*k*) for *k* slots, compared four at a time in vector registers (a
    ///   compare and a branch per slot cost more, and this runs for every candidate pair).
    public func agreeingSlots(_ a: Int, _ b: Int) -> Int {
        signatures.withUnsafeBufferPointer { all in
            let x = UnsafeRawPointer(all.baseAddress! + a * slots), y = UnsafeRawPointer(all.baseAddress! + b * slots)
            var matches = SIMD4<UInt32>(repeating: 0)
            var offset = 0
            while offset + 16 <= slots * 4 {
                let equal = x.loadUnaligned(fromByteOffset: offset, as: SIMD4<UInt32>.self)
                    .== y.loadUnaligned(fromByteOffset: offset, as: SIMD4<UInt32>.self)
                matches &+= SIMD4(repeating: 0).replacing(with: 1, where: equal)
                offset += 16
            }
            var count = Int(matches.wrappedSum())
            while offset < slots * 4 {
                count += x.load(fromByteOffset: offset, as: UInt32.self) == y.load(fromByteOffset: offset, as: UInt32.self) ? 1 : 0
                offset += 4
            }
            return count
        }
    }

    /// The exact overlap score of documents `a` and `b`.
    ///
    /// - Complexity: O(*n*a + *n*b).
    public func score(_ a: Int, _ b: Int, measure: OverlapMeasure) -> Double {
        fingerprints.withUnsafeBufferPointer { all in
            let first = UnsafeBufferPointer(rebasing: all[offsets[a]..<offsets[a + 1]])
            let second = UnsafeBufferPointer(rebasing: all[offsets[b]..<offsets[b + 1]])
            let common = ShingleSet.intersectionCount(first, second)
            return measure.score(common: common, a: first.count, b: second.count)
        }
    }
}
