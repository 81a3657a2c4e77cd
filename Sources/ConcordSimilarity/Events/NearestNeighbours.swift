/// One of a document's nearest neighbours.
public struct Neighbour: Sendable, Equatable, Ranked {
    public var document: Int32
    public var cosine: Float

    /// Higher cosine first, then the earlier document.
    static func precedes(_ x: Neighbour, _ y: Neighbour) -> Bool {
        x.cosine != y.cosine ? x.cosine > y.cosine : x.document < y.document
    }
}

/// A term of a document with its weight.
struct WeightedTerm: Ranked {
    var term: UInt32
    var weight: Float

    /// Higher weight first, then the lower term.
    static func precedes(_ x: WeightedTerm, _ y: WeightedTerm) -> Bool {
        x.weight != y.weight ? x.weight > y.weight : x.term < y.term
    }
}

/// Each document's nearest neighbours by cosine, found without comparing every pair (prefix
/// filtering, after Bayardo et al. 2007): every document is posted under its `topTerms`
/// highest-weighted terms; a document's candidates are the documents posted under its own top
/// terms, ranked by the part of the dot product those terms give; the best candidates are scored
/// exactly and the `count` best kept. Terms held by more than `postingCap` documents are too
/// common to tell events apart, and terms no other document holds cannot match: neither is
/// posted (both still count in every cosine).
///
/// Each document's list depends on the vectors only, never on the thread count.
public struct NearestNeighbours: Sendable {
    /// Per document, its neighbours, best first (equal cosines in input order).
    public let lists: [[Neighbour]]

    public struct Parameters: Sendable, Equatable, Codable {
        /// Neighbours kept per document.
        public var count = 10
        /// Highest-weighted terms under which each document is posted and searched.
        public var topTerms = 24
        /// Candidates scored exactly per document.
        public var exactCandidates = 40
        /// Terms posted for more documents than this propose no candidates.
        public var postingCap = 200

        public init() {}

        /// Keys as `MatchingSettings` writes them (lowercase, hyphenated).
        enum CodingKeys: String, CodingKey {
            case count, topTerms = "top-terms", exactCandidates = "exact-candidates", postingCap = "posting-cap"
        }
    }

    /// - Parameters:
    ///   - vectors: the documents' term vectors.
    ///   - threads: worker threads; the result is the same for any count.
    ///   - days: each document's day (days since 1970-01-01), or `nil`.
    ///   - dateWindow: documents dated more than this many days apart are never neighbours
    ///     (`nil`: dates are ignored); a document without a day may neighbour any.
    /// - Complexity: O(*n* · *t* · *c*) postings visited for *n* documents, *t* top terms and
    ///   postings of at most *c*, plus O(*e* · *m*) for *e* exact candidates of *m* terms each.
    public init(vectors: TermVectors, parameters: Parameters, threads: Int, days: [Int32?], dateWindow: Int?) {
        // Days span ±2^31, so a wider window admits every date; a negative one counts as 0.
        let dateWindow = dateWindow.map { min(max($0, 0), Int(UInt32.max)) }
        let documentCount = vectors.count
        let top = (0..<documentCount).map { Self.topTerms(of: $0, in: vectors, parameters: parameters) }
        let vocabularySize = vectors.vocabularySize
        let postings = Postings(top: top, vocabularySize: vocabularySize)
        let chunk = max(256, (documentCount + threads * 8 - 1) / (threads * 8))
        let parts = (documentCount + chunk - 1) / chunk
        let found = parallelMap(parts, threads: threads) { part -> [[Neighbour]] in
            var accumulator = [Float](repeating: 0, count: documentCount)
            var dense = [Float](repeating: 0, count: vocabularySize)
            var touched: [Int32] = []
            var best = Best<Neighbour>(count: parameters.exactCandidates)
            var lists: [[Neighbour]] = []
            for document in (part * chunk)..<min(documentCount, (part + 1) * chunk) {
                touched.removeAll(keepingCapacity: true)
                let window = dateWindow.flatMap { window in days[document].map { (Int($0) - window)...(Int($0) + window) } }
                for entry in top[document] {
                    let range = postings.range(entry.term)
                    for position in range {
                        let other = Int(postings.documents[position])
                        guard other != document else { continue }
                        if let window, let day = days[other], !window.contains(Int(day)) { continue }
                        if accumulator[other] == 0 { touched.append(Int32(other)) }
                        accumulator[other] += entry.weight * postings.weights[position]
                    }
                }
                best.removeAll()
                for other in touched {
                    best.insert(Neighbour(document: other, cosine: accumulator[Int(other)]))
                    accumulator[Int(other)] = 0
                }
                // Exact cosines against the document spread out densely: one lookup per term of
                // the candidate, where a merge of two sorted lists branches on every step.
                let own = vectors.range(document)
                for position in own { dense[Int(vectors.terms[position])] = vectors.weights[position] }
                var exact = best.sorted().map { Neighbour(document: $0.document, cosine: vectors.dot(Int($0.document), dense: dense)) }
                for position in own { dense[Int(vectors.terms[position])] = 0 }
                exact.sort(by: Neighbour.precedes)
                lists.append(Array(exact.prefix(parameters.count)))
            }
            return lists
        }
        lists = found.flatMap { $0 }
    }


    /// Document `index`'s `topTerms` highest-weighted terms with their weights (ties: lower term)
    /// among those that can propose a candidate: held by another document, and by no more than
    /// `postingCap` documents. (A word no other report holds weighs the most and can never match.)
    static func topTerms(of index: Int, in vectors: TermVectors, parameters: Parameters) -> [WeightedTerm] {
        var best = Best<WeightedTerm>(count: parameters.topTerms)
        let frequencies = vectors.documentFrequencies, shared = 2...Int32(clamping: max(2, parameters.postingCap))
        for position in vectors.range(index) where shared.contains(frequencies[Int(vectors.terms[position])]) {
            best.insert(WeightedTerm(term: vectors.terms[position], weight: vectors.weights[position]))
        }
        return best.sorted()
    }

    /// For each term, the documents posted under it with their weight for it, in document order.
    struct Postings {
        var documents: [Int32] = []
        var weights: [Float] = []
        var offsets: [Int]

        init(top: [[WeightedTerm]], vocabularySize: Int) {
            var counts = [Int](repeating: 0, count: vocabularySize + 1)
            for terms in top { for entry in terms { counts[Int(entry.term) + 1] += 1 } }
            for index in 1..<counts.count { counts[index] += counts[index - 1] }
            offsets = counts
            documents = [Int32](repeating: 0, count: counts.last ?? 0)
            weights = [Float](repeating: 0, count: counts.last ?? 0)
            var next = counts
            for (document, terms) in top.enumerated() {
                for entry in terms {
                    let position = next[Int(entry.term)]
                    documents[position] = Int32(document)
                    weights[position] = entry.weight
                    next[Int(entry.term)] += 1
                }
            }
        }

        func range(_ term: UInt32) -> Range<Int> { offsets[Int(term)]..<offsets[Int(term) + 1] }
    }
}
