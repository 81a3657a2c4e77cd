/// Values with a strict total order of preference.
protocol Ranked {
    /// Whether `x` comes before `y` (is better).
    static func precedes(_ x: Self, _ y: Self) -> Bool
}

/// The best `count` of a stream of values, without sorting them all: a buffer of twice `count`
/// is cut back to the best `count` whenever it fills, and whatever cannot beat the last one kept
/// is turned away at once.
///
/// - Complexity: O(*n* log *count*) amortized for *n* insertions.
struct Best<Element: Ranked> {
    let count: Int
    private var kept: [Element] = []
    private var worstKept: Element?

    init(count: Int) {
        self.count = count
        kept.reserveCapacity(2 * count)
    }

    mutating func removeAll() {
        kept.removeAll(keepingCapacity: true)
        worstKept = nil
    }

    mutating func insert(_ element: Element) {
        if let worstKept, !Element.precedes(element, worstKept) { return }
        kept.append(element)
        if kept.count == 2 * count { cut() }
    }

    /// The best `count` (or all, when fewer came), best first.
    mutating func sorted() -> [Element] {
        cut()
        return kept
    }

    private mutating func cut() {
        kept.sort(by: Element.precedes)
        if kept.count >= count {
            kept.removeLast(kept.count - count)
            worstKept = kept.last
        }
    }
}
