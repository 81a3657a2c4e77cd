/// How MinHash signatures are computed.
public enum MinHashScheme: String, Sendable, CaseIterable {
    /// One-permutation hashing with optimal densification (Shrivastava 2017): each shingle lands in
    /// one of *k* bins and only that bin's minimum is updated; bins left empty borrow the value of a
    /// bin chosen by a seeded probe sequence. One hash per shingle, so O(*n* + *k*).
    case onePermutation = "one-permutation"
    /// *k* independent affine hashes of each mixed shingle hash (a·x + b, top 32 bits): the classic
    /// scheme, O(*n* · *k*).
    case affine
}

/// Computes seeded MinHash signatures of *k* 32-bit slots from shingle hashes. The same seed,
/// *k* and scheme give the same signature on every run and machine.
public struct MinHasher: Sendable {
    public let slots: Int
    public let scheme: MinHashScheme
    public let seed: UInt64
    /// The value of a slot no shingle reached (only for documents without shingles).
    public static let empty = UInt32.max

    @usableFromInline let multipliers: [UInt64]
    @usableFromInline let increments: [UInt64]

    public init(slots: Int = 128, scheme: MinHashScheme = .onePermutation, seed: UInt64 = 1) {
        precondition(slots > 0 && slots <= 1 << 16, "slots must be in 1...65536")
        self.slots = slots
        self.scheme = scheme
        self.seed = seed
        var generator = SplitMix64(seed: seed)
        var multipliers: [UInt64] = [], increments: [UInt64] = []
        for _ in 0..<slots {
            multipliers.append(generator.next() | 1)
            increments.append(generator.next())
        }
        self.multipliers = multipliers
        self.increments = increments
    }

    /// Writes the signature of the shingle hashes `hashes` into `signature`, replacing its values.
    ///
    /// - Parameters:
    ///   - hashes: a document's shingle hashes (`Shingles.forEachWordShingle`), in any order.
    ///   - signature: `slots` values; reused from document to document, it allocates nothing.
    /// - Complexity: O(*n* + *k*) for one-permutation hashing, O(*n* · *k*) for affine, with *n*
    ///   shingle hashes and *k* slots.
    public func sign(_ hashes: [UInt64], into signature: inout [UInt32]) {
        hashes.withUnsafeBufferPointer { hashes in signature.withUnsafeMutableBufferPointer { sign(hashes, into: $0) } }
    }

    /// `sign` over buffers.
    package func sign(_ hashes: UnsafeBufferPointer<UInt64>, into signature: UnsafeMutableBufferPointer<UInt32>) {
        precondition(signature.count == slots, "a signature holds one value per slot")
        signature.update(repeating: Self.empty)
        guard !hashes.isEmpty else { return }
        switch scheme {
        case .onePermutation: signOnePermutation(hashes, signature)
        case .affine: signAffine(hashes, signature)
        }
    }

    @inline(__always)
    private func signOnePermutation(_ hashes: UnsafeBufferPointer<UInt64>, _ signature: UnsafeMutableBufferPointer<UInt32>) {
        let k = UInt64(slots)
        for hash in hashes {
            let mixed = Shingles.finalize(hash ^ seed)
            let bin = Int(truncatingIfNeeded: ((mixed >> 32) &* k) >> 32)
            // Branch-free: whether a shingle lowers its bin is a coin toss the processor cannot predict.
            signature[bin] = min(signature[bin], UInt32(truncatingIfNeeded: mixed))
        }
        let filled = signature.count { $0 != Self.empty }
        guard filled < slots else { return }
        // Optimal densification: an empty bin takes the value of the first non-empty bin on its
        // own seeded probe sequence, so two documents with the same shingles densify alike.
        // Each probe hits a non-empty bin with probability filled/k ≥ 1/k, so 64·k probes all miss
        // with negligible probability; past that the nearest non-empty bin to the right is taken.
        let original = Array(signature)
        for bin in 0..<slots where original[bin] == Self.empty {
            var attempt: UInt64 = 1
            var chosen = -1
            while chosen < 0 && attempt <= k * 64 {
                let probe = Int(truncatingIfNeeded: ((Shingles.finalize(seed ^ (UInt64(bin) << 20) ^ attempt) & 0xFFFF_FFFF) &* k) >> 32)
                if original[probe] != Self.empty { chosen = probe }
                attempt += 1
            }
            if chosen < 0 {
                chosen = (1...slots).lazy.map { (bin + $0) % self.slots }.first { original[$0] != Self.empty }!
            }
            signature[bin] = original[chosen]
        }
    }

    @inline(__always)
    private func signAffine(_ hashes: UnsafeBufferPointer<UInt64>, _ signature: UnsafeMutableBufferPointer<UInt32>) {
        multipliers.withUnsafeBufferPointer { a in
            increments.withUnsafeBufferPointer { b in
                for hash in hashes {
                    let x = Shingles.finalize(hash ^ seed)
                    for slot in 0..<slots {
                        let value = UInt32(truncatingIfNeeded: (a[slot] &* x &+ b[slot]) >> 32)
                        if value < signature[slot] { signature[slot] = value }
                    }
                }
            }
        }
    }

}
