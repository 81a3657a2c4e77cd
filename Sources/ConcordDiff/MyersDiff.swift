/// One step of an edit script between two sequences.
public enum EditStep: Equatable, Sendable {
    /// `count` elements equal, starting at `a` in the first sequence and `b` in the second.
    case equal(a: Int, b: Int, count: Int)
    /// `count` elements of the first sequence, starting at `a`, removed.
    case delete(a: Int, count: Int)
    /// `count` elements of the second sequence, starting at `b`, added.
    case insert(b: Int, count: Int)
}

/// The shortest edit script between two sequences of keys (Myers 1986), in linear space: the
/// middle snake of the edit graph splits the problem in two, recursively, after the common prefix
/// and suffix are trimmed. Deletions come before insertions where both are possible, so the
/// script reads like an editor's: old text, then new text.
public enum MyersDiff {
    /// The edit script turning `a` into `b`, with adjacent steps of one kind merged.
    ///
    /// - Complexity: O((*n* + *m*) · *d*) time and O(*n* + *m*) space for sequences of *n* and *m*
    ///   keys that differ by *d* edits.
    public static func steps(_ a: [UInt64], _ b: [UInt64]) -> [EditStep] {
        var raw: [EditStep] = []
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                var forward = [Int](repeating: 0, count: 2 * (x.count + y.count) + 3)
                var backward = forward
                compare(x, 0, x.count, y, 0, y.count, &forward, &backward, &raw)
            }
        }
        return merged(raw)
    }

    private static func compare(
        _ a: UnsafeBufferPointer<UInt64>, _ aLow: Int, _ aHigh: Int,
        _ b: UnsafeBufferPointer<UInt64>, _ bLow: Int, _ bHigh: Int,
        _ forward: inout [Int], _ backward: inout [Int], _ out: inout [EditStep]
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
            let (x, y) = middleSnake(a, aLow, aHigh, b, bLow, bHigh, &forward, &backward)
            compare(a, aLow, x, b, bLow, y, &forward, &backward, &out)
            compare(a, x, aHigh, b, y, bHigh, &forward, &backward, &out)
        }
        if suffix > 0 { out.append(.equal(a: aHigh, b: bHigh, count: suffix)) }
    }

    /// A point (x, y) on a shortest path through the edit graph of a[aLow..<aHigh] and
    /// b[bLow..<bHigh], found by searching from both corners until the paths overlap.
    private static func middleSnake(
        _ a: UnsafeBufferPointer<UInt64>, _ aLow: Int, _ aHigh: Int,
        _ b: UnsafeBufferPointer<UInt64>, _ bLow: Int, _ bHigh: Int,
        _ forward: inout [Int], _ backward: inout [Int]
    ) -> (Int, Int) {
        let n = aHigh - aLow, m = bHigh - bLow
        let delta = n - m
        let odd = delta & 1 != 0
        let offset = n + m + 1
        forward[offset + 1] = 0
        backward[offset + 1] = 0
        for d in 0...((n + m + 1) / 2) {
            var k = -d
            while k <= d {
                // Furthest-reaching forward path on diagonal k (x - y = k).
                var x: Int
                if k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1]) {
                    x = forward[offset + k + 1]
                } else {
                    x = forward[offset + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[aLow + x] == b[bLow + y] { x += 1; y += 1 }
                forward[offset + k] = x
                if odd && k - delta >= -(d - 1) && k - delta <= d - 1 && x + backward[offset + delta - k] >= n {
                    return (aLow + x, bLow + y)
                }
                k += 2
            }
            k = -d
            while k <= d {
                // Furthest-reaching backward path on diagonal k, measured from the far corner.
                var x: Int
                if k == -d || (k != d && backward[offset + k - 1] < backward[offset + k + 1]) {
                    x = backward[offset + k + 1]
                } else {
                    x = backward[offset + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[aHigh - 1 - x] == b[bHigh - 1 - y] { x += 1; y += 1 }
                backward[offset + k] = x
                if !odd && delta - k >= -d && delta - k <= d && x + forward[offset + delta - k] >= n {
                    return (aHigh - x, bHigh - y)
                }
                k += 2
            }
        }
        return (aHigh, bHigh)
    }

    /// Adjacent steps of the same kind joined into one.
    static func merged(_ steps: [EditStep]) -> [EditStep] {
        var result: [EditStep] = []
        for step in steps {
            switch (result.last, step) {
            case let (.equal(a, b, c1)?, .equal(_, _, c2)):
                result[result.count - 1] = .equal(a: a, b: b, count: c1 + c2)
            case let (.delete(a, c1)?, .delete(_, c2)):
                result[result.count - 1] = .delete(a: a, count: c1 + c2)
            case let (.insert(b, c1)?, .insert(_, c2)):
                result[result.count - 1] = .insert(b: b, count: c1 + c2)
            default:
                result.append(step)
            }
        }
        return result
    }
}
