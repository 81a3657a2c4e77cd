internal import ConcordText

/// The ids of a corpus read so far, each with where it was first seen, so that a duplicate id is
/// caught with both places named.
///
/// Open addressing over stable 64-bit hashes of the ids: an id is hashed once, growing the table
/// moves stored hashes without rehashing, and ids are compared only when their hashes are equal.
/// (A `Dictionary` keyed by the id hashed every id with a seeded SipHash on insert and again on
/// each growth; on a 100,000-document corpus that was a tenth of the reading time.)
public struct DocumentIDRegistry {
    /// Entry number plus one by table position; 0 marks an empty position.
    private var slots = [Int](repeating: 0, count: 1024)
    private var hashes: [UInt64] = []
    private var ids: [DocumentID] = []
    private var origins: [String] = []

    public init() {}

    /// The number of ids registered.
    public var count: Int { ids.count }

    /// Registers `id`, seen at `origin` ("file:line"), unless it was registered before: then the
    /// registry is unchanged and the earlier origin is returned.
    ///
    /// - Complexity: O(1) expected, plus the id's length to hash it.
    public mutating func register(_ id: DocumentID, origin: String) -> String? {
        let hash = Self.hash(id)
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: hash) & mask
        while slots[position] != 0 {
            let entry = slots[position] - 1
            if hashes[entry] == hash && ids[entry] == id { return origins[entry] }
            position = (position + 1) & mask
        }
        slots[position] = ids.count + 1
        hashes.append(hash)
        ids.append(id)
        origins.append(origin)
        checkInvariants(inserted: position)
        if ids.count * 2 > slots.count { grow() }
        return nil
    }

    private static func hash(_ id: DocumentID) -> UInt64 {
        switch id {
        case .string(let text): StableHash.hash(text)
        case .integer(let value): StableHash.mix(UInt64(bitPattern: value))
        case .fileName(let bytes): bytes.withUnsafeBytes { StableHash.hash($0, seed: 1) }
        }
    }

    /// Doubles the table, placing each entry by its stored hash.
    private mutating func grow() {
        slots = [Int](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var position = Int(truncatingIfNeeded: hash) & mask
            while slots[position] != 0 { position = (position + 1) & mask }
            slots[position] = entry + 1
        }
        checkInvariants()
    }
}

// MARK: - Invariants

extension DocumentIDRegistry {
    #if CONCORD_INVARIANTS
    /// Traps unless the table is sound: one entry per id, hash and origin, each in exactly one
    /// slot, at most half the slots used, each reachable by a lookup from its home slot
    /// (`LinearProbing`).
    ///
    /// - Complexity: O(*c* · *p*) for *c* slots and probe runs of *p*: called after each growth,
    ///   so amortized O(*p*) per registration.
    @inline(never)
    private func checkInvariants() {
        precondition(hashes.count == ids.count && origins.count == ids.count, "id registry: columns of unequal length")
        precondition(ids.count * 2 <= slots.count, "id registry: \(ids.count) ids in \(slots.count) slots")
        let entries = slots.filter { $0 != 0 }.map { $0 - 1 }
        precondition(entries.sorted() == Array(ids.indices), "id registry: an entry missing from the slots, or in two")
        let mask = slots.count - 1
        let unreachable = LinearProbing.unreachableSlot(capacity: slots.count, isOccupied: { slots[$0] != 0 },
                                                        home: { Int(truncatingIfNeeded: hashes[slots[$0] - 1]) & mask })
        precondition(unreachable == nil, "id registry: slot \(unreachable ?? 0) is cut off from its home slot")
    }

    /// Traps unless the position just filled is reachable from its home slot.
    ///
    /// - Complexity: O(*p*) for a probe run of *p*.
    @inline(__always)
    private func checkInvariants(inserted position: Int) {
        let mask = slots.count - 1
        precondition(LinearProbing.reaches(position, from: Int(truncatingIfNeeded: hashes[slots[position] - 1]) & mask,
                                           capacity: slots.count, isOccupied: { slots[$0] != 0 }), "id registry: slot \(position) is cut off")
    }
    #else
    @inline(__always)
    private func checkInvariants() {}

    @inline(__always)
    private func checkInvariants(inserted position: Int) {}
    #endif
}
