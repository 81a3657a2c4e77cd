/// Distinct terms with their counts for every document, in three flat arrays (terms, counts,
/// offsets), like `SketchStore`: a million documents cost a few allocations. Each document's
/// terms are in the order they first occur in it. Terms are token ids (`UInt64`) while a batch is sketched, and numbers of the
/// corpus vocabulary (`UInt32`, see `TermNumbers`) once it is stored.
public struct TermCountTable<Term: FixedWidthInteger & Sendable>: Sendable, Equatable {
    public private(set) var terms: [Term] = []
    public private(set) var counts: [UInt16] = []
    public private(set) var offsets: [Int] = [0]

    public init() {}

    public var count: Int { offsets.count - 1 }

    /// The positions of document `index`'s terms in `terms` and `counts`.
    public func range(_ index: Int) -> Range<Int> { offsets[index]..<offsets[index + 1] }

    /// Appends a term of the document being added (each distinct term once).
    mutating func append(_ term: Term, count: UInt16) {
        terms.append(term)
        counts.append(count)
    }

    /// Ends the document being added: the terms appended since the last end are its terms.
    mutating func endDocument() {
        offsets.append(terms.count)
    }

    /// Removes every document, keeping the storage.
    mutating func removeAll() {
        terms.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        offsets.append(0)
    }

    /// Moves the terms out, leaving the table empty and its storage freed: term vectors reuse
    /// the array.
    mutating func takeTerms() -> [Term] {
        defer { self = TermCountTable() }
        return terms
    }
}

extension TermCountTable where Term == UInt64 {
    /// Appends one document whose tokens are those of `parts`, each distinct token once (in the
    /// order of its first occurrence) with its count.
    ///
    /// - Complexity: O(*n*) expected for *n* tokens.
    mutating func appendDocument(tokens parts: [UnsafeBufferPointer<UInt64>], counter: inout TokenCounter) {
        for tokens in parts { for token in tokens { counter.add(token) } }
        counter.drain { append($0, count: $1) }
        endDocument()
    }
}

/// Counts the distinct tokens of one document: an open-addressing table that remembers which
/// slots it filled, so emptying it costs the document's distinct tokens, not the table.
struct TokenCounter {
    private var ids: [UInt64]
    private var counts: [UInt16]
    private var filled: [Int] = []
    private var mask: Int

    init() {
        ids = [UInt64](repeating: 0, count: 4096)
        counts = [UInt16](repeating: 0, count: 4096)
        mask = 4095
    }

    /// Counts one more occurrence of `token` (counts stop at `UInt16.max`).
    mutating func add(_ token: UInt64) {
        var slot = Int(truncatingIfNeeded: token) & mask
        while counts[slot] != 0 {
            if ids[slot] == token {
                if counts[slot] < UInt16.max { counts[slot] += 1 }
                return
            }
            slot = (slot + 1) & mask
        }
        ids[slot] = token
        counts[slot] = 1
        filled.append(slot)
        if filled.count * 2 > ids.count { grow() }
    }

    /// Calls `body` with each distinct token and its count, in the order first seen, and empties
    /// the counter.
    mutating func drain(_ body: (UInt64, UInt16) -> Void) {
        for slot in filled {
            body(ids[slot], counts[slot])
            counts[slot] = 0
        }
        filled.removeAll(keepingCapacity: true)
    }

    private mutating func grow() {
        let entries = filled.map { (ids[$0], counts[$0]) }
        for slot in filled { counts[slot] = 0 }
        filled.removeAll(keepingCapacity: true)
        ids = [UInt64](repeating: 0, count: ids.count * 2)
        counts = [UInt16](repeating: 0, count: counts.count * 2)
        mask = ids.count - 1
        for (id, count) in entries {
            var slot = Int(truncatingIfNeeded: id) & mask
            while counts[slot] != 0 { slot = (slot + 1) & mask }
            ids[slot] = id
            counts[slot] = count
            filled.append(slot)
        }
    }
}
