import ConcordText

/// A word-level difference between two texts, as hunks that cover both texts in order.
///
/// Words are compared by their normalized ids (`TextPipeline`), so case, quote style, diacritics
/// and transliteration variants of a name are not differences; the characters between words are
/// kept with the word that follows them. Applying the hunks to the old text gives the new text
/// exactly, whitespace included.
public struct WordDiff: Sendable, Equatable {
    public enum Hunk: Sendable, Equatable {
        /// The same bytes in both texts.
        case same(old: Range<Int>, new: Range<Int>)
        /// The same words written differently (case, quotes, punctuation, spacing, spelling of a
        /// name): not a difference by default.
        case restyled(old: Range<Int>, new: Range<Int>)
        /// Old text that the new one does not have.
        case deleted(old: Range<Int>)
        /// New text that the old one does not have.
        case inserted(new: Range<Int>)
    }

    /// A passage deleted in one place and inserted, word for word, in another: one move, not a
    /// deletion plus an insertion. `old` is the deleted hunk's range, `new` the inserted one's.
    public struct Move: Sendable, Equatable {
        public var old: Range<Int>
        public var new: Range<Int>
    }

    /// Runs of fewer words than this are not reported as moves (a repeated "the" is no move).
    public static let minimumMoveWords = 4

    public let old: String
    public let new: String
    public let hunks: [Hunk]
    public let moves: [Move]
    /// False when a stretch of the texts differed too much to search exhaustively
    /// (``searchLimit``): the hunks still rebuild the new text exactly, but may show more change
    /// than a shortest diff would. Callers say so to the user.
    public let isExact: Bool

    /// The most word edits one Myers search explores between two anchors before settling for
    /// the furthest point it reached: bounds two unrelated 50,000-word texts to about a second.
    public static let searchLimit = 2_048

    /// Whether the texts differ in their words (restyling does not count).
    public var hasChanges: Bool {
        hunks.contains { if case .deleted = $0 { return true }; if case .inserted = $0 { return true }; return false }
    }

    /// The share of the longer text, by bytes, in hunks the texts have in common (same or
    /// restyled): 1 for texts with the same words, near 0 for a rewrite.
    ///
    /// - Complexity: O(*h*) for *h* hunks.
    public var unchangedShare: Double {
        let longer = max(old.utf8.count, new.utf8.count)
        guard longer > 0 else { return 1 }
        let kept = hunks.reduce(0) { total, hunk in
            switch hunk {
            case .same(let a, let b), .restyled(let a, let b): total + max(a.count, b.count)
            case .deleted, .inserted: total
            }
        }
        return Double(kept) / Double(longer)
    }

    /// The normalization a diff compares words with: no cleaning (every byte of both texts is
    /// covered), and name folding of every capitalized word wherever it stands, so that an edit
    /// which moves a sentence boundary does not change the words after it.
    public static let pipelineOptions = TextPipeline.Options(clean: false, nameFolding: .capitalized)

    /// Compares `old` with `new`.
    ///
    /// - Parameters:
    ///   - pipeline: the normalization that decides which words are equal; made with
    ///     `pipelineOptions`.
    ///   - cleanup: absorb short equal runs stranded between changes (`SemanticCleanup`); off, the
    ///     script is minimal.
    ///   - searchLimit: the most word edits one search explores (see ``isExact``).
    ///   - progress: told how many bytes of the two texts were read (of how many), then once that
    ///     the words are being aligned (`nil`).
    /// - Complexity: O(*b*) to read *b* bytes, plus O((*n* + *m*) · *d*) for *n* and *m* words and
    ///   *d* word edits within the stretches between anchors (`AnchoredDiff`).
    public init(old: String, new: String, pipeline: TextPipeline, cleanup: Bool = true,
                searchLimit: Int = WordDiff.searchLimit,
                progress: (_ bytesRead: (done: Int, total: Int)?) -> Void = { _ in }) throws(TextError) {
        let total = old.utf8.count + new.utf8.count
        let oldAtoms = try Atoms(old, pipeline: pipeline) { progress((done: $0, total: total)) }
        let newAtoms = try Atoms(new, pipeline: pipeline) { progress((done: old.utf8.count + $0, total: total)) }
        progress(nil)
        self.init(old: old, new: new, oldAtoms: oldAtoms, newAtoms: newAtoms, cleanup: cleanup, searchLimit: searchLimit)
    }

    /// Compares two texts already tokenized with `pipelineOptions` (token ids agree across
    /// pipelines), as `Collation` keeps its sentences: the tokens are read, not made again.
    ///
    /// - Complexity: O((*n* + *m*) · *d*) for *n* and *m* words and *d* word edits within the
    ///   stretches between anchors (`AnchoredDiff`).
    init(old: TokenizedText, new: TokenizedText, cleanup: Bool = true, searchLimit: Int = WordDiff.searchLimit) {
        self.init(old: old.text, new: new.text, oldAtoms: Atoms(old), newAtoms: Atoms(new), cleanup: cleanup, searchLimit: searchLimit)
    }

