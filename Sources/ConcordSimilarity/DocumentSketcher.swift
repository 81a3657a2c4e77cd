import ConcordText

/// Builds sketches: text pipeline → shingle hashes → a document's distinct shingle fingerprints
/// (sorted, for exact verification) and its MinHash signature (for LSH), appended to a
/// `SketchStore`. Scratch buffers are reused between documents, so sketching a document allocates
/// nothing once the buffers have grown. Not thread-safe (owns a `TextPipeline`): one per thread.
public final class DocumentSketcher {
    public let shingles: ShingleKind
    public let hasher: MinHasher
    private let pipeline: TextPipeline
    private let ids = TokenIDBuffer()
    private var hashes: [UInt64] = []
    private var characters: [UInt8] = []
    private var scratch = Scratch()

    /// Buffers for turning shingle hashes into a sketch.
    private struct Scratch {
        var fingerprints: [UInt32] = []
        var sort: [UInt32] = []
        var signature: [UInt32] = []
    }

    public init(shingles: ShingleKind, hasher: MinHasher, text: TextPipeline.Options) throws(TextError) {
        self.shingles = shingles
        self.hasher = hasher
        pipeline = try TextPipeline(options: text)
    }

    /// Sketches `text` and appends the sketch to `store`.
    ///
    /// - Complexity: O(*b*) in the text's bytes for the pipeline, plus O(*n*) to hash and sort *n*
    ///   shingles and the signature cost of `MinHasher`.
    public func sketch(_ text: String, into store: inout SketchStore) throws(TextError) {
        // The scratch buffers move into locals for the work: appending to a class's stored
        // property from a closure costs a dynamic exclusivity check per token; to a local, none.
        var hashes = self.hashes, characters = self.characters
        (self.hashes, self.characters) = ([], [])
        defer { (self.hashes, self.characters) = (hashes, characters) }
        ids.removeAll()
        characters.removeAll(keepingCapacity: true)
        var copy = text
        var characterTokens = 0
        let outcome = copy.withUTF8 { buffer in
            Result { () throws(TextError) in
                if case .characters = shingles {
                    try pipeline.forEachToken(in: buffer) { token in
                        characterTokens += 1
                        if !characters.isEmpty { characters.append(0x20) }
                        characters.append(contentsOf: pipeline.text(of: token).utf8)
                    }
                } else {
                    try pipeline.appendTokenIDs(in: buffer, to: ids)
                }
            }
        }
        try outcome.get()
        // The count is known, so the hashes are written in place, without a check per append.
        let (length, tokenCount): (Int, Int)
        switch shingles {
        case .words: (length, tokenCount) = (ids.count, ids.count)
        case .characters: (length, tokenCount) = (characters.count, characterTokens)
        }
        let count = Shingles.count(length: length, n: shingles.width)
        hashes.ensureCount(count)
        hashes.withUnsafeMutableBufferPointer { output in
            var written = 0
            switch shingles {
            case .words(let n):
                ids.withUnsafeBufferPointer { Shingles.forEachWordShingle($0, n: n) { output[written] = $0; written += 1 } }
            case .characters(let n):
                characters.withUnsafeBufferPointer { Shingles.forEachCharacterShingle($0, n: n) { output[written] = $0; written += 1 } }
            }
        }
        hashes.withUnsafeBufferPointer { all in
            appendSketch(ofShingles: UnsafeBufferPointer(rebasing: all[..<count]), tokenCount: tokenCount, to: &store)
        }
    }

    /// Appends to `store` the sketch of a document with shingle hashes `shingles` and `tokenCount`
    /// words: its signature and its sorted distinct fingerprints.
    ///
    /// - Complexity: O(*n*) for *n* shingles (a radix sort), plus the signature cost of `MinHasher`.
    public func appendSketch(ofShingles shingles: [UInt64], tokenCount: Int, to store: inout SketchStore) {
        shingles.withUnsafeBufferPointer { appendSketch(ofShingles: $0, tokenCount: tokenCount, to: &store) }
    }

    /// `appendSketch` over a buffer of shingle hashes (the sketching loop's scratch buffer).
    func appendSketch(ofShingles shingles: UnsafeBufferPointer<UInt64>, tokenCount: Int, to store: inout SketchStore) {
        var scratch = self.scratch
        self.scratch = Scratch()
        defer { self.scratch = scratch }
        if scratch.signature.count != hasher.slots { scratch.signature = [UInt32](repeating: MinHasher.empty, count: hasher.slots) }
        scratch.signature.withUnsafeMutableBufferPointer { hasher.sign(shingles, into: $0) }
        scratch.fingerprints.ensureCount(shingles.count)
        scratch.sort.ensureCount(shingles.count)
        let distinct = scratch.fingerprints.withUnsafeMutableBufferPointer { fingerprints in
            scratch.sort.withUnsafeMutableBufferPointer { sort in
                for (index, hash) in shingles.enumerated() { fingerprints[index] = ShingleSet.fingerprint(hash) }
                return ShingleSet.sortUnique(UnsafeMutableBufferPointer(rebasing: fingerprints[..<shingles.count]), scratch: sort)
            }
        }
        scratch.fingerprints.withUnsafeBufferPointer { fingerprints in
            scratch.signature.withUnsafeBufferPointer { signature in
                store.append(fingerprints: UnsafeBufferPointer(rebasing: fingerprints[..<distinct]), signature: signature,
                             tokenCount: tokenCount)
            }
        }
    }
}

extension Array where Element: FixedWidthInteger {
    /// Grows a scratch array to hold at least `count` elements (doubling, zero-filled); never shrinks.
    mutating func ensureCount(_ count: Int) {
        if self.count < count { self = Self(repeating: 0, count: count * 2) }
    }
}
