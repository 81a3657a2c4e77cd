/// A verified pair: two documents and their exact overlap score.
public struct ScoredPair: Sendable, Equatable {
    public var first: Int32
    public var second: Int32
    public var score: Float

    public init(first: Int32, second: Int32, score: Float) {
        self.first = first
        self.second = second
        self.score = score
    }
}

/// Checks candidate pairs against the exact shingle sets and keeps those at or above a threshold,
/// so no false positive from LSH reaches the output.
public enum Verification {
    /// The candidates whose `measure` score is at least `threshold`, in candidate order. Candidates
    /// whose signatures agree on fewer than `minimumAgreement` slots are dropped before the exact
    /// check (see `MatchingSettings.jaccardFloor`).
    ///
    /// - Complexity: O(Σ (*n*a + *n*b)) over the candidate pairs, split across `threads`.
    public static func verify(_ candidates: [UInt64], store: SketchStore, measure: OverlapMeasure,
                              threshold: Double, threads: Int, minimumAgreement: Int = 0) -> [ScoredPair] {
        let chunkSize = 1 << 14
        let chunks = (candidates.count + chunkSize - 1) / chunkSize
        let verified = parallelMap(chunks, threads: threads) { chunk in
            var kept: [ScoredPair] = []
            store._withUnsafeHandle { store in
                for pair in candidates[(chunk * chunkSize)..<min(candidates.count, (chunk + 1) * chunkSize)] {
                    let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
                    if store.agreeingSlots(a, b) < minimumAgreement { continue }
                    let score = store.score(a, b, measure: measure)
                    if score >= threshold { kept.append(ScoredPair(first: Int32(a), second: Int32(b), score: Float(score))) }
                }
            }
            return kept
        }
        return Array(verified.joined())
    }
}
