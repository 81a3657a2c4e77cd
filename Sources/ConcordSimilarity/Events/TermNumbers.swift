/// Numbers the distinct term ids of a corpus 0, 1, 2, … in the order they are first seen, and
/// counts each term's document frequency. An open-addressing table with linear probing: one probe of a flat array per token, where a `Dictionary` costs several.
/// Term ids are already stable hashes, so they are their own hash.
public struct TermNumbers: Sendable {
    /// Per slot, the term id and its number + 1 (0: empty).
    private var slots: [(id: UInt64, numberPlusOne: UInt32)]
    private var mask: Int
    /// Per number, the number of documents holding the term.
    public private(set) var documentFrequencies: [Int32] = []

    public init() {
        slots = Array(repeating: (0, 0), count: 1024)
        mask = 1023
    }

    /// The number of distinct terms.
    public var count: Int { documentFrequencies.count }

    /// The number of `id`, numbering it if it is new; counts one more document holding it when
    /// `countsDocument`.
    ///
    /// - Complexity: O(1) expected; the table doubles when half full.
    mutating func number(of id: UInt64, countsDocument: Bool) -> UInt32 {
        var slot = Int(truncatingIfNeeded: id) & mask
        while slots[slot].numberPlusOne != 0 {
            if slots[slot].id == id {
                let number = slots[slot].numberPlusOne - 1
                if countsDocument { documentFrequencies[Int(number)] += 1 }
                return number
            }
            slot = (slot + 1) & mask
        }
        let number = UInt32(documentFrequencies.count)
        documentFrequencies.append(countsDocument ? 1 : 0)
        slots[slot] = (id, number + 1)
        if documentFrequencies.count * 2 > slots.count { grow() }
        return number
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: (0, 0), count: old.count * 2)
        mask = slots.count - 1
        for entry in old where entry.numberPlusOne != 0 {
            var slot = Int(truncatingIfNeeded: entry.id) & mask
            while slots[slot].numberPlusOne != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
