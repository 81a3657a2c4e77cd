/// One word of a text after the pipeline: where it is in the source and what it means for matching.
public struct Token: Equatable, Sendable {
    /// UTF-8 byte offsets into the source text (the original, not the cleaned text).
    public var range: Range<Int>
    /// Index of the term in the pipeline's vocabulary (`TextPipeline.term(_:)`); per pipeline.
    public var term: Int32
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
    public let cleaner = ScrapeCleaner()
    private let segmenter: WordSegmenter
    private let normalizer: WordNormalizer
    private let vocabulary = TermVocabulary()

    public init(options: Options = Options()) throws(TextError) {
        self.options = options
        segmenter = try WordSegmenter()
        normalizer = try WordNormalizer()
    }

    /// The term behind a token's `term` index.
    public func term(_ index: Int32) -> TermInfo { vocabulary.terms[Int(index)] }

    /// The normalized text of a token.
    public func text(of token: Token) -> String { vocabulary.terms[Int(token.term)].text }

    /// The byte ranges of `text` that the pipeline reads: the cleaner's kept lines, or everything.
    public func readableRanges(of text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        options.clean ? cleaner.clean(text).kept : [0..<text.count]
    }

    /// Calls `body` with every token of `text`, in order, skipping cleaned-out lines and dropped
    /// name articles. Tokens whose normalized form is empty (a lone ʿ) are skipped too.
    ///
    /// - Complexity: O(*n*) in the bytes of the text, plus one normalization per new spelling.
    public func forEachToken(
        in text: UnsafeBufferPointer<UInt8>, _ body: (Token) -> Void
    ) throws(TextError) {
        var pending: (token: Token, flags: SpellingFlags)?
        for range in readableRanges(of: text) {
            try segmenter.forEachWord(in: text, range: range) { (word) throws(TextError) in
                let raw = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[word.start..<word.end])
                let entry = try vocabulary.entry(raw: raw) { () throws(TextError) in
                    try makeTerm(raw: UnsafeBufferPointer(rebasing: text[word.start..<word.end]))
                }
                let info = vocabulary.terms[Int(entry.term)]
                let token = Token(range: word.start..<word.end, term: entry.term, id: info.id)
                if let previous = pending {
                    pending = nil
                    if !dropsArticle(previous, before: token, flags: entry.flags, in: text) {
                        emit(previous.token, body)
                    }
                }
                if entry.flags.contains(.article) {
                    pending = (token, entry.flags)
                } else {
                    emit(token, body)
                }
            }
        }
        if let previous = pending { emit(previous.token, body) }
    }

    /// Every token of `text`.
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

    @inline(__always)
    private func emit(_ token: Token, _ body: (Token) -> Void) {
        if !vocabulary.terms[Int(token.term)].text.isEmpty { body(token) }
    }

    /// Whether the article `article` joins `next` as part of one name and so is dropped.
    private func dropsArticle(
        _ article: (token: Token, flags: SpellingFlags), before next: Token, flags: SpellingFlags,
        in text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        switch options.nameFolding {
        case .none: return false
        case .all: return true
        case .properNames:
            let gap = UnsafeBufferPointer(rebasing: text[article.token.range.upperBound..<next.range.lowerBound])
            if NameFolding.isHyphen(gap) { return true }
            return article.flags.contains(.spacedArticle) && flags.contains(.capitalized)
                && gap.allSatisfy { $0 == 0x20 }
        }
    }

    /// Normalizes and (where the scope says so) name-folds a raw spelling.
    private func makeTerm(raw: UnsafeBufferPointer<UInt8>) throws(TextError) -> (text: String, flags: SpellingFlags) {
        let string = String(decoding: raw, as: UTF8.self)
        let normalized = try normalizer.normalize(string)
        var flags: SpellingFlags = []
        let capitalized = string.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
        if capitalized { flags.insert(.capitalized) }
        let folds: Bool
        switch options.nameFolding {
        case .none:
            return (normalized.text, flags)
        case .all:
            folds = true
        case .properNames:
            folds = (capitalized || normalized.fromNonLatinScript) && !NameFolding.isFunctionWord(normalized.text)
        }
        if NameFolding.isArticle(normalized.text) {
            flags.insert(.article)
            if capitalized && NameFolding.isSpacedArticle(normalized.text) { flags.insert(.spacedArticle) }
        }
        guard folds else { return (normalized.text, flags) }
        return (NameFolding.fold(normalized.text, fromNonLatinScript: normalized.fromNonLatinScript), flags)
    }
}
