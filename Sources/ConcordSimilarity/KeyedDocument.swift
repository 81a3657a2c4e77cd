/// A document with a 64-bit key (an LSH band hash), sorted by key without comparisons.
struct KeyedDocument {
    var key: UInt64
    var document: UInt32

    /// Bits of the key sorted per pass: three passes of 11 bits cover the top 33, with 2,048
    /// counters that stay in the first-level cache.
    static let digitBits = 11
    static let sortedBits = 33

    /// Sorts `items` by key, stably: a least-significant-digit radix sort of the key's top 33 bits
    /// in three passes, then a check of each run of equal top bits. Keys are hashes, so runs whose
    /// full keys differ are rare (about *m*²/2³⁴ in all) and tiny, and are ordered by a comparison
    /// sort.
    ///
    /// - Complexity: O(*m*) expected for *m* items: three passes over them and over 2,048 counters.
    static func radixSort(_ items: UnsafeMutableBufferPointer<KeyedDocument>) {
        guard items.count > 1 else { return }
        let digits = 1 << digitBits, mask = UInt64(digits - 1)
        var scratch = [KeyedDocument](repeating: KeyedDocument(key: 0, document: 0), count: items.count)
        var counts = [Int](repeating: 0, count: digits)
        let lowestSorted = 64 - sortedBits
        scratch.withUnsafeMutableBufferPointer { target in
            counts.withUnsafeMutableBufferPointer { counts in
                var from = items, to = target
                for shift in stride(from: lowestSorted, to: 64, by: digitBits) {
                    counts.update(repeating: 0)
                    for item in from { counts[Int((item.key >> UInt64(shift)) & mask)] += 1 }
                    var total = 0
                    for digit in 0..<digits { let count = counts[digit]; counts[digit] = total; total += count }
                    for item in from {
                        let digit = Int((item.key >> UInt64(shift)) & mask)
                        to[counts[digit]] = item
                        counts[digit] += 1
                    }
                    swap(&from, &to)
                }
                // An odd number of passes: the items are in `target`; copy them back.
                items.baseAddress!.update(from: from.baseAddress!, count: from.count)
            }
        }
        var start = 0
        while start < items.count {
            let top = items[start].key >> UInt64(lowestSorted)
            var end = start + 1
            var mixed = false
            while end < items.count && items[end].key >> UInt64(lowestSorted) == top {
                mixed = mixed || items[end].key != items[start].key
                end += 1
            }
            if mixed {
                var run = UnsafeMutableBufferPointer(rebasing: items[start..<end])
                run.sort { (a: KeyedDocument, b: KeyedDocument) -> Bool in a.key != b.key ? a.key < b.key : a.document < b.document }
            }
            start = end
        }
    }
}
