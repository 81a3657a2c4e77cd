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
/// Open addressing over one flat table of slots and a byte arena holding the raw spellings: a
/// lookup hashes the raw bytes, probes, and compares bytes, with no allocation and no Swift array
/// access (so no exclusivity or bounds checks) on the hot path. Not thread-safe: one per pipeline.
final class TermVocabulary {
    private(set) var terms: [TermInfo] = []
    private var termIndexByText: [String: Int32] = [:]

    /// One distinct raw spelling.
    struct Entry {
        var term: Int32
        var foldedTerm: Int32
        var flags: SpellingFlags
    }

    private struct Slot {
        var hash: UInt64
        var arenaOffset: Int
        var length: Int32
        var entry: Entry
        var occupied: Bool
    }

    private var table: UnsafeMutableBufferPointer<Slot>
    private var mask: Int
    private var arena: UnsafeMutableRawBufferPointer
    private var arenaUsed = 0
    private(set) var rawCount = 0

    init() {
        table = .allocate(capacity: 1 << 12)
        table.initialize(repeating: Slot(hash: 0, arenaOffset: 0, length: 0,
                                         entry: Entry(term: 0, foldedTerm: 0, flags: []), occupied: false))
        mask = (1 << 12) - 1
        arena = .allocate(byteCount: 1 << 16, alignment: 8)
    }

    deinit {
        table.deallocate()
        arena.deallocate()
    }

    /// The entry of the raw word `raw`, computing its spelling with `make` on first sight.
    ///
    /// - Complexity: O(*n*) in the word's bytes on a hit; `make` runs once per distinct spelling.
    @inline(__always)
    func entry(raw: UnsafeRawBufferPointer, make: () throws(TextError) -> Spelling) throws(TextError) -> Entry {
        let hash = StableHash.hash(raw)
        let table = self.table, mask = self.mask, arenaBase = arena.baseAddress!
        var index = Int(truncatingIfNeeded: hash) & mask
        while table[index].occupied {
            let slot = table[index]
            if slot.hash == hash, Int(slot.length) == raw.count,
               raw.count == 0 || bytesEqual(arenaBase + slot.arenaOffset, raw.baseAddress!, raw.count) {
                return slot.entry
            }
            index = (index + 1) & mask
        }
        let made = try make()
        let term = intern(made.text)
        let entry = Entry(term: term, foldedTerm: made.foldedText == made.text ? term : intern(made.foldedText),
                          flags: made.flags)
        let offset = store(raw)
        table[index] = Slot(hash: hash, arenaOffset: offset, length: Int32(raw.count), entry: entry, occupied: true)
        rawCount += 1
        if rawCount * 2 > table.count { grow() }
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

    private func grow() {
        let old = table
        let capacity = old.count * 2
        table = .allocate(capacity: capacity)
        table.initialize(repeating: Slot(hash: 0, arenaOffset: 0, length: 0,
                                         entry: Entry(term: 0, foldedTerm: 0, flags: []), occupied: false))
        mask = capacity - 1
        for slot in old where slot.occupied {
            var index = Int(truncatingIfNeeded: slot.hash) & mask
            while table[index].occupied { index = (index + 1) & mask }
            table[index] = slot
        }
        old.deallocate()
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
