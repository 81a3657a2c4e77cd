/// The rule that keeps an open-addressing table with linear probing searchable, as
/// `TermVocabulary` and `ConcordCorpus`'s `DocumentIDRegistry` lay theirs out: a lookup starts at
/// an entry's home slot (its hash masked to the power-of-two table) and steps one slot at a time
/// until it finds the entry or an empty slot, so no empty slot may lie between an entry's home and
/// its slot. Their invariant checks (`CONCORD_INVARIANTS`) rest on these.
package enum LinearProbing {
    /// Whether a lookup starting at `home` reaches `slot` before an empty slot.
    ///
    /// - Complexity: O(*p*) for a probe run of *p* slots.
    package static func reaches(_ slot: Int, from home: Int, capacity: Int, isOccupied: (Int) -> Bool) -> Bool {
        var index = home
        while index != slot {
            guard isOccupied(index) else { return false }
            index = (index + 1) & (capacity - 1)
        }
        return true
    }

    /// The first occupied slot that a lookup from its home slot would not reach, or `nil` when
    /// every entry can be found.
    ///
    /// - Parameters:
    ///   - capacity: the number of slots, a power of two.
    ///   - isOccupied: whether a slot holds an entry.
    ///   - home: the home slot of the entry in an occupied slot.
    /// - Complexity: O(*c* · *p*) for *c* slots and probe runs of *p*.
    package static func unreachableSlot(capacity: Int, isOccupied: (Int) -> Bool, home: (Int) -> Int) -> Int? {
        (0..<capacity).first { isOccupied($0) && !reaches($0, from: home($0), capacity: capacity, isOccupied: isOccupied) }
    }
}
