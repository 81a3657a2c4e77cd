/// One word of a text after the pipeline: where it is in the source and what it means for matching.
public struct Token: Equatable, Sendable {
    /// UTF-8 byte offsets into the source text (the original, not the cleaned text).
    public var range: Range<Int>
    /// Index of the term in the pipeline's vocabulary (its text: `TextPipeline.text(of:)`); per
    /// pipeline.
    public var term: Int32
    /// Index of the word's plain normalized form, before name folding:
    /// the same as `term` for a word that is not folded. Measures of wording that must not turn
    /// a capitalized common word into a name skeleton read this one.
    public var plainTerm: Int32
    /// Stable id of the normalized form; equal in every process and on every machine.
    public var id: UInt64
}

/// Which words name folding applies to.
public enum NameFoldingScope: String, Sendable, CaseIterable {
    /// No name folding: words are only normalized.
    case none
    /// Words capitalized in the source or written in a non-Latin script, except English function
    /// words; name articles ("al", "el", "ez", …) are dropped when hyphenated to the next word
    /// (al-Mayadin) or when a capitalized "Al"/"El" precedes a capitalized word (Al Mayadin).
    case properNames = "proper-names"
    /// Like `properNames`, but every capitalized word is folded wherever it stands, so a word's
    /// form never depends on whether it starts a sentence: the diff uses this, since an edit that
    /// moves a sentence boundary must not change the words after it.
    case capitalized
    /// Every word (for lists of names, as `concord key` reads them); an article is dropped whenever
    /// a word follows it.
    case all
}

/// The text pipeline: cleaning, word segmentation, normalization and name folding, producing tokens
/// with offsets into the source.
///
/// Each distinct raw spelling is normalized once (see `TermVocabulary`), so on ordinary English
/// text the per-token cost is a hash, a probe and a byte compare; ICU is called only for words
/// with characters outside ASCII and common punctuation, once per distinct spelling.
///
/// Not thread-safe: it owns ICU handles and caches. Use one pipeline per thread; token ids agree
/// across pipelines, term indices do not.
public final class TextPipeline {
    public struct Options: Sendable, Equatable {
        /// Remove script fragments and page furniture lines first.
        public var clean: Bool
        public var nameFolding: NameFoldingScope

        public init(clean: Bool = true, nameFolding: NameFoldingScope = .properNames) {
            self.clean = clean
            self.nameFolding = nameFolding
        }
    }

    public let options: Options
    package let cleaner = ScrapeCleaner()
    private let segmenter: WordSegmenter
    private let normalizer: WordNormalizer
    private let vocabulary = TermVocabulary()

    /// A pipeline with `options`. ICU's services are opened when a text first needs them.
    public init(options: Options = Options()) {
        self.options = options
        segmenter = WordSegmenter()
        normalizer = WordNormalizer()
    }

    /// The normalized text of a token.
    public func text(of token: Token) -> String { vocabulary.terms[Int(token.term)].text }

    /// The text of term `term` (a token's `term` or `plainTerm`).
    package func text(ofTerm term: Int32) -> String { vocabulary.terms[Int(term)].text }

    /// Receives one token from a scan: its byte range, its term and plain term (-1 for a plain
    /// word emitted by its hash alone), and its id.
    private typealias Emit = (Range<Int>, _ term: Int32, _ plainTerm: Int32, _ id: UInt64) -> Void

    /// The byte ranges of `text` that the pipeline reads: the cleaner's kept lines, or everything.
    package func readableRanges(of text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        options.clean ? cleaner.clean(text).kept : [0..<text.count]
    }

    /// Calls `body` with every token of `text`, in order, skipping cleaned-out lines and dropped
    /// name articles. Tokens whose normalized form is empty (a lone ʿ) are skipped too.
    ///
    /// - Complexity: O(*n*) in the bytes of the text, plus one normalization per new spelling.
    package func forEachToken(
        in text: UnsafeBufferPointer<UInt8>, _ body: (Token) -> Void
    ) throws(TextError) {
        try scan(text, plainWordsByHash: false) { range, term, plainTerm, id in
            body(Token(range: range, term: term, plainTerm: plainTerm, id: id))
        }
    }

