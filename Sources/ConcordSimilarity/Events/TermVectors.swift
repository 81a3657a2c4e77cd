#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Weighted term vectors of a corpus, fitted on the corpus itself: each term weighs
/// (1 + ln tf) × idf, idf = ln((1 + N) / (1 + df)) + 1 over the N documents, and each vector is
/// scaled to length 1, so the dot product of two vectors is their cosine. Terms are numbered by
/// the order of their ids, so each document's terms stay sorted and a cosine is one merge.
public struct TermVectors: Sendable {
    /// Per document, its terms (numbers into the corpus vocabulary) in increasing order.
    public private(set) var terms: [UInt32] = []
    public private(set) var weights: [Float] = []
    public private(set) var offsets: [Int] = [0]

    public var count: Int { offsets.count - 1 }

    /// The positions of document `index`'s terms in `terms` and `weights`.
    public func range(_ index: Int) -> Range<Int> { offsets[index]..<offsets[index + 1] }

    /// Vectors for the documents of `table`, weighted by the document frequencies `vocabulary`
    /// counted over `documentCount` documents.
    ///
    /// - Complexity: O(*t* log *v*) for *t* term entries and a vocabulary of *v* terms.
    init(_ table: TermCountTable, vocabulary: Vocabulary) {
        terms.reserveCapacity(table.terms.count)
        weights.reserveCapacity(table.terms.count)
        offsets.reserveCapacity(table.count + 1)
        for document in 0..<table.count {
            let range = table.range(document)
            var squares: Float = 0
            for position in range {
                let number = vocabulary.number(of: table.terms[position])
                let weight: Float = (1 + logf(Float(table.counts[position]))) * vocabulary.idf[Int(number)]
                terms.append(number)
                weights.append(weight)
                squares += weight * weight
            }
            if squares > 0 {
                let scale = 1 / squares.squareRoot()
                for position in (weights.count - range.count)..<weights.count { weights[position] *= scale }
            }
            offsets.append(terms.count)
        }
    }

    /// The cosine of documents `a` and `b` (0 when either is empty).
    ///
    /// - Complexity: O(*n*a + *n*b).
    public func cosine(_ a: Int, _ b: Int) -> Float {
        cosine(a, with: self, b)
    }

    /// The cosine of document `a` of these vectors and document `b` of `other` (same vocabulary).
    func cosine(_ a: Int, with other: TermVectors, _ b: Int) -> Float {
        var i = offsets[a], j = other.offsets[b]
        let endA = offsets[a + 1], endB = other.offsets[b + 1]
        var sum: Float = 0
        while i < endA && j < endB {
            let x = terms[i], y = other.terms[j]
            if x == y {
                sum += weights[i] * other.weights[j]
                i += 1
                j += 1
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// The terms of a corpus, numbered in the order of their ids, with their idf.
    struct Vocabulary {
        /// Distinct term ids, sorted.
        let ids: [UInt64]
        let idf: [Float]

        /// The vocabulary of `tables` (a document's terms are those of all tables), with
        /// document frequencies counted over the documents.
        ///
        /// - Complexity: O(*t* log *t*) for *t* term entries.
        init(_ tables: [TermCountTable]) {
            let documents = tables.first?.count ?? 0
            var frequency: [UInt64: Int32] = [:]
            var seen: [UInt64] = []
            for document in 0..<documents {
                seen.removeAll(keepingCapacity: true)
                for table in tables { seen.append(contentsOf: table.terms[table.range(document)]) }
                seen.sort()
                var previous: UInt64?
                for term in seen where term != previous {
                    frequency[term, default: 0] += 1
                    previous = term
                }
            }
            ids = frequency.keys.sorted()
            let n = Double(documents)
            idf = ids.map { id -> Float in
                let documentFrequency = Double(frequency[id]!)
                let ratio: Double = (1 + n) / (1 + documentFrequency)
                return Float(log(ratio) + 1)
            }
        }

        /// The number of term `id`, which must be in the vocabulary.
        ///
        /// - Complexity: O(log *v*).
        func number(of id: UInt64) -> UInt32 {
            var low = 0, high = ids.count
            while low < high {
                let middle = (low + high) / 2
                if ids[middle] < id { low = middle + 1 } else { high = middle }
            }
            return UInt32(low)
        }
    }
}
