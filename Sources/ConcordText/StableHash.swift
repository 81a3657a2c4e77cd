/// A fast 64-bit hash of bytes that is the same on every run and every (little-endian) machine,
/// unlike Swift's `Hasher`, which is seeded per process. Token ids, shingle ids and on-disk formats
/// all rest on it.
@usableFromInline package enum StableHash {
    @usableFromInline static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Names this hash function. Stored with persisted sketches (index files): sketches made with
    /// another function are not comparable, and are refused.
    package static let identity = "stable-hash-3"

    /// The hash of `bytes`: eight bytes at a time with one multiply and rotate each, then the last
    /// one to seven bytes as one zero-padded little-endian value, then one murmur finalizer. A word
    /// of news (five bytes on average) costs a handful of instructions, and a scanner that already
    /// holds the word in a register hashes it with `hash(word:count:)`.
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    @inlinable
    package static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let count = bytes.count
        var state = seed ^ (UInt64(count) &* multiplier)
        guard let base = bytes.baseAddress, count > 0 else { return mix(state) }
        var index = 0
        while index + 8 <= count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            state = (state ^ word) &* multiplier
            state = (state << 29) | (state >> 35)
            index += 8
        }
        let remaining = count - index
        if remaining > 0 {
            var tail: UInt64
            if remaining >= 4 {
                // The last four bytes, shifted so that only those past the first four remain.
                let low = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt32.self)))
                let high = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
                tail = low | (high >> UInt64(8 * (8 - remaining))) << 32
            } else {
                tail = UInt64(base.load(fromByteOffset: index, as: UInt8.self))
                if remaining >= 2 { tail |= UInt64(base.load(fromByteOffset: index + 1, as: UInt8.self)) << 8 }
                if remaining == 3 { tail |= UInt64(base.load(fromByteOffset: index + 2, as: UInt8.self)) << 16 }
            }
            state = (state ^ tail) &* multiplier
        }
        return mix(state)
    }

    /// The hash of the first `count` bytes (1 to 7) of `word`, eight bytes loaded little-endian:
    /// equal to `hash` of those bytes, without touching memory again.
    @inlinable @inline(__always)
    package static func hash(word: UInt64, count: Int) -> UInt64 {
        let tail = word & ((1 &<< UInt64(8 * count)) &- 1)
        return mix(((UInt64(count) &* multiplier) ^ tail) &* multiplier)
    }

    /// The hash of the first `count` bytes (8 to 15) of `first` and `second`, sixteen bytes loaded
    /// little-endian: equal to `hash` of those bytes, without a loop or a call.
    @inlinable @inline(__always)
    package static func hash(first: UInt64, second: UInt64, count: Int) -> UInt64 {
        var state = ((UInt64(count) &* multiplier) ^ first) &* multiplier
        state = (state << 29) | (state >> 35)
        let remaining = count &- 8
        let tail = second & ((1 &<< UInt64(8 &* remaining)) &- 1)
        let withTail = (state ^ tail) &* multiplier
        return mix(remaining == 0 ? state : withTail)
    }

    /// The hash of a string's UTF-8 bytes.
    @inlinable
    package static func hash(_ text: String, seed: UInt64 = 0) -> UInt64 {
        var copy = text
        return copy.withUTF8 { hash(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// The murmur3 64-bit finalizer: a bijection that spreads every input bit over the output.
    @inlinable @inline(__always)
    package static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}
