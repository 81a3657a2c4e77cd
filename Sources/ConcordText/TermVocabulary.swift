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
/// Open addressing over a byte arena: a lookup hashes the raw bytes, probes, and compares bytes;
/// no allocation on a hit. Not thread-safe: one per pipeline.
final class TermVocabulary {
    private(set) var terms: [TermInfo] = []
    private var termIndexByText: [String: Int32] = [:]

    private var slots: [Int32]
    private var mask: Int
    private var entryHash: [UInt64] = []
    private var entryStart: [Int] = []
    private var entryLength: [Int32] = []
    private var entryTerm: [Int32] = []
    private var entryFoldedTerm: [Int32] = []
    private var entryFlags: [SpellingFlags] = []
    private var arena: [UInt8] = []

    init() {
        slots = [Int32](repeating: -1, count: 1 << 12)
        mask = (1 << 12) - 1
    }

    /// Distinct raw spellings seen.
    var rawCount: Int { entryHash.count }

    /// What a raw spelling maps to.
    struct Entry {
        var term: Int32
        var foldedTerm: Int32
        var flags: SpellingFlags
    }

    /// The term of the raw word `raw`, computing it with `make` on first sight.
    ///
    /// - Complexity: O(*n*) in the word's bytes on a hit; `make` runs once per distinct spelling.
    @inline(__always)
    func entry(
        raw: UnsafeRawBufferPointer,
        make: () throws(TextError) -> Spelling
    ) throws(TextError) -> Entry {
        let hash = StableHash.hash(raw)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            let index = Int(entry)
            if entryHash[index] == hash, Int(entryLength[index]) == raw.count,
               arena.withUnsafeBytes({ bytes in
                   raw.count == 0 || memcmpEqual(bytes.baseAddress! + entryStart[index], raw.baseAddress!, raw.count)
               }) {
                return Entry(term: entryTerm[index], foldedTerm: entryFoldedTerm[index], flags: entryFlags[index])
            }
            slot = (slot + 1) & mask
        }
        let made = try make()
        let term = intern(made.text)
        let foldedTerm = made.foldedText == made.text ? term : intern(made.foldedText)
        let index = Int32(entryHash.count)
        entryHash.append(hash)
        entryStart.append(arena.count)
        entryLength.append(Int32(raw.count))
        entryTerm.append(term)
        entryFoldedTerm.append(foldedTerm)
        entryFlags.append(made.flags)
        arena.append(contentsOf: raw)
        slots[slot] = index
        if entryHash.count * 2 > slots.count { grow() }
        return Entry(term: term, foldedTerm: foldedTerm, flags: made.flags)
    }

    private func intern(_ text: String) -> Int32 {
        if let existing = termIndexByText[text] { return existing }
        let index = Int32(terms.count)
        terms.append(TermInfo(id: StableHash.hash(text), text: text))
        termIndexByText[text] = index
        return index
    }

    private func grow() {
        let capacity = slots.count * 2
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for index in entryHash.indices {
            var slot = Int(truncatingIfNeeded: entryHash[index]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}

@inline(__always)
private func memcmpEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
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
