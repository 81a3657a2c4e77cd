/// What the pipeline knows about one distinct normalized term.
struct TermInfo: Equatable, Sendable {
    /// Stable 64-bit id: `StableHash` of `text`. Equal texts give equal ids in every process.
    var id: UInt64
    /// The normalized (and, where it applies, name-folded) form.
    var text: String
}

/// What one raw spelling tells beyond its terms.
struct SpellingFlags: OptionSet {
    let rawValue: UInt8
    /// It starts with an upper-case letter.
    static let capitalized = SpellingFlags(rawValue: 1)
    /// It is a name article ("al", "el", "ez", …) that may join the next word.
    static let article = SpellingFlags(rawValue: 2)
    /// It is an article that joins a capitalized next word across a space ("Al Mayadin").
    static let spacedArticle = SpellingFlags(rawValue: 4)
    /// It is an English function word, never name-folded.
    static let functionWord = SpellingFlags(rawValue: 8)
    /// It was written in a non-Latin script.
    static let nonLatin = SpellingFlags(rawValue: 16)

    /// Capitalized and not a function word: folded as a name where the sentence position allows.
    var isCapitalizedName: Bool { contains(.capitalized) && !contains(.functionWord) }
}

/// How one raw spelling is made into terms: its plain normalized text and its name-folded text.
struct Spelling {
    var text: String
    var foldedText: String
    var flags: SpellingFlags
}

/// A cache from raw word bytes to normalized terms, so that each distinct spelling is normalized
/// (and sent to ICU, if it needs ICU) once per vocabulary, however often it occurs.
///
/// Open addressing with linear probing over 64-byte slots, one cache line each, that hold the
/// spelling's full hash, length and first 16 bytes beside its entry. A hit on a word of up to 16
/// bytes, nearly every name in news text, therefore reads one cache line: the table of a large
/// vocabulary does not fit the processor's nearest cache, and a lookup that went from a slot to a
/// record to the spelling's bytes missed it three times in a row. Longer spellings keep their
/// bytes in an arena, compared on a hash match. A hit allocates nothing. Not thread-safe: one per
/// pipeline.
final class TermVocabulary {
    private(set) var terms: [TermInfo] = []
    private var termIndexByText: [String: Int32] = [:]

    /// One distinct raw spelling: its plain and name-folded terms, their ids, and flags.
    struct Entry {
        var term: Int32
        var foldedTerm: Int32
        var id: UInt64
        var foldedID: UInt64
        var flags: SpellingFlags
        /// The plain or folded text is empty (a lone mark): such a word yields no token.
        var textIsEmpty: Bool
        var foldedIsEmpty: Bool
    }

    /// One table slot: 64 bytes, aligned to a cache line.
    private struct Slot {
        var hash: UInt64
        /// The spelling's first 16 bytes, zero-padded.
        var head: Head
        /// The spelling's length plus one; 0 marks an empty slot.
        var lengthPlusOne: UInt32
        /// Where a spelling longer than 16 bytes is kept in the arena.
        var arenaOffset: UInt32
        var entry: Entry
    }

    private struct Head: Equatable {
        var low: UInt64
        var high: UInt64

        /// The first 16 bytes of `raw`, zero-padded.
        @inline(__always)
        init(_ raw: UnsafeRawBufferPointer) {
            if raw.count >= 16 {
                low = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
                high = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            } else {
                (low, high) = (0, 0)
                withUnsafeMutableBytes(of: &self) { $0.copyMemory(from: raw) }
            }
        }
    }

    private static let slotBytes = 64
    private var slots: UnsafeMutablePointer<Slot>
    private var mask: Int
    private var count = 0
    private var arena: UnsafeMutableRawBufferPointer
    private var arenaUsed = 0

    init() {
        (slots, mask) = Self.emptyTable(capacity: 1 << 10)
        arena = .allocate(byteCount: 1 << 12, alignment: 8)
    }

    deinit {
        slots.deallocate()
        arena.deallocate()
    }