    /// Calls `body` with the byte range and id of every token of `text`: those of `forEachToken`,
    /// in the same order, without the terms. A plain word (not a name article) is its own
    /// normalized form, so it is hashed, not looked up (unless every word is name-folded).
    ///
    /// - Complexity: O(*n*) in the bytes of the text, plus one normalization per new spelling.
    package func forEachWordID(
        in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, UInt64) -> Void
    ) throws(TextError) {
        try scan(text, plainWordsByHash: options.nameFolding != .all) { range, _, _, id in body(range, id) }
    }

    /// Appends the id of every token of `text` to `ids`: the same ids, in the same order, as
    /// `forEachToken`, faster. A plain word (lowercase ASCII letters and digits) that is not a name
    /// article is its own normalized form, so its id is the hash of its bytes: no vocabulary
    /// lookup, no lookahead (unless every word is name-folded: then it is looked up like any
    /// other). On lines of ASCII and common punctuation, plain and capitalized words are found
    /// eight bytes at a time (`WordSegmenter.plainWordEnd`) and hashed from the register; other
    /// words take the full path.
    ///
    /// - Complexity: O(*n*) in the bytes of the text, plus one normalization per new spelling.
    package func appendTokenIDs(in text: UnsafeBufferPointer<UInt8>, to ids: TokenIDBuffer) throws(TextError) {
        var cursor = ids.reserve(1)
        defer { ids.commit(cursor) }
        // The write position is reached through a pointer: a local variable that `emit` captured
        // would be boxed, and every write to it checked for exclusivity at run time.
        try withUnsafeMutablePointer(to: &cursor) { (cursor) throws(TextError) in
            try appendTokenIDs(in: text, to: ids, at: cursor)
        }
    }

    /// `appendTokenIDs`, writing at `cursor.pointee` (a position `ids` reserved) and advancing it.
    private func appendTokenIDs(
        in text: UnsafeBufferPointer<UInt8>, to ids: TokenIDBuffer, at cursor: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>
    ) throws(TextError) {
        func emit(_: Range<Int>, _: Int32, _: Int32, _ id: UInt64) {
            cursor.pointee.initialize(to: id)
            cursor.pointee += 1
        }
        // Folding every word, a plain word is looked up like any other; the scan stays fast.
        let plainWordsByHash = options.nameFolding != .all
        var pending: Occurrence?
        let classes = segmenter.classTable
        for line in readableRanges(of: text) {
            // Room for every word of the line and the pending word before it.
            ids.commit(cursor.pointee)
            cursor.pointee = ids.reserve(line.count + 2)
            guard WordSegmenter.isSimple(text, line) else {
                try scanLine(text, line, plainWordsByHash: plainWordsByHash, pending: &pending, emit)
                continue
            }
            var index = line.lowerBound
            var previousEnd: Int?
            let end = line.upperBound
            while index < end {
                if index + 8 <= end {
                    let gap = WordSegmenter.gapPrefixLength(WordSegmenter.load8(text, at: index))
                    index += gap
                    if gap == 8 { continue }
                }
                let first = classes[Int(text[index])]
                guard first.continuesWord else {
                    index += WordSegmenter.nonWordLength(text, at: index, end: end, first)
                    continue
                }
                // A plain word, or a capital and a plain rest ("Trump"): the common shapes.
                let capitalized = first == .upper
                if first.isPlain || capitalized,
                   let wordEnd = WordSegmenter.plainWordEnd(text, from: capitalized ? index + 1 : index, end: end, classes: classes) {
                    let count = wordEnd - index
                    let hash: UInt64, article: Bool
                    if count < 8 && index + 8 <= end {
                        let word = WordSegmenter.load8(text, at: index)
                        hash = StableHash.hash(word: word, count: count)
                        article = NameFolding.isArticle(word: word, count: count)
                    } else if count < 16 && index + 16 <= end {
                        hash = StableHash.hash(first: WordSegmenter.load8(text, at: index),
                                               second: WordSegmenter.load8(text, at: index + 8), count: count)
                        article = false   // articles are one to three letters
                    } else {
                        let raw = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[index..<wordEnd])
                        hash = StableHash.hash(raw)
                        article = NameFolding.isArticle(raw)
                    }
                    if plainWordsByHash && !capitalized && Self.standsAlone(article: article, before: wordEnd, in: text, end: end) {
                        acceptPlain(index..<wordEnd, in: text, pending: &pending, emit)
                        cursor.pointee.initialize(to: hash)
                        cursor.pointee += 1
                    } else {
                        try acceptLookedUp(index..<wordEnd, hash: hash, in: text, previousEnd: previousEnd, pending: &pending, emit)
                    }
                    previousEnd = wordEnd
                    index = wordEnd
                    continue
                }
                let word = WordSegmenter.simpleWord(text, from: index, end: end, classes: classes)
                try accept(word, in: text, previousEnd: previousEnd, plainWordsByHash: plainWordsByHash, pending: &pending, emit)
                previousEnd = word.end
                index = word.end
            }
        }
        if let previous = pending {
            ids.commit(cursor.pointee)
            cursor.pointee = ids.reserve(1)
            finish(previous, next: nil, gap: UnsafeBufferPointer(start: nil, count: 0), emit)
        }
    }

    @inline(__always)
    private func scan(
        _ text: UnsafeBufferPointer<UInt8>, plainWordsByHash: Bool, _ emit: Emit
    ) throws(TextError) {
        var pending: Occurrence?
        for line in readableRanges(of: text) {
            try scanLine(text, line, plainWordsByHash: plainWordsByHash, pending: &pending, emit)
        }
        if let previous = pending { finish(previous, next: nil, gap: UnsafeBufferPointer(start: nil, count: 0), emit) }
    }

    /// Every word of one readable line through `accept`.
    private func scanLine(
        _ text: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, plainWordsByHash: Bool, pending: inout Occurrence?,
        _ emit: Emit
    ) throws(TextError) {
        var previousEnd: Int?   // end of the previous word of this line, whichever path it took
        try segmenter.forEachWord(in: text, range: line) { (word) throws(TextError) in
            try accept(word, in: text, previousEnd: previousEnd, plainWordsByHash: plainWordsByHash, pending: &pending, emit)
            previousEnd = word.end
        }
    }

    /// Takes one word: a plain non-article word (when `plainWordsByHash`) is emitted at once with
    /// the hash of its bytes; any other word is looked up and waits in `pending` for its successor.
    @inline(__always)
    private func accept(
        _ word: WordSegment, in text: UnsafeBufferPointer<UInt8>, previousEnd: Int?, plainWordsByHash: Bool,
        pending: inout Occurrence?, _ emit: Emit
    ) throws(TextError) {
        let raw = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[word.start..<word.end])
        if plainWordsByHash && word.isPlain
            && Self.standsAlone(article: NameFolding.isArticle(raw), before: word.end, in: text, end: text.count) {
            acceptPlain(word.start..<word.end, in: text, pending: &pending, emit)
            emit(word.start..<word.end, -1, -1, StableHash.hash(raw))
            return
        }
        try acceptLookedUp(word.start..<word.end, hash: StableHash.hash(raw), in: text, previousEnd: previousEnd,
                           pending: &pending, emit)
    }

    /// Takes a word that needs the vocabulary (`hash` is `StableHash` of its bytes): it settles
    /// the pending word and waits in `pending` for its own successor.
    @inline(__always)
    private func acceptLookedUp(
        _ range: Range<Int>, hash: UInt64, in text: UnsafeBufferPointer<UInt8>, previousEnd: Int?,
        pending: inout Occurrence?, _ emit: Emit
    ) throws(TextError) {
        let raw = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[range])
        let sentenceStart = previousEnd.map { Self.endsSentence(UnsafeBufferPointer(rebasing: text[$0..<range.lowerBound])) } ?? true
        let entry = try vocabulary.entry(raw: raw, hash: hash) { () throws(TextError) in
            try makeSpelling(String(decoding: raw, as: UTF8.self))
        }
        let current = Occurrence(range: range, entry: entry, sentenceStart: sentenceStart)
        if let previous = pending {
            finish(previous, next: current, gap: UnsafeBufferPointer(rebasing: text[previous.range.upperBound..<range.lowerBound]), emit)
        }
        pending = current
    }

    /// Settles the pending word, if any, now that a plain word at `range` follows it.
    @inline(__always)
    private func acceptPlain(
        _ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>, pending: inout Occurrence?,
        _ emit: Emit
    ) {
        guard let previous = pending else { return }
        let plain = Occurrence(range: range, entry: Self.plainEntry, sentenceStart: false)
        finish(previous, next: plain, gap: UnsafeBufferPointer(rebasing: text[previous.range.upperBound..<range.lowerBound]), emit)
        pending = nil
    }

    /// Whether a plain word ending at `wordEnd` in `text` is its own token, whatever its
    /// neighbours: it is not a name `article`, or it is one that no hyphen joins to the next word
    /// (a lowercase article joins a name only across a hyphen: al-Mayadin). `end` bounds the
    /// lookahead.
    @inline(__always)
    static func standsAlone(article: Bool, before wordEnd: Int, in text: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
        !article || wordEnd >= end || (text[wordEnd] != UInt8(ascii: "-") && text[wordEnd] != 0xE2)
    }

    /// What a plain lowercase word is to its neighbours: no flags.
    private static let plainEntry = TermVocabulary.Entry(term: -1, foldedTerm: -1, id: 0, foldedID: 0, flags: [],
                                                         textIsEmpty: false, foldedIsEmpty: false)

    /// A word seen in the text, waiting for the next one to decide how it is folded.
    private struct Occurrence {
        var range: Range<Int>
        var entry: TermVocabulary.Entry
        var sentenceStart: Bool
    }

    /// Emits `occurrence` now that the word after it (if any) is known.
    @inline(__always)
    private func finish(_ occurrence: Occurrence, next: Occurrence?, gap: UnsafeBufferPointer<UInt8>,
                        _ emit: Emit) {
        let entry = occurrence.entry
        let flags = entry.flags
        let folds: Bool
        switch options.nameFolding {
        case .none:
            folds = false
        case .all:
            if flags.contains(.article) && next != nil { return }
            folds = true
        case .properNames:
            if flags.contains(.article), let next, joinsName(flags, next: next.entry.flags, gap: gap) { return }
            folds = flags.contains(.nonLatin) || (flags.isCapitalizedName
                && (!occurrence.sentenceStart || (next.map { $0.entry.flags.isCapitalizedName && !$0.sentenceStart } ?? false)))
        case .capitalized:
            if flags.contains(.article), let next, joinsName(flags, next: next.entry.flags, gap: gap) { return }
            folds = flags.contains(.nonLatin) || flags.isCapitalizedName
        }
        if folds {
            if !entry.foldedIsEmpty { emit(occurrence.range, entry.foldedTerm, entry.term, entry.foldedID) }
        } else if !entry.textIsEmpty {
            emit(occurrence.range, entry.term, entry.term, entry.id)
        }
    }

    /// Whether an article joins the next word into one name: hyphenated to a capitalized or
    /// non-Latin word (al-Mayadin), or a capitalized Al/El before a capitalized word (Al Mayadin).
    private func joinsName(_ article: SpellingFlags, next: SpellingFlags, gap: UnsafeBufferPointer<UInt8>) -> Bool {
        let nextIsName = next.contains(.capitalized) || next.contains(.nonLatin)
        if NameFolding.isHyphen(gap) { return nextIsName }
        return article.contains(.spacedArticle) && next.contains(.capitalized) && gap.count == 1 && gap[0] == 0x20
    }

    /// Whether the bytes between two words end a sentence (., !, ? or a line break).
    static func endsSentence(_ gap: UnsafeBufferPointer<UInt8>) -> Bool {
        gap.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "?") || $0 == 0x0A }
    }

    /// Every token of `text`, in order, skipping cleaned-out lines, dropped name articles and
    /// words whose normalized form is empty.
    ///
    /// - Complexity: O(*n*) in the bytes of the text, plus one normalization per new spelling.
    public func tokens(in text: String) throws(TextError) -> [Token] {
        var copy = text
        let outcome = copy.withUTF8 { buffer in
            Result { () throws(TextError) -> [Token] in
                var result: [Token] = []
                try forEachToken(in: buffer) { result.append($0) }
                return result
            }
        }
        return try outcome.get()
    }

    /// Normalizes a raw spelling and name-folds it.
    private func makeSpelling(_ raw: String) throws(TextError) -> Spelling {
        let normalized = try normalizer.normalize(raw)
        var flags: SpellingFlags = []
        if raw.unicodeScalars.first?.properties.isUppercase == true { flags.insert(.capitalized) }
        if normalized.fromNonLatinScript { flags.insert(.nonLatin) }
        if NameFolding.isFunctionWord(normalized.text) { flags.insert(.functionWord) }
        if !normalized.arabicScript && NameFolding.isArticle(normalized.text) {
            flags.insert(.article)
            if NameFolding.isSpacedArticle(normalized.text) && flags.contains(.capitalized) { flags.insert(.spacedArticle) }
        }
        guard mayFold(flags) else { return Spelling(text: normalized.text, foldedText: normalized.text, flags: flags) }
        let folded = NameFolding.fold(normalized.nameForm, arabicScript: normalized.arabicScript, context: .inText)
        return Spelling(text: normalized.text, foldedText: folded.text, flags: flags)
    }

    /// Whether a word with `flags` can ever be emitted name-folded under these options (`finish`
    /// folds only these), so that the folded form of any other word is never computed.
    private func mayFold(_ flags: SpellingFlags) -> Bool {
        switch options.nameFolding {
        case .none: false
        case .all: true
        case .properNames, .capitalized: flags.contains(.nonLatin) || flags.isCapitalizedName
        }
    }
}
