/// Distinct terms with their counts for every document, in three flat arrays (term ids, counts,
/// offsets), like `SketchStore`: a million documents cost a few allocations. Each document's
/// terms are sorted by id.
public struct TermCountTable: Sendable, Equatable {
    public private(set) var terms: [UInt64] = []
    public private(set) var counts: [UInt16] = []
    public private(set) var offsets: [Int] = [0]

    public init() {}

    public var count: Int { offsets.count - 1 }

    /// The positions of document `index`'s terms in `terms` and `counts`.
    public func range(_ index: Int) -> Range<Int> { offsets[index]..<offsets[index + 1] }

    /// Appends one document whose tokens are those of `parts` (any order). `scratch` is reused
    /// between calls.
    ///
    /// - Complexity: O(*n* log *n*) for *n* tokens.
    mutating func appendDocument(tokens parts: [UnsafeBufferPointer<UInt64>], scratch: inout [UInt64]) {
        scratch.removeAll(keepingCapacity: true)
        for tokens in parts { scratch.append(contentsOf: tokens) }
        scratch.sort()
        var index = 0
        while index < scratch.count {
            let term = scratch[index]
            var end = index + 1
            while end < scratch.count && scratch[end] == term { end += 1 }
            terms.append(term)
            counts.append(UInt16(clamping: end - index))
            index = end
        }
        offsets.append(terms.count)
    }

    /// Appends every document of `other`.
    mutating func append(contentsOf other: TermCountTable) {
        let base = terms.count
        terms.append(contentsOf: other.terms)
        counts.append(contentsOf: other.counts)
        offsets.append(contentsOf: other.offsets.dropFirst().map { $0 + base })
    }

    /// Removes every document, keeping the storage.
    mutating func removeAll() {
        terms.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        offsets.append(0)
    }
}
