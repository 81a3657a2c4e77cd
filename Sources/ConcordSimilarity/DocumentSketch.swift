import ConcordText

/// What similarity search keeps of one document: its distinct shingle fingerprints (sorted) for
/// exact verification, and its MinHash signature for LSH.
public struct DocumentSketch: Sendable, Equatable {
    public var fingerprints: [UInt32]
    public var signature: [UInt32]
    /// Words the pipeline produced (after cleaning, normalization and name folding).
    public var tokenCount: Int

    public init(fingerprints: [UInt32], signature: [UInt32], tokenCount: Int) {
        self.fingerprints = fingerprints
        self.signature = signature
        self.tokenCount = tokenCount
    }

}

/// Builds sketches: text pipeline → shingle hashes → fingerprints and signature, reusing scratch
/// buffers between documents. Not thread-safe (owns a `TextPipeline`): one per thread.
public final class DocumentSketcher {
    public let shingles: ShingleKind
    public let hasher: MinHasher
    private let pipeline: TextPipeline
    private var ids: [UInt64] = []
    private var hashes: [UInt64] = []
    private var characters: [UInt8] = []
    private var sortScratch: [UInt32] = []

    public init(shingles: ShingleKind, hasher: MinHasher, text: TextPipeline.Options) throws(TextError) {
        self.shingles = shingles
        self.hasher = hasher
        pipeline = try TextPipeline(options: text)
    }

    /// The sketch of `text`.
    ///
    /// - Complexity: O(*b*) in the text's bytes for the pipeline, plus O(*n* log *n*) to sort *n*
    ///   shingles and the signature cost of `MinHasher`.
    public func sketch(_ text: String) throws(TextError) -> DocumentSketch {
        // The scratch buffers move into locals for the work: appending to a class's stored
        // property from a closure costs a dynamic exclusivity check per token; to a local, none.
        var ids = self.ids, hashes = self.hashes, characters = self.characters
        (self.ids, self.hashes, self.characters) = ([], [], [])
        defer { (self.ids, self.hashes, self.characters) = (ids, hashes, characters) }
        ids.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        characters.removeAll(keepingCapacity: true)
        var copy = text
        let outcome = copy.withUTF8 { buffer in
            Result { () throws(TextError) in
                if case .characters = shingles {
                    try pipeline.forEachToken(in: buffer) { token in
                        if !characters.isEmpty { characters.append(0x20) }
                        characters.append(contentsOf: pipeline.text(of: token).utf8)
                    }
                } else {
                    try pipeline.appendTokenIDs(in: buffer, to: &ids)
                }
            }
        }
        try outcome.get()
        switch shingles {
        case .words(let n):
            ids.withUnsafeBufferPointer { buffer in Shingles.forEachWordShingle(buffer, n: n) { hashes.append($0) } }
        case .characters(let n):
            characters.withUnsafeBufferPointer { buffer in Shingles.forEachCharacterShingle(buffer, n: n) { hashes.append($0) } }
        }
        var signature = [UInt32](repeating: MinHasher.empty, count: hasher.slots)
        hashes.withUnsafeBufferPointer { buffer in
            signature.withUnsafeMutableBufferPointer { hasher.sign(buffer, into: $0) }
        }
        var fingerprints = hashes.map(ShingleSet.fingerprint)
        let distinct = ShingleSet.sortUnique(&fingerprints, scratch: &sortScratch)
        fingerprints.removeSubrange(distinct...)
        return DocumentSketch(fingerprints: fingerprints, signature: signature, tokenCount: ids.count)
    }
}
