import ConcordText

/// A text read once by the compare pipeline (`WordDiff.pipelineOptions`): its bytes and its tokens
/// with source offsets, normalized terms and ids.
///
/// `Collation` makes one per sentence and hands the same value to everything on the diff path
/// that reads the sentence: the word diff against each other report's sentence (the ids and
/// offsets) and the number and name comparison. A sentence is thus tokenized once, however many
/// reports it is compared with (it was tokenized twice per comparison before).
struct TokenizedText: Sendable {
    /// The text.
    let text: String
    /// Its UTF-8 bytes, which the tokens' ranges index.
    let utf8: [UInt8]
    /// Its tokens, in order.
    let tokens: [Token]

    /// Tokenizes `text`.
    ///
    /// - Complexity: O(*n*) in the bytes of the text, plus one normalization per spelling the
    ///   pipeline has not seen.
    init(_ text: String, pipeline: TextPipeline) throws(TextError) {
        self.text = text
        utf8 = Array(text.utf8)
        tokens = try pipeline.tokens(in: text)
    }
}
