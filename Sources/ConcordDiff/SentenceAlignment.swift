/// A one-to-one matching of the sentences of two reports: sentences in the same order first, then
/// a pass that pairs the sentences left over, which finds passages that moved.
///
/// The in-order pass keeps the set of pairs with the greatest total affinity in which both
/// reports' sentences increase together (a heaviest common subsequence); the moved pass then pairs
/// the remaining sentences greedily, strongest affinity first. Only pairs at or above the
/// threshold are ever matched.
///
///     let alignment = SentenceAlignment(oldCount: 3, newCount: 3, candidates: [
///         .init(old: 0, new: 2, affinity: 0.9), .init(old: 1, new: 0, affinity: 0.8),
///         .init(old: 2, new: 1, affinity: 0.7)], threshold: 0.5)
///     // in order: 1→0, 2→1; moved: 0→2
package struct SentenceAlignment: Sendable, Equatable {
    /// Two sentences judged to say the same thing.
    package struct Pair: Sendable, Equatable {
        /// The sentence's index in the old report.
        package var old: Int
        /// The sentence's index in the new report.
        package var new: Int
        /// How alike they are, from 0 to 1 (`Collation` uses the sentence similarity score, or
        /// the containment of the shorter sentence's words in the longer one's).
        package var affinity: Double
        /// Whether the pair breaks the order of the in-order pairs: the passage moved.
        package var moved: Bool

        /// A pair; `moved` is decided by the alignment.
        package init(old: Int, new: Int, affinity: Double, moved: Bool = false) {
            self.old = old
            self.new = new
            self.affinity = affinity
            self.moved = moved
        }
    }

    /// The matched pairs, in the order of the old report's sentences.
    package let pairs: [Pair]

    /// Aligns two reports from the affinities of candidate sentence pairs.
    ///
    /// - Parameters:
    ///   - oldCount: sentences in the old report.
    ///   - newCount: sentences in the new report.
    ///   - candidates: scored sentence pairs, each (old, new) at most once, in any order; pairs
    ///     not listed are not matched.
    ///   - threshold: the least affinity a matched pair has.
    /// - Complexity: O(*c* log *c*) for *c* candidates at or above the threshold.
    package init(oldCount: Int, newCount: Int, candidates: [Pair], threshold: Double) {
        let eligible = candidates.filter {
            $0.affinity >= threshold && (0..<oldCount).contains($0.old) && (0..<newCount).contains($0.new)
        }.sorted { ($0.old, $0.new) < ($1.old, $1.new) }
        var matched = Self.heaviestIncreasingChain(eligible, newCount: newCount)
        var oldTaken = Set(matched.map(\.old)), newTaken = Set(matched.map(\.new))
        let leftovers = eligible.filter { !oldTaken.contains($0.old) && !newTaken.contains($0.new) }
            .sorted { ($1.affinity, $0.old, $0.new) < ($0.affinity, $1.old, $1.new) }
        for var pair in leftovers where !oldTaken.contains(pair.old) && !newTaken.contains(pair.new) {
            pair.moved = true
            matched.append(pair)
            oldTaken.insert(pair.old)
            newTaken.insert(pair.new)
        }
        pairs = matched.sorted { $0.old < $1.old }
    }

    /// The chain of pairs with strictly increasing old and new indices and the greatest total
    /// affinity; ties go to the chain found first in (old, new) order.
    ///
    /// Pairs are visited in old order; a Fenwick tree over new indices holds, for each prefix of
    /// new indices, the best chain ending there. Pairs that share an old index are all looked up
    /// before any of them is stored, so no chain holds two of them.
    ///
    /// - Complexity: O(*c* log *m*) for *c* sorted pairs and *m* new sentences.
    static func heaviestIncreasingChain(_ sorted: [Pair], newCount: Int) -> [Pair] {
        var tree = PrefixMaximum(count: newCount)
        var best = [Double](repeating: 0, count: sorted.count)
        var previous = [Int](repeating: -1, count: sorted.count)
        var groupStart = 0
        while groupStart < sorted.count {
            var groupEnd = groupStart
            while groupEnd < sorted.count && sorted[groupEnd].old == sorted[groupStart].old { groupEnd += 1 }
            for index in groupStart..<groupEnd {
                let (total, from) = tree.maximum(below: sorted[index].new)
                best[index] = total + sorted[index].affinity
                previous[index] = from
            }
            for index in groupStart..<groupEnd { tree.raise(at: sorted[index].new, to: best[index], from: index) }
            groupStart = groupEnd
        }
        guard var index = best.indices.max(by: { best[$0] < best[$1] || (best[$0] == best[$1] && $0 > $1) }) else { return [] }
        var chain: [Pair] = []
        while index >= 0 {
            chain.append(sorted[index])
            index = previous[index]
        }
        return chain.reversed()
    }
}

/// A Fenwick tree of running maxima: raise the value at a position, ask for the largest value
/// (and where it came from) among positions below a bound.
struct PrefixMaximum {
    private var values: [Double]
    private var sources: [Int]

    init(count: Int) {
        values = [Double](repeating: 0, count: count + 1)
        sources = [Int](repeating: -1, count: count + 1)
    }

    /// The largest value stored at a position below `bound`, and its source; (0, -1) when none.
    ///
    /// - Complexity: O(log *n*).
    func maximum(below bound: Int) -> (Double, Int) {
        var index = bound, best = 0.0, source = -1
        while index > 0 {
            if values[index] > best { best = values[index]; source = sources[index] }
            index &= index - 1
        }
        return (best, source)
    }

    /// Stores `value` at `position` if it beats what is there.
    ///
    /// - Complexity: O(log *n*).
    mutating func raise(at position: Int, to value: Double, from source: Int) {
        var index = position + 1
        while index < values.count {
            if value > values[index] { values[index] = value; sources[index] = source }
            index += index & -index
        }
    }
}
