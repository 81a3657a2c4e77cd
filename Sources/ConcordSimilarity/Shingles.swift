import ConcordText

/// How documents are cut into shingles.
public enum ShingleKind: Sendable, Equatable {
    /// Runs of `n` consecutive normalized words.
    case words(Int)
    /// Runs of `n` consecutive characters of the normalized text (words joined by one space).
    case characters(Int)

    /// Words or characters per shingle.
    public var width: Int {
        switch self {
        case .words(let n), .characters(let n): n
        }
    }
}

/// Turns a document's token ids into shingle hashes without building any string.
///
/// A word shingle's hash is a cyclic polynomial (rolling) hash of its `n` token ids, each first
/// mixed: the ids of one window are rotated by their distance from its end and combined by XOR, so
/// "the rocket hit the base" and "the base hit the rocket" differ, and sliding the window one word
/// costs two rotations and two XORs whatever `n` is. A document with fewer than `n` words (but at
/// least one) gets one shingle of all its words, so short reports still match their copies.
public enum Shingles {
    /// Names the shingle hash functions. Stored with persisted sketches (index files), which are
    /// refused when it differs.
    package static let identity = "cyclic-polynomial-1"

    /// How many shingles of width `n` a sequence of `length` words or characters has: one per
    /// window, and one for a sequence shorter than `n` (none for an empty one).
    @inlinable
    package static func count(length: Int, n: Int) -> Int { length >= n ? length - n + 1 : min(length, 1) }

    /// Calls `body` with the hash of every word `n`-gram of `ids`, in order.
    ///
    /// - Parameters:
    ///   - ids: a document's token ids (`Token.id`), in text order.
    ///   - n: words per shingle; a document of fewer words gives one shingle of all of them.
    ///   - body: called once per shingle with its hash.
    /// - Complexity: O(*t* + *n*) for *t* tokens.
    @inlinable
    public static func forEachWordShingle(_ ids: [UInt64], n: Int, _ body: (UInt64) -> Void) {
        ids.withUnsafeBufferPointer { forEachWordShingle($0, n: n, body) }
    }

    /// `forEachWordShingle` over a buffer of token ids.
    @inlinable
    package static func forEachWordShingle(_ ids: UnsafeBufferPointer<UInt64>, n: Int, _ body: (UInt64) -> Void) {
        guard !ids.isEmpty else { return }
        let width = min(n, ids.count)
        let salt: UInt64 = 0x243F_6A88_85A3_08D3 &+ UInt64(width)
        var window: UInt64 = 0
        for index in 0..<width { window = rotated(window, by: 1) ^ finalize(ids[index]) }
        body(finalize(window ^ salt))
        var start = 1
        while start + width <= ids.count {
            let leaving = rotated(finalize(ids[start - 1]), by: width - 1)
            window = rotated(window ^ leaving, by: 1) ^ finalize(ids[start + width - 1])
            body(finalize(window ^ salt))
            start += 1
        }
    }

    @inlinable @inline(__always)
    static func rotated(_ value: UInt64, by bits: Int) -> UInt64 {
        let shift = UInt64(bits & 63)
        return (value &<< shift) | (value &>> ((64 &- shift) & 63))
    }

    /// Calls `body` with the hash of every character `n`-gram of `text` (UTF-8 bytes of the
    /// normalized words joined by single spaces). A text shorter than `n` gives one shingle.
    ///
    /// - Complexity: O(*b* · *n*) for *b* bytes.
    package static func forEachCharacterShingle(_ text: UnsafeBufferPointer<UInt8>, n: Int, _ body: (UInt64) -> Void) {
        guard !text.isEmpty else { return }
        let width = min(n, text.count)
        var start = 0
        while start + width <= text.count {
            var hash: UInt64 = 0x1319_8A2E_0370_7344 &+ UInt64(width)
            for index in start..<(start + width) {
                hash = (hash ^ UInt64(text[index])) &* 0x9E37_79B9_7F4A_7C15
                hash = (hash << 29) | (hash >> 35)
            }
            body(finalize(hash))
            start += 1
        }
    }

    /// The murmur3 finalizer (`StableHash.mix`): every input bit reaches every output bit.
    @inlinable @inline(__always)
    package static func finalize(_ value: UInt64) -> UInt64 { StableHash.mix(value) }
}
