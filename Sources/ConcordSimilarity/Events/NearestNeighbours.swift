/// One of a document's nearest neighbours.
public struct Neighbour: Sendable, Equatable {
    public var document: Int32
    public var cosine: Float
}

/// Each document's nearest neighbours by cosine, found without comparing every pair (prefix
/// filtering, after Bayardo et al. 2007): every document is posted under its `topTerms`
/// highest-weighted terms; a document's candidates are the documents posted under its own top
/// terms, ranked by the part of the dot product those terms give; the best candidates are scored
/// exactly and the `count` best kept. Terms posted for more than `postingCap` documents are too
/// common to tell events apart and propose no candidates (they still count in every cosine).
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
        public var postingCap = 2000

        public init() {}
    }

    /// - Parameters:
    ///   - vectors: the documents' term vectors.
    ///   - threads: worker threads; the result is the same for any count.
    ///   - allowed: whether two documents may be neighbours (not copies of each other, dated
    ///     within the window).
    /// - Complexity: O(*n* · *t* · *c*) postings visited for *n* documents, *t* top terms and
    ///   postings of at most *c*, plus O(*e* · *m*) for *e* exact candidates of *m* terms each.
    public init(vectors: TermVectors, parameters: Parameters, threads: Int, allowed: (Int, Int) -> Bool) {
        let documentCount = vectors.count
        let top = (0..<documentCount).map { Self.topTerms(of: $0, in: vectors, count: parameters.topTerms) }
        let postings = Postings(top: top, vocabularySize: Int((vectors.terms.max() ?? 0)) + 1)
        let chunk = max(256, (documentCount + threads * 8 - 1) / (threads * 8))
        let parts = (documentCount + chunk - 1) / chunk
        let found = parallelMap(parts, threads: threads) { part -> [[Neighbour]] in
            var accumulator = [Float](repeating: 0, count: documentCount)
            var touched: [Int32] = []
            var lists: [[Neighbour]] = []
            for document in (part * chunk)..<min(documentCount, (part + 1) * chunk) {
                touched.removeAll(keepingCapacity: true)
                for (term, weight) in top[document] {
                    let range = postings.range(term)
                    guard range.count <= parameters.postingCap else { continue }
                    for position in range {
                        let other = Int(postings.documents[position])
                        guard other != document, allowed(document, other) else { continue }
                        if accumulator[other] == 0 { touched.append(Int32(other)) }
                        accumulator[other] += weight * postings.weights[position]
                    }
                }
                var candidates = touched.map { Neighbour(document: $0, cosine: accumulator[Int($0)]) }
                for other in touched { accumulator[Int(other)] = 0 }
                candidates.sort(by: Self.precedes)
                var exact = candidates.prefix(parameters.exactCandidates).map {
                    Neighbour(document: $0.document, cosine: vectors.cosine(document, Int($0.document)))
                }
                exact.sort(by: Self.precedes)
                lists.append(Array(exact.prefix(parameters.count)))
            }
            return lists
        }
        lists = found.flatMap { $0 }
    }

    /// Higher cosine first, then the earlier document.
    static func precedes(_ x: Neighbour, _ y: Neighbour) -> Bool {
        x.cosine != y.cosine ? x.cosine > y.cosine : x.document < y.document
    }

    /// Document `index`'s `count` highest-weighted terms with their weights (ties: lower term).
    static func topTerms(of index: Int, in vectors: TermVectors, count: Int) -> [(UInt32, Float)] {
        let entries = vectors.range(index).map { (vectors.terms[$0], vectors.weights[$0]) }
        let sorted = entries.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return Array(sorted.prefix(count))
    }

    /// For each term, the documents posted under it with their weight for it, in document order.
    struct Postings {
        var documents: [Int32] = []
        var weights: [Float] = []
        var offsets: [Int]

        init(top: [[(UInt32, Float)]], vocabularySize: Int) {
            var counts = [Int](repeating: 0, count: vocabularySize + 1)
            for terms in top { for (term, _) in terms { counts[Int(term) + 1] += 1 } }
            for index in 1..<counts.count { counts[index] += counts[index - 1] }
            offsets = counts
            documents = [Int32](repeating: 0, count: counts.last ?? 0)
            weights = [Float](repeating: 0, count: counts.last ?? 0)
            var next = counts
            for (document, terms) in top.enumerated() {
                for (term, weight) in terms {
                    let position = next[Int(term)]
                    documents[position] = Int32(document)
                    weights[position] = weight
                    next[Int(term)] += 1
                }
            }
        }

        func range(_ term: UInt32) -> Range<Int> { offsets[Int(term)]..<offsets[Int(term) + 1] }
    }
}
