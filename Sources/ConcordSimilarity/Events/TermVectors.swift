#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Weighted term vectors of a corpus, fitted on the corpus itself: each term weighs
/// (1 + ln tf) × idf, idf = ln((1 + N) / (1 + df)) + 1 over the N documents, and each vector is
/// scaled to length 1, so the dot product of two vectors is their cosine, computed against one
/// of them spread out over the vocabulary (`dot(_:dense:)`).
public struct TermVectors: Sendable {
    /// Per document, its terms (numbers into the corpus vocabulary) in the order they first occur.
    public private(set) var terms: [UInt32] = []
    public private(set) var weights: [Float] = []
    public private(set) var offsets: [Int] = [0]
    /// The number of terms in the corpus vocabulary: terms are numbered below it.
    public var vocabularySize: Int { documentFrequencies.count }
    /// Per term, the number of documents that hold it.
    public let documentFrequencies: [Int32]

    public var count: Int { offsets.count - 1 }

    /// The positions of document `index`'s terms in `terms` and `weights`.
    public func range(_ index: Int) -> Range<Int> { offsets[index]..<offsets[index + 1] }

    /// Vectors for the documents of `table`, whose terms are numbered by `numbers`; the table's
    /// term array moves into the vectors (the table is left empty), so the largest array of
    /// events mode is never held twice.
    ///
    /// - Complexity: O(*t*) for *t* term entries, plus O(*v*) for a vocabulary of *v* terms.
    init(_ table: inout TermCountTable<UInt32>, numbers: TermNumbers) {
        let n = Double(table.count)
        let idf = numbers.documentFrequencies.map { frequency -> Float in
            let ratio: Double = (1 + n) / (1 + Double(frequency))
            return Float(log(ratio) + 1)
        }
        let counts = table.counts
        documentFrequencies = numbers.documentFrequencies
        offsets = table.offsets
        terms = table.takeTerms()
        weights = [Float](repeating: 0, count: terms.count)
        for document in 0..<(offsets.count - 1) {
            let range = offsets[document]..<offsets[document + 1]
            var squares: Float = 0
            for position in range {
                let weight: Float = (1 + logf(Float(counts[position]))) * idf[Int(terms[position])]
                weights[position] = weight
                squares += weight * weight
            }
            guard squares > 0 else { continue }
            let scale = 1 / squares.squareRoot()
            for position in range { weights[position] *= scale }
        }
    }

    /// The dot product of document `index` with a vector spread out over the vocabulary
    /// (`dense[term]` is its weight for the term): the cosine, when that vector is a document's.
    ///
    /// - Complexity: O(*n*) in the document's terms.
    func dot(_ index: Int, dense: [Float]) -> Float {
        var sum: Float = 0
        for position in range(index) { sum += weights[position] * dense[Int(terms[position])] }
        return sum
    }

    /// The cosine of documents `a` and `b` (0 when either is empty), with `dense` (all zeros,
    /// `vocabularySize` long, and left so) to spread `a` out in.
    ///
    /// - Complexity: O(*n*a + *n*b).
    func cosine(_ a: Int, _ b: Int, dense: inout [Float]) -> Float {
        let own = range(a)
        for position in own { dense[Int(terms[position])] = weights[position] }
        defer { for position in own { dense[Int(terms[position])] = 0 } }
        return dot(b, dense: dense)
    }
}
