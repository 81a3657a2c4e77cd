/// An edit script computed in pieces: words that occur exactly once in each text and appear in
/// the same order in both (a longest increasing subsequence of their positions, as in patience
/// diff) are anchored as equal, and only the stretches between anchors go to `MyersDiff`, each
/// split again by its own unique words. On long texts this replaces one O((n + m) · d) search with
/// many small ones, and it aligns rewritten passages on their distinctive words.
enum AnchoredDiff {
    /// Below this many keys on both sides a stretch goes straight to Myers.
    static let directLimit = 64

    /// The edit script turning `a` into `b`, adjacent steps of one kind merged.
    ///
    /// - Parameter searchLimit: passed to `MyersDiff` for each stretch; the script is exact when
    ///   no stretch reached it.
    /// - Complexity: O((*n* + *m*) log(*n* + *m*)) for the anchors, plus Myers on the stretches
    ///   between them.
    static func script(_ a: [UInt64], _ b: [UInt64], searchLimit: Int = .max) -> EditScript {
        var out = EditScript(steps: [], isExact: true)
        diff(a, 0..<a.count, b, 0..<b.count, searchLimit, &out)
        out.steps = MyersDiff.merged(out.steps)
        return out
    }

    private static func diff(_ a: [UInt64], _ x: Range<Int>, _ b: [UInt64], _ y: Range<Int>, _ limit: Int, _ out: inout EditScript) {
        var x = x, y = y
        var prefix = 0
        while x.lowerBound + prefix < x.upperBound && y.lowerBound + prefix < y.upperBound
            && a[x.lowerBound + prefix] == b[y.lowerBound + prefix] { prefix += 1 }
        if prefix > 0 { out.steps.append(.equal(a: x.lowerBound, b: y.lowerBound, count: prefix)) }
        x = (x.lowerBound + prefix)..<x.upperBound
        y = (y.lowerBound + prefix)..<y.upperBound
        var suffix = 0
        while suffix < x.count && suffix < y.count && a[x.upperBound - 1 - suffix] == b[y.upperBound - 1 - suffix] { suffix += 1 }
        let tail = EditStep.equal(a: x.upperBound - suffix, b: y.upperBound - suffix, count: suffix)
        x = x.lowerBound..<(x.upperBound - suffix)
        y = y.lowerBound..<(y.upperBound - suffix)

        let anchors = (x.count < directLimit && y.count < directLimit) ? [] : uniqueAnchors(a, x, b, y)
        if anchors.isEmpty {
            let stretch = MyersDiff.script(Array(a[x]), Array(b[y]), searchLimit: limit)
            out.isExact = out.isExact && stretch.isExact
            for step in stretch.steps { out.steps.append(shifted(step, x.lowerBound, y.lowerBound)) }
        } else {
            var previous = (x.lowerBound, y.lowerBound)
            for anchor in anchors {
                diff(a, previous.0..<anchor.0, b, previous.1..<anchor.1, limit, &out)
                out.steps.append(.equal(a: anchor.0, b: anchor.1, count: 1))
                previous = (anchor.0 + 1, anchor.1 + 1)
            }
            diff(a, previous.0..<x.upperBound, b, previous.1..<y.upperBound, limit, &out)
        }
        if suffix > 0 { out.steps.append(tail) }
    }

    /// Positions (in a, in b) of keys that occur once in each range, in an order both agree on.
    static func uniqueAnchors(_ a: [UInt64], _ x: Range<Int>, _ b: [UInt64], _ y: Range<Int>) -> [(Int, Int)] {
        longestIncreasing(AnchorCandidates(a, x, b, y).uniquePairs)
    }

    /// The longest subsequence of `pairs` (sorted by their first element) whose second elements
    /// increase, by patience sorting.
    static func longestIncreasing(_ pairs: [(Int, Int)]) -> [(Int, Int)] {
        var tails: [Int] = []           // index into pairs of the smallest tail of each length
        var previous = [Int](repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if pairs[tails[middle]].1 < pair.1 { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var result: [(Int, Int)] = []
        var cursor = tails.last ?? -1
        while cursor >= 0 {
            result.append(pairs[cursor])
            cursor = previous[cursor]
        }
        return result.reversed()
    }

    private static func shifted(_ step: EditStep, _ dx: Int, _ dy: Int) -> EditStep {
        switch step {
        case .equal(let a, let b, let count): return .equal(a: a + dx, b: b + dy, count: count)
        case .delete(let a, let count): return .delete(a: a + dx, count: count)
        case .insert(let b, let count): return .insert(b: b + dy, count: count)
        }
    }
}