    private init(old: String, new: String, oldAtoms: Atoms, newAtoms: Atoms, cleanup: Bool, searchLimit: Int) {
        self.old = old
        self.new = new
        var hunks: [Hunk] = []
        func append(_ hunk: Hunk) {
            switch (hunks.last, hunk) {
            case let (.same(a, b)?, .same(c, d)) where a.upperBound == c.lowerBound && b.upperBound == d.lowerBound:
                hunks[hunks.count - 1] = .same(old: a.lowerBound..<c.upperBound, new: b.lowerBound..<d.upperBound)
            case let (.restyled(a, b)?, .restyled(c, d)) where a.upperBound == c.lowerBound && b.upperBound == d.lowerBound:
                hunks[hunks.count - 1] = .restyled(old: a.lowerBound..<c.upperBound, new: b.lowerBound..<d.upperBound)
            case let (.deleted(a)?, .deleted(c)) where a.upperBound == c.lowerBound:
                hunks[hunks.count - 1] = .deleted(old: a.lowerBound..<c.upperBound)
            case let (.inserted(b)?, .inserted(d)) where b.upperBound == d.lowerBound:
                hunks[hunks.count - 1] = .inserted(new: b.lowerBound..<d.upperBound)
            default:
                hunks.append(hunk)
            }
        }
        func pair(_ a: Range<Int>, _ b: Range<Int>) {
            guard !(a.isEmpty && b.isEmpty) else { return }
            let equal = oldAtoms.utf8[a].elementsEqual(newAtoms.utf8[b])
            append(equal ? .same(old: a, new: b) : .restyled(old: a, new: b))
        }
        let script = AnchoredDiff.script(oldAtoms.keys, newAtoms.keys, searchLimit: searchLimit)
        let steps = cleanup ? SemanticCleanup.apply(script.steps) : script.steps
        isExact = script.isExact
        for step in steps {
            switch step {
            case .equal(let a, let b, let count):
                for index in 0..<count { pair(oldAtoms.ranges[a + index], newAtoms.ranges[b + index]) }
            case .delete(let a, let count):
                append(.deleted(old: oldAtoms.span(a, count)))
            case .insert(let b, let count):
                append(.inserted(new: newAtoms.span(b, count)))
            }
        }
        pair(oldAtoms.tail, newAtoms.tail)
        self.hunks = hunks
        moves = Self.moves(in: steps, old: oldAtoms, new: newAtoms)
    }

    /// Deleted and inserted runs with the same words, paired in order of appearance.
    ///
    /// - Complexity: O(*r*² · *w*) for *r* deleted and inserted runs of *w* words.
    static func moves(in steps: [EditStep], old: Atoms, new: Atoms) -> [Move] {
        var insertions: [(b: Int, count: Int)] = steps.compactMap {
            if case .insert(let b, let count) = $0, count >= minimumMoveWords { return (b, count) }
            return nil
        }
        var moves: [Move] = []
        for step in steps {
            guard case .delete(let a, let count) = step, count >= minimumMoveWords else { continue }
            guard let match = insertions.firstIndex(where: {
                $0.count == count && old.keys[a..<(a + count)].elementsEqual(new.keys[$0.b..<($0.b + count)])
            }) else { continue }
            moves.append(Move(old: old.span(a, count), new: new.span(insertions[match].b, count)))
            insertions.remove(at: match)
        }
        return moves
    }

    /// The new text rebuilt from the old one and the hunks: what the diff says to keep, plus what
    /// it says to add.
    public func applied() -> String {
        let oldBytes = Array(old.utf8), newBytes = Array(new.utf8)
        var result: [UInt8] = []
        for hunk in hunks {
            switch hunk {
            case .same(let a, _): result.append(contentsOf: oldBytes[a])
            case .restyled(_, let b), .inserted(let b): result.append(contentsOf: newBytes[b])
            case .deleted: break
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

/// A text cut into atoms for diffing: each word with the characters before it, then the tail after
/// the last word. Atoms tile the text.
struct Atoms {
    let utf8: [UInt8]
    private(set) var keys: [UInt64] = []
    private(set) var ranges: [Range<Int>] = []
    private(set) var tail: Range<Int>

    /// - Complexity: O(*w*) for *w* tokens.
    init(_ text: TokenizedText) {
        self.init(utf8: text.utf8)
        keys.reserveCapacity(text.tokens.count)
        ranges.reserveCapacity(text.tokens.count)
        for token in text.tokens { append(word: token.range, id: token.id) }
    }

    /// Reads `text`'s word ranges and ids alone (`TextPipeline.forEachWordID`), which is all a
    /// diff compares: the same atoms as from its tokens, in a fraction of the time.
    ///
    /// `bytesRead` hears how far the reading is, every 65,536 words.
    ///
    /// - Complexity: O(*b*) for *b* bytes, plus one normalization per spelling the pipeline has not seen.
    init(_ text: String, pipeline: TextPipeline, bytesRead: (Int) -> Void) throws(TextError) {
        let bytes = Array(text.utf8)
        var atoms = Atoms(utf8: bytes)
        try bytes.withUnsafeBufferPointer { (buffer) throws(TextError) in
            try pipeline.forEachWordID(in: buffer) { range, id in
                atoms.append(word: range, id: id)
                if atoms.keys.count & 0xFFFF == 0 { bytesRead(range.upperBound) }
            }
        }
        self = atoms
    }

    /// No atoms yet: the whole text is the tail.
    private init(utf8: [UInt8]) {
        self.utf8 = utf8
        tail = 0..<utf8.count
    }

    /// Adds the word at `word` with the characters between it and the previous word.
    private mutating func append(word: Range<Int>, id: UInt64) {
        keys.append(id)
        ranges.append(tail.lowerBound..<word.upperBound)
        tail = word.upperBound..<utf8.count
    }

    /// The bytes of `count` atoms from `first`.
    func span(_ first: Int, _ count: Int) -> Range<Int> { ranges[first].lowerBound..<ranges[first + count - 1].upperBound }
}
