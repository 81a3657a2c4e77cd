/// One document of an index that matches a query document.
public struct IndexMatch: Sendable, Equatable {
    /// Position of the matching document in the index.
    public var document: Int
    public var score: Double
}

/// Finds, for new documents, the documents of an existing index they overlap with: LSH buckets of
/// the index are built once, each query document's band keys are looked up, and every candidate
/// is verified on the exact shingle sets.
public struct IndexQuery: Sendable {
    public let index: SketchStore
    public let bands: BandParameters
    private let buckets: [[UInt64: [Int32]]]

    /// Builds the band buckets of `index`.
    ///
    /// - Complexity: O(*m* · *b*) for *m* indexed documents and *b* bands.
    public init(index: SketchStore, bands: BandParameters) {
        self.index = index
        self.bands = bands
        var buckets = [[UInt64: [Int32]]](repeating: [:], count: bands.bands)
        for document in 0..<index.count where index.shingleCount(document) > 0 {
            for band in 0..<bands.bands {
                buckets[band][CandidatePairs.bandKey(index, document: document, band: band, rows: bands.rows), default: []]
                    .append(Int32(document))
            }
        }
        self.buckets = buckets
    }

    /// The indexed documents that query document `document` of `queries` matches at `threshold`,
    /// best first (ties in index order).
    ///
    /// - Complexity: O(*b* + Σ verification) for *b* bands.
    public func matches(of document: Int, in queries: SketchStore, measure: OverlapMeasure, threshold: Double) -> [IndexMatch] {
        guard queries.shingleCount(document) > 0 else { return [] }
        var candidates = Set<Int32>()
        for band in 0..<bands.bands {
            let key = CandidatePairs.bandKey(queries, document: document, band: band, rows: bands.rows)
            if let members = buckets[band][key] { candidates.formUnion(members) }
        }
        var found: [IndexMatch] = []
        queries.withFingerprints(document) { query in
            for candidate in candidates {
                let score = index.withFingerprints(Int(candidate)) { indexed in
                    measure.score(common: ShingleSet.intersectionCount(query, indexed), a: query.count, b: indexed.count)
                }
                if score >= threshold { found.append(IndexMatch(document: Int(candidate), score: score)) }
            }
        }
        return found.sorted { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
    }
}
