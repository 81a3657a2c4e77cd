import ConcordCorpus
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
        pipeline = TextPipeline(options: text)
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

    /// Sketches `document`'s text into `store` and counts the terms of its text and title into
    /// `terms` (events mode).
    ///
    /// Terms are read with every word name-folded (`NameFoldingScope.all`), so a word is one term
    /// whether or not it is capitalized: title-case headlines and sentence openings meet the same
    /// words in running text, and transliteration variants of a name still meet. (Folding only
    /// capitalized words, as the shingles do, splits every title-case word from its lowercase
    /// twin: pairwise F1 on `neus_train` fell from 0.67 to 0.64.)
    ///
    /// - Parameter readsDates: take the document's date (else every day is `nil`).
    /// - Complexity: that of `sketch(_:into:)`, plus one more pass of the pipeline over the text
    ///   and title and O(*n*) to count *n* tokens.
    func sketch(_ document: Document, into store: inout SketchStore, terms: inout EventTerms.Batch, readsDates: Bool) throws(TextError) {
        try sketch(document.text, into: &store)
        let scratch = try eventScratch()
        try Self.appendTokenIDs(of: document.text, to: scratch.body, with: scratch.pipeline)
        try Self.appendTokenIDs(of: document.title ?? "", to: scratch.title, with: scratch.pipeline)
        let day = readsDates ? document.date.flatMap(CalendarDay.days(fromISO8601:)) : nil
        if readsDates && document.date != nil && day == nil { terms.unreadableDates += 1 }
        scratch.body.withUnsafeBufferPointer { body in
            scratch.title.withUnsafeBufferPointer { title in
                terms.appendDocument(body: body, title: title, day: day, counter: &scratch.counter)
            }
        }
    }

    /// The pipeline and buffers for counting a document's terms.
    private final class EventScratch {
        let pipeline: TextPipeline
        let body = TokenIDBuffer()
        let title = TokenIDBuffer(capacity: 64)
        var counter = TokenCounter()

        init(clean: Bool) throws(TextError) {
            pipeline = TextPipeline(options: TextPipeline.Options(clean: clean, nameFolding: .all))
        }
    }
    private var events: EventScratch?

    private func eventScratch() throws(TextError) -> EventScratch {
        if let events { return events }
        let created = try EventScratch(clean: pipeline.options.clean)
        events = created
        return created
    }

    private static func appendTokenIDs(of text: String, to buffer: TokenIDBuffer, with pipeline: TextPipeline) throws(TextError) {
        buffer.removeAll()
        var copy = text
        let outcome = copy.withUTF8 { bytes in Result { () throws(TextError) in try pipeline.appendTokenIDs(in: bytes, to: buffer) } }
        try outcome.get()
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
