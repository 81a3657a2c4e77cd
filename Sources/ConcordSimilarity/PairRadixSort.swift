/// Sorting candidate pairs (`a << 32 | b`) without comparisons.
enum PairRadixSort {
    /// Bits sorted per pass: 2,048 counters stay in the first-level cache.
    static let digitBits = 11

    /// Sorts `pairs` ascending: a least-significant-digit radix sort of the bits that document
    /// numbers below `documentCount` can set, in the low half and in the high half.
    ///
    /// - Complexity: O(*p* · ⌈2 log₂ *m* / 11⌉) for *p* pairs of *m* documents.
    static func sort(_ pairs: inout [UInt64], documentCount: Int) {
        guard pairs.count > 1 else { return }
        let documentBits = max(1, UInt64.bitWidth - UInt64(max(documentCount - 1, 1)).leadingZeroBitCount)
        // The pair's value with the unused high bits of each half squeezed out.
        @inline(__always) func packed(_ pair: UInt64) -> UInt64 { (pair >> 32) << UInt64(documentBits) | (pair & 0xFFFF_FFFF) }
        let digits = 1 << digitBits, mask = UInt64(digits - 1)
        var scratch = [UInt64](repeating: 0, count: pairs.count)
        var counts = [Int](repeating: 0, count: digits)
        var passes = 0
        pairs.withUnsafeMutableBufferPointer { original in
            scratch.withUnsafeMutableBufferPointer { target in
                counts.withUnsafeMutableBufferPointer { counts in
                    var from = original, to = target
                    for shift in stride(from: 0, to: 2 * documentBits, by: digitBits) {
                        counts.update(repeating: 0)
                        for pair in from { counts[Int((packed(pair) >> UInt64(shift)) & mask)] += 1 }
                        var total = 0
                        for digit in 0..<digits { let count = counts[digit]; counts[digit] = total; total += count }
                        for pair in from {
                            let digit = Int((packed(pair) >> UInt64(shift)) & mask)
                            to[counts[digit]] = pair
                            counts[digit] += 1
                        }
                        swap(&from, &to)
                        passes += 1
                    }
                }
            }
        }
        // After an odd number of passes the sorted pairs are in `scratch`.
        if passes % 2 == 1 { swap(&pairs, &scratch) }
    }
}