    private static func emptyTable(capacity: Int) -> (UnsafeMutablePointer<Slot>, mask: Int) {
        assert(MemoryLayout<Slot>.stride == slotBytes)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: capacity * slotBytes, alignment: slotBytes)
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: capacity * slotBytes)
        return (raw.bindMemory(to: Slot.self, capacity: capacity), capacity - 1)
    }

    /// The entry of the raw word `raw`, whose `StableHash` is `hash`, computing its spelling with
    /// `make` on first sight.
    ///
    /// - Complexity: O(*n*) in the word's bytes on a hit; `make` runs once per distinct spelling.
    @inline(__always)
    func entry(raw: UnsafeRawBufferPointer, hash: UInt64, make: () throws(TextError) -> Spelling) throws(TextError) -> Entry {
        let slots = self.slots, mask = self.mask
        let head = Head(raw)
        let lengthPlusOne = UInt32(truncatingIfNeeded: raw.count &+ 1)
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].lengthPlusOne != 0 {
            let slot = slots + index
            if slot.pointee.hash == hash && slot.pointee.lengthPlusOne == lengthPlusOne && slot.pointee.head == head
                && (raw.count <= 16 || bytesEqual(arena.baseAddress! + Int(slot.pointee.arenaOffset) + 16,
                                                  raw.baseAddress! + 16, raw.count - 16)) {
                return slot.pointee.entry
            }
            index = (index + 1) & mask
        }
        let made = try make()
        let term = intern(made.text)
        let foldedTerm = made.foldedText == made.text ? term : intern(made.foldedText)
        let entry = Entry(term: term, foldedTerm: foldedTerm, id: terms[Int(term)].id, foldedID: terms[Int(foldedTerm)].id,
                          flags: made.flags, textIsEmpty: made.text.isEmpty, foldedIsEmpty: made.foldedText.isEmpty)
        // A spelling of 4 GiB or more is not kept (its length does not fit a slot); it is made anew
        // on each sight.
        guard raw.count < Int(UInt32.max) else { return entry }
        let arenaOffset = raw.count > 16 ? store(raw) : 0
        slots[index] = Slot(hash: hash, head: head, lengthPlusOne: lengthPlusOne, arenaOffset: arenaOffset, entry: entry)
        count += 1
        checkInvariants(inserted: index)
        if count * 2 > mask + 1 { grow() }
        return entry
    }

    private func intern(_ text: String) -> Int32 {
        if let existing = termIndexByText[text] { return existing }
        let index = Int32(terms.count)
        terms.append(TermInfo(id: StableHash.hash(text), text: text))
        termIndexByText[text] = index
        return index
    }

    /// Copies a long spelling's bytes into the arena, growing it as needed; returns their offset.
    /// (Past 4 GiB of long spellings, a new one is stored where it cannot be found again: it is
    /// then made anew on each sight, which is correct, only slower.)
    private func store(_ raw: UnsafeRawBufferPointer) -> UInt32 {
        if arenaUsed + raw.count > arena.count {
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: max(arena.count * 2, arenaUsed + raw.count), alignment: 8)
            grown.baseAddress!.copyMemory(from: arena.baseAddress!, byteCount: arenaUsed)
            arena.deallocate()
            arena = grown
        }
        (arena.baseAddress! + arenaUsed).copyMemory(from: raw.baseAddress!, byteCount: raw.count)
        defer { arenaUsed += raw.count }
        return UInt32(truncatingIfNeeded: arenaUsed)
    }

    /// Doubles the slot table, moving each slot to its place by the hash it holds.
    private func grow() {
        let (old, oldCapacity) = (slots, mask + 1)
        (slots, mask) = Self.emptyTable(capacity: oldCapacity * 2)
        for number in 0..<oldCapacity where old[number].lengthPlusOne != 0 {
            var index = Int(truncatingIfNeeded: old[number].hash) & mask
            while slots[index].lengthPlusOne != 0 { index = (index + 1) & mask }
            slots[index] = old[number]
        }
        old.deallocate()
        checkInvariants()
    }
}

// MARK: - Invariants

extension TermVocabulary {
    #if CONCORD_INVARIANTS
    /// Traps unless the slot table is sound: `count` slots occupied, at most half of them, each
    /// reachable by a lookup from its home slot (`LinearProbing`), its long spelling inside the
    /// arena and its terms among `terms`; and each term interned once.
    ///
    /// - Complexity: O(*c* · *p*) for *c* slots and probe runs of *p*: called after each growth,
    ///   so amortized O(*p*) per insertion.
    @inline(never)
    private func checkInvariants() {
        let capacity = mask + 1
        let occupied = (0..<capacity).filter { slots[$0].lengthPlusOne != 0 }
        precondition(occupied.count == count && count * 2 <= capacity, "vocabulary: \(occupied.count) slots of \(capacity) for \(count)")
        let unreachable = LinearProbing.unreachableSlot(capacity: capacity, isOccupied: { slots[$0].lengthPlusOne != 0 },
                                                        home: { Int(truncatingIfNeeded: slots[$0].hash) & mask })
        precondition(unreachable == nil, "vocabulary: slot \(unreachable ?? 0) is cut off from its home slot")
        for slot in occupied.map({ slots[$0] }) {
            let length = Int(slot.lengthPlusOne) - 1
            precondition(length <= 16 || Int(slot.arenaOffset) + length <= arenaUsed, "vocabulary: a spelling past the arena")
            precondition(Int(slot.entry.term) < terms.count && Int(slot.entry.foldedTerm) < terms.count, "vocabulary: an unknown term")
        }
        precondition(termIndexByText.count == terms.count, "vocabulary: a term interned twice")
    }

    /// Traps unless the slot just filled, `slot`, is reachable from its home slot.
    ///
    /// - Complexity: O(*p*) for a probe run of *p*.
    @inline(__always)
    private func checkInvariants(inserted slot: Int) {
        precondition(LinearProbing.reaches(slot, from: Int(truncatingIfNeeded: slots[slot].hash) & mask, capacity: mask + 1,
                                           isOccupied: { slots[$0].lengthPlusOne != 0 }), "vocabulary: slot \(slot) is cut off")
    }
    #else
    @inline(__always)
    private func checkInvariants() {}

    @inline(__always)
    private func checkInvariants(inserted slot: Int) {}
    #endif
}

@inline(__always)
private func bytesEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
    var index = 0
    while index + 8 <= count {
        if a.loadUnaligned(fromByteOffset: index, as: UInt64.self) != b.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
            return false
        }
        index += 8
    }
    while index < count {
        if a.load(fromByteOffset: index, as: UInt8.self) != b.load(fromByteOffset: index, as: UInt8.self) { return false }
        index += 1
    }
    return true
}
