/// What the pipeline knows about one distinct normalized term.
public struct TermInfo: Equatable, Sendable {
    /// Stable 64-bit id: `StableHash` of `text`. Equal texts give equal ids in every process.
    public var id: UInt64
    /// The normalized (and, where it applies, name-folded) form.
    public var text: String
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
/// Open addressing over compact 8-byte slots (a 32-bit hash tag and an entry number), entries in
/// one flat array and raw spellings in a byte arena: the slot table of a large vocabulary stays in
/// the processor's cache, a lookup touches the slot, the entry and the arena bytes, and a hit
/// allocates nothing. Not thread-safe: one per pipeline.
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

    private struct Record {
        var arenaOffset: Int
        var length: Int
        var entry: Entry
    }

    private var slots: UnsafeMutableBufferPointer<UInt64>
    private var mask: Int
    private var records: [Record] = []
    private var arena: UnsafeMutableRawBufferPointer
    private var arenaUsed = 0

    init() {
        slots = .allocate(capacity: 1 << 12)
        slots.initialize(repeating: 0)
        mask = (1 << 12) - 1
        arena = .allocate(byteCount: 1 << 16, alignment: 8)
    }

    deinit {
        slots.deallocate()
        arena.deallocate()
    }

    /// The entry of the raw word `raw`, whose `StableHash` is `hash`, computing its spelling with
    /// `make` on first sight.
    ///
    /// - Complexity: O(*n*) in the word's bytes on a hit; `make` runs once per distinct spelling.
    @inline(__always)
    func entry(raw: UnsafeRawBufferPointer, hash: UInt64, make: () throws(TextError) -> Spelling) throws(TextError) -> Entry {
        let tag = hash >> 32
        let slots = self.slots, mask = self.mask, arenaBase = arena.baseAddress!
        var index = Int(truncatingIfNeeded: hash) & mask
        let found: Entry? = records.withUnsafeBufferPointer { records in
            while slots[index] != 0 {
                let slot = slots[index]
                if slot >> 32 == tag {
                    let record = records[Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1]
                    if record.length == raw.count,
                       raw.count == 0 || bytesEqual(arenaBase + record.arenaOffset, raw.baseAddress!, raw.count) {
                        return record.entry
                    }
                }
                index = (index + 1) & mask
            }
            return nil
        }
        if let found { return found }
        let made = try make()
        let term = intern(made.text)
        let foldedTerm = made.foldedText == made.text ? term : intern(made.foldedText)
        let entry = Entry(term: term, foldedTerm: foldedTerm, id: terms[Int(term)].id, foldedID: terms[Int(foldedTerm)].id,
                          flags: made.flags, textIsEmpty: made.text.isEmpty, foldedIsEmpty: made.foldedText.isEmpty)
        records.append(Record(arenaOffset: store(raw), length: raw.count, entry: entry))
        slots[index] = tag << 32 | UInt64(records.count)
        if records.count * 2 > slots.count { grow() }
        return entry
    }

    private func intern(_ text: String) -> Int32 {
        if let existing = termIndexByText[text] { return existing }
        let index = Int32(terms.count)
        terms.append(TermInfo(id: StableHash.hash(text), text: text))
        termIndexByText[text] = index
        return index
    }

    /// Copies raw bytes into the arena, growing it as needed; returns their offset.
    private func store(_ raw: UnsafeRawBufferPointer) -> Int {
        if arenaUsed + raw.count > arena.count {
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: max(arena.count * 2, arenaUsed + raw.count), alignment: 8)
            grown.baseAddress!.copyMemory(from: arena.baseAddress!, byteCount: arenaUsed)
            arena.deallocate()
            arena = grown
        }
        if raw.count > 0 { (arena.baseAddress! + arenaUsed).copyMemory(from: raw.baseAddress!, byteCount: raw.count) }
        defer { arenaUsed += raw.count }
        return arenaUsed
    }

    /// Doubles the slot table; the hash of each spelling is recomputed from the arena.
    private func grow() {
        slots.deallocate()
        let capacity = (mask + 1) * 2
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0)
        mask = capacity - 1
        for (number, record) in records.enumerated() {
            let hash = StableHash.hash(UnsafeRawBufferPointer(start: arena.baseAddress! + record.arenaOffset, count: record.length))
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = (hash >> 32) << 32 | UInt64(number + 1)
        }
    }
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
