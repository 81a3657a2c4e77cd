/// A document with a 64-bit key (an LSH band hash), sorted by key without comparisons.
struct KeyedDocument {
    var key: UInt64
    var document: UInt32

    /// Bits of the key sorted per pass: six passes of 11 bits cover 64, with 2,048 counters that
    /// stay in the first-level cache.
    static let digitBits = 11

    /// Sorts `items` by key, stably: a least-significant-digit radix sort in six passes.
    ///
    /// - Complexity: O(*m*) for *m* items (six passes over them and over 2,048 counters), against
    ///   O(*m* log *m*) comparisons for a comparison sort.
    static func radixSort(_ items: inout [KeyedDocument]) {
        guard items.count > 1 else { return }
        let digits = 1 << digitBits, mask = UInt64(digits - 1)
        var scratch = [KeyedDocument](repeating: KeyedDocument(key: 0, document: 0), count: items.count)
        var counts = [Int](repeating: 0, count: digits)
        items.withUnsafeMutableBufferPointer { source in
            scratch.withUnsafeMutableBufferPointer { target in
                counts.withUnsafeMutableBufferPointer { counts in
                    var from = source, to = target
                    for shift in stride(from: 0, to: 64, by: digitBits) {
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
                    // Six passes: the sorted items are back in `source`.
                }
            }
        }
    }
}
