/// The words of two stretches that occur exactly once in each, found with one flat
/// open-addressing table (linear probing) instead of a `Dictionary`: the keys are word ids, which
/// are hashes already, so a multiply spreads them without a hasher, and each word is one probe
/// run in contiguous memory. `AnchoredDiff` asks this for every stretch it splits.
struct AnchorCandidates {
    private var keys: [UInt64]
    /// Per slot: occurrences in a (capped at 2; 0 for an empty slot), its position there, and the
    /// same for b.
    private var countA: [UInt8], countB: [UInt8]
    private var positionA: [Int32], positionB: [Int32]
    private let mask: Int
    private let shift: UInt64

    /// Counts the keys of `a[x]`, then those of `b[y]` that occur in `a[x]`.
    ///
    /// - Complexity: O(*n* + *m*) expected, for the two stretches' lengths.
    init(_ a: [UInt64], _ x: Range<Int>, _ b: [UInt64], _ y: Range<Int>) {
        var capacity = 16
        while capacity < 2 * x.count { capacity <<= 1 }
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        keys = [UInt64](repeating: 0, count: capacity)
        countA = [UInt8](repeating: 0, count: capacity)
        countB = [UInt8](repeating: 0, count: capacity)
        positionA = [Int32](repeating: 0, count: capacity)
        positionB = [Int32](repeating: 0, count: capacity)
        for index in x {
            let slot = slot(for: a[index], inserting: true)
            countA[slot] = min(countA[slot] + 1, 2)
            positionA[slot] = Int32(index)
        }
        for index in y {
            let slot = slot(for: b[index], inserting: false)
            guard countA[slot] > 0 else { continue }
            countB[slot] = min(countB[slot] + 1, 2)
            positionB[slot] = Int32(index)
        }
    }

    /// The (position in a, position in b) of every key that occurs once in each stretch, sorted
    /// by the position in a.
    ///
    /// - Complexity: O(*c* + *k* log *k*) for *c* slots and *k* such keys.
    var uniquePairs: [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        for slot in keys.indices where countA[slot] == 1 && countB[slot] == 1 {
            pairs.append((Int(positionA[slot]), Int(positionB[slot])))
        }
        return pairs.sorted { $0.0 < $1.0 }
    }

    /// The slot holding `key`, or the empty slot where its probe run ends (claimed when
    /// `inserting`: the caller counts it at once).
    private mutating func slot(for key: UInt64, inserting: Bool) -> Int {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
        while countA[slot] > 0 {
            if keys[slot] == key { return slot }
            slot = (slot + 1) & mask
        }
        if inserting { keys[slot] = key }
        return slot
    }
}
