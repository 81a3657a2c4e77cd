import ConcordText

/// The exact scores of document pairs that linkage has looked up so far, keyed by the pair
/// (`a << 32 | b`, a < b): an open-addressing table with linear probing (`LinearProbing`), at most
/// three quarters full, as `Dictionary` keeps its tables. Linkage asks for the same pairs again
/// after every merge, and a lookup here is a multiply and a probe or two, where a `Dictionary`
/// hashes each key with SipHash.
struct PairScoreTable {
    /// No pair has this key: document numbers are below 2³¹.
    static let empty = UInt64.max

    private var keys: [UInt64]
    private var scores: [Double]
    private(set) var count = 0

    /// A table with room for `capacity` pairs before it grows.
    init(capacity: Int) {
        let wanted = (4 * capacity + 2) / 3
        let slots = max(16, 1 << (Int.bitWidth - (wanted - 1).leadingZeroBitCount))
        keys = [UInt64](repeating: Self.empty, count: slots)
        scores = [Double](repeating: 0, count: slots)
    }

    /// The score stored for `pair`, or nil.
    ///
    /// - Complexity: O(1) expected.
    subscript(pair: UInt64) -> Double? {
        let slot = self.slot(of: pair)
        return keys[slot] == pair ? scores[slot] : nil
    }

    /// Stores `score` for `pair` (replacing any score it had).
    ///
    /// - Complexity: O(1) amortized: the table doubles when three quarters full.
    mutating func set(_ score: Double, for pair: UInt64) {
        precondition(pair != Self.empty)
        if 4 * (count + 1) > 3 * keys.count { grow() }
        let slot = self.slot(of: pair)
        if keys[slot] != pair {
            keys[slot] = pair
            count += 1
        }
        scores[slot] = score
        checkInvariants(inserted: slot)
    }

    /// The slot holding `pair`, or the empty slot where it would go.
    private func slot(of pair: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = home(pair, mask: mask)
        while keys[slot] != pair && keys[slot] != Self.empty { slot = (slot + 1) & mask }
        return slot
    }

    /// A pair's first slot: the top bits of a multiplicative hash of its key.
    private func home(_ pair: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (pair &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let oldKeys = keys, oldScores = scores
        keys = [UInt64](repeating: Self.empty, count: 2 * oldKeys.count)
        scores = [Double](repeating: 0, count: 2 * oldKeys.count)
        for (slot, pair) in oldKeys.enumerated() where pair != Self.empty {
            let target = self.slot(of: pair)
            keys[target] = pair
            scores[target] = oldScores[slot]
        }
    }
}

// MARK: - Invariants

extension PairScoreTable {
    #if CONCORD_INVARIANTS
    /// Traps unless the slot just filled is reachable from its home slot and the table is at most
    /// three quarters full.
    ///
    /// - Complexity: O(*p*) for a probe run of *p*.
    @inline(never)
    private func checkInvariants(inserted slot: Int) {
        let mask = keys.count - 1
        precondition(4 * count <= 3 * keys.count, "pair scores: \(count) pairs in \(keys.count) slots")
        precondition(LinearProbing.reaches(slot, from: home(keys[slot], mask: mask), capacity: keys.count) { keys[$0] != Self.empty },
                     "pair scores: slot \(slot) is cut off from its home slot")
    }
    #else
    @inline(__always)
    private func checkInvariants(inserted slot: Int) {}
    #endif
}
