/// One step of an edit script between two sequences.
enum EditStep: Equatable, Sendable {
    /// `count` elements equal, starting at `a` in the first sequence and `b` in the second.
    case equal(a: Int, b: Int, count: Int)
    /// `count` elements of the first sequence, starting at `a`, removed.
    case delete(a: Int, count: Int)
    /// `count` elements of the second sequence, starting at `b`, added.
    case insert(b: Int, count: Int)
}

/// An edit script, and whether it is a shortest one.
struct EditScript: Equatable, Sendable {
    /// The steps, adjacent steps of one kind merged.
    var steps: [EditStep]
    /// False when a search limit cut the work short: the script still turns one sequence into
    /// the other, but may hold more edits than needed.
    var isExact: Bool
}

/// The shortest edit script between two sequences of keys (Myers 1986), in linear space: the
/// middle snake of the edit graph splits the problem in two, recursively, after the common prefix
/// and suffix are trimmed. Each run of changes is one deletion followed by one insertion, so the
/// script reads like an editor's: old text, then new text.
///
/// Unrelated long sequences make the search quadratic (two unrelated 50,000-word texts: 20 s).
/// A search limit bounds it, as GNU diff's "too expensive" heuristic does: a middle-snake search
/// that has explored `searchLimit` edits splits at the furthest point it reached instead, and
/// the script says it is not exact.
enum MyersDiff {
    /// The edit script turning `a` into `b`.
    ///
    /// - Parameter searchLimit: the most edits one middle-snake search explores; unlimited by
    ///   default, which always gives a shortest script.
    /// - Complexity: O((*n* + *m*) · *d*) time and O(*n* + *m*) space for sequences of *n* and *m*
    ///   keys that differ by *d* edits; with a limit *L*, O((*n* + *m*) · min(*d*, *L*)) per level
    ///   of the recursion.
    static func script(_ a: [UInt64], _ b: [UInt64], searchLimit: Int = .max) -> EditScript {
        var raw: [EditStep] = []
        var exact = true
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                var search = Search(forward: [Int](repeating: 0, count: 2 * (x.count + y.count) + 3), limit: searchLimit)
                search.backward = search.forward
                compare(x, 0, x.count, y, 0, y.count, &search, &raw)
                exact = search.exact
            }
        }
        return EditScript(steps: merged(raw), isExact: exact)
    }

    /// The work arrays of the middle-snake search and its limit.
    private struct Search {
        var forward: [Int]
        var backward: [Int] = []
        let limit: Int
        var exact = true
    }

    private static func compare(
        _ a: UnsafeBufferPointer<UInt64>, _ aLow: Int, _ aHigh: Int,
        _ b: UnsafeBufferPointer<UInt64>, _ bLow: Int, _ bHigh: Int,
        _ search: inout Search, _ out: inout [EditStep]
    ) {
        var aLow = aLow, bLow = bLow, aHigh = aHigh, bHigh = bHigh
        var prefix = 0
        while aLow < aHigh && bLow < bHigh && a[aLow] == b[bLow] { aLow += 1; bLow += 1; prefix += 1 }
        var suffix = 0
        while aHigh > aLow && bHigh > bLow && a[aHigh - 1] == b[bHigh - 1] { aHigh -= 1; bHigh -= 1; suffix += 1 }
        if prefix > 0 { out.append(.equal(a: aLow - prefix, b: bLow - prefix, count: prefix)) }
        if aLow == aHigh {
            if bLow < bHigh { out.append(.insert(b: bLow, count: bHigh - bLow)) }
        } else if bLow == bHigh {
            out.append(.delete(a: aLow, count: aHigh - aLow))
        } else {
            let (x, y) = middleSnake(a, aLow, aHigh, b, bLow, bHigh, &search)
            compare(a, aLow, x, b, bLow, y, &search, &out)
            compare(a, x, aHigh, b, y, bHigh, &search, &out)
        }
        if suffix > 0 { out.append(.equal(a: aHigh, b: bHigh, count: suffix)) }
    }

    /// A point (x, y) on a shortest path through the edit graph of a[aLow..<aHigh] and
    /// b[bLow..<bHigh], found by searching from both corners until the paths overlap; or, once
    /// the search has explored its limit of edits, the furthest point the forward search reached
    /// (never the start corner, so the recursion always progresses).
    private static func middleSnake(
        _ a: UnsafeBufferPointer<UInt64>, _ aLow: Int, _ aHigh: Int,
        _ b: UnsafeBufferPointer<UInt64>, _ bLow: Int, _ bHigh: Int,
        _ search: inout Search
    ) -> (Int, Int) {
        let n = aHigh - aLow, m = bHigh - bLow
        let delta = n - m
        let odd = delta & 1 != 0
        let offset = n + m + 1
        search.forward[offset + 1] = 0
        search.backward[offset + 1] = 0
        for d in 0...((n + m + 1) / 2) {
            if d > search.limit {
                search.exact = false
                return furthestForwardPoint(aLow, bLow, n: n, m: m, d: d - 1, offset: offset, search.forward)
            }
            var k = -d
            while k <= d {
                // Furthest-reaching forward path on diagonal k (x - y = k).
                var x: Int
                if k == -d || (k != d && search.forward[offset + k - 1] < search.forward[offset + k + 1]) {
                    x = search.forward[offset + k + 1]
                } else {
                    x = search.forward[offset + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[aLow + x] == b[bLow + y] { x += 1; y += 1 }
                search.forward[offset + k] = x
                if odd && k - delta >= -(d - 1) && k - delta <= d - 1 && x + search.backward[offset + delta - k] >= n {
                    return (aLow + x, bLow + y)
                }
                k += 2
            }
            k = -d
            while k <= d {
                // Furthest-reaching backward path on diagonal k, measured from the far corner.
                var x: Int
                if k == -d || (k != d && search.backward[offset + k - 1] < search.backward[offset + k + 1]) {
                    x = search.backward[offset + k + 1]
                } else {
                    x = search.backward[offset + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[aHigh - 1 - x] == b[bHigh - 1 - y] { x += 1; y += 1 }
                search.backward[offset + k] = x
                if !odd && delta - k >= -d && delta - k <= d && x + search.forward[offset + delta - k] >= n {
                    return (aHigh - x, bHigh - y)
                }
                k += 2
            }
        }
        return (aHigh, bHigh)
    }

    /// The point on the forward frontier after `d` edits that is furthest along (largest x + y),
    /// clamped inside the graph and short of its far corner.
    private static func furthestForwardPoint(_ aLow: Int, _ bLow: Int, n: Int, m: Int, d: Int, offset: Int, _ forward: [Int]) -> (Int, Int) {
        var best = (x: 0, y: 0)
        var k = -d
        while k <= d {
            let x = min(forward[offset + k], n), y = min(max(forward[offset + k] - k, 0), m)
            if x + y > best.x + best.y && (x, y) != (n, m) { best = (x, y) }
            k += 2
        }
        if best == (0, 0) { best = ((n + 1) / 2, m / 2) }
        return (aLow + best.x, bLow + best.y)
    }

    /// The steps with adjacent equal runs joined, and each run of changes told as one deletion
    /// followed by one insertion (the deletions of a run are contiguous in the old sequence, the
    /// insertions in the new one, so this is the same edit).
    ///
    /// - Complexity: O(*s*) for *s* steps.
    static func merged(_ steps: [EditStep]) -> [EditStep] {
        var result: [EditStep] = []
        var deleted: (a: Int, count: Int)?, inserted: (b: Int, count: Int)?
        func flushChanges() {
            if let deleted { result.append(.delete(a: deleted.a, count: deleted.count)) }
            if let inserted { result.append(.insert(b: inserted.b, count: inserted.count)) }
            (deleted, inserted) = (nil, nil)
        }
        for step in steps {
            switch step {
            case .delete(let a, let count):
                deleted = (deleted?.a ?? a, (deleted?.count ?? 0) + count)
            case .insert(let b, let count):
                inserted = (inserted?.b ?? b, (inserted?.count ?? 0) + count)
            case .equal(let a, let b, let count):
                flushChanges()
                if case .equal(let firstA, let firstB, let previous)? = result.last {
                    result[result.count - 1] = .equal(a: firstA, b: firstB, count: previous + count)
                } else {
                    result.append(.equal(a: a, b: b, count: count))
                }
            }
        }
        flushChanges()
        return result
    }
}
