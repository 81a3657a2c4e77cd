internal import Foundation
import ConcordText

/// How likely two sentences are to say the same thing: the alignment score the diff uses to pair
/// sentences across reports.
///
/// The score is a logistic combination of five lexical features of the pair (see ``Features``),
/// computed over the words of the text pipeline (the same tokens the word diff compares, in their
/// plain normalized form) with light suffix stripping. The weights were fitted on the
/// Microsoft Research Paraphrase Corpus (MSRP) training split, where deciding at
/// ``defaultThreshold`` agreed with the human labels on 75.8% of pairs in 5-fold cross-validation;
/// on the pipeline's tokens, 75.7% of the training pairs (the recipe and its alternatives are in
/// `docs/RESEARCH.md`).
///
///     let similarity = SentenceSimilarity()
///     try similarity.score("Rockets hit the base on Monday.", "The base was hit by rockets on Monday.")
public struct SentenceSimilarity: Sendable {
    /// The score at or above which a pair is judged to say the same thing.
    public static let defaultThreshold = 0.5

    /// A similarity measure with the weights fitted on MSRP.
    public init() {}

    /// The alignment score of a sentence pair, from 0 to 1; symmetric in its arguments.
    ///
    /// A pair in which either sentence has no letters or digits scores 0.
    ///
    /// - Parameters:
    ///   - a: one sentence.
    ///   - b: the other sentence.
    ///   - profiler: the profiler to measure them with; `nil` makes one for this pair. Reuse one
    ///     to score many pairs: it measures each distinct word once.
    /// - Returns: the probability-like score; compare it with ``defaultThreshold`` to decide.
    /// - Throws: `TextError` when ICU fails on a word.
    /// - Complexity: O(*n* + *m* + *w*·*v*) for sentences of *n* and *m* characters and *w* and *v*
    ///   words (the word-level longest common subsequence dominates for long sentences).
    public func score(_ a: String, _ b: String, profiler: Profiler? = nil) throws(TextError) -> Double {
        try features(a, b, profiler: profiler).map(score(of:)) ?? 0
    }

    /// The score of a pair whose features are known: the logistic function of their weighted sum.
    ///
    /// - Parameter features: the features of a pair, as ``features(_:_:)`` computes them.
    /// - Returns: a score from 0 to 1.
    /// - Complexity: O(1).
    public func score(of features: Features) -> Double {
        let z = Weight.bias + Weight.wordOverlap * features.wordOverlap
            + Weight.wordTrigramOverlap * features.wordTrigramOverlap
            + Weight.characterTrigramJaccard * features.characterTrigramJaccard
            + Weight.unsharedNumbers * Double(features.unsharedNumbers)
            + Weight.commonSubsequence * features.commonSubsequence
        return 1 / (1 + exp(-z))
    }

    /// The logistic weights, fitted on MSRP train; the decision threshold is folded into the bias.
    enum Weight {
        static let bias = -3.45
        static let wordOverlap = 2.93
        /// Negative: in MSRP, near-verbatim pairs where one sentence adds a fact are labelled
        /// different, so long shared word runs beyond what `wordOverlap` explains count against.
        static let wordTrigramOverlap = -2.05
        static let characterTrigramJaccard = 2.81
        static let unsharedNumbers = -0.17
        static let commonSubsequence = 2.96
    }
}
