/// Where one document landed.
public struct ClusterAssignment: Sendable, Equatable {
    /// Cluster number: clusters are numbered 0, 1, 2, … in the input order of their first member.
    public var cluster: Int
    /// The member most similar to the rest of its cluster (highest summed verified score; ties go
    /// to the longer document, then input order).
    public var representative: Int
    /// The member's exact score against the representative (1 for the representative itself).
    public var similarity: Double
}

/// Agglomerative clustering with average linkage over the graph of verified pairs.
///
/// Every document starts alone. Two clusters are candidates for merging when a verified pair links
/// them; their average linkage is the mean exact score over all their member pairs, computed from
/// the shingle sets (so a pair LSH happened to miss still counts with its true score). Repeatedly
/// the candidate pair with the highest average merges, as long as it reaches the threshold. So a
/// cluster only grows by documents that match most of its members: in a chain A ~ B ~ C where A and
/// C are unrelated, C joins {A, B} only if (score(A, C) + score(B, C)) / 2 reaches the threshold.
/// Connected components, the peers' rule, would merge the chain, and a long chain of weak links
/// into a giant cluster. For clusters so large that |X|·|Y| exceeds `exactPairBudget`, pairs that
/// were not verified count as 0 (a lower bound), to bound the work.
public enum AverageLinkage {
    /// Largest |X|·|Y| for which all cross pairs are scored exactly.
    public static let exactPairBudget = 4096

    /// The cluster root of every one of `count` documents.
    ///
    /// - Parameters:
    ///   - count: number of documents.
    ///   - pairs: verified pairs, each with its exact score.
    ///   - threshold: the smallest average linkage at which two clusters merge.
    ///   - score: the exact score of two documents.
    /// - Complexity: O(*p* log *p*) heap work for *p* pairs, plus up to `exactPairBudget` exact
    ///   scores per considered merge (each computed once).
    public static func cluster(count: Int, pairs: [ScoredPair], threshold: Double,
                               score: (Int, Int) -> Double) -> [Int] {
        var parent = Array(0..<count)
        var members = (0..<count).map { [$0] }
        var neighbours = [Set<Int>](repeating: [], count: count)   // clusters linked by a verified pair
        var version = [Int](repeating: 0, count: count)
        var known: [UInt64: Double] = [:]
        for pair in pairs {
            let a = Int(pair.first), b = Int(pair.second)
            known[key(a, b)] = Double(pair.score)
            neighbours[a].insert(b)
            neighbours[b].insert(a)
        }
        func pairScore(_ a: Int, _ b: Int, exact: Bool) -> Double {
            if let value = known[key(a, b)] { return value }
            guard exact else { return 0 }
            let value = score(a, b)
            known[key(a, b)] = value
            return value
        }
        func linkage(_ x: Int, _ y: Int) -> Double {
            let exact = members[x].count * members[y].count <= exactPairBudget
            var sum = 0.0
            for a in members[x] { for b in members[y] { sum += pairScore(a, b, exact: exact) } }
            return sum / Double(members[x].count * members[y].count)
        }
        var heap = MergeHeap()
        for pair in pairs where Double(pair.score) >= threshold {
            heap.push(MergeHeap.Candidate(average: Double(pair.score), first: Int(pair.first), second: Int(pair.second),
                                          firstVersion: 0, secondVersion: 0))
        }
        while let best = heap.pop() {
            guard best.average >= threshold else { break }
            let a = best.first, b = best.second
            guard parent[a] == a, parent[b] == b, version[a] == best.firstVersion, version[b] == best.secondVersion else { continue }
            let (keep, drop) = members[a].count >= members[b].count ? (a, b) : (b, a)
            parent[drop] = keep
            members[keep].append(contentsOf: members[drop])
            members[drop] = []
            neighbours[keep].formUnion(neighbours[drop])
            neighbours[keep].remove(keep)
            neighbours[keep].remove(drop)
            for other in neighbours[drop] where other != keep {
                neighbours[other].remove(drop)
                neighbours[other].insert(keep)
            }
            neighbours[drop] = []
            version[keep] += 1
            for other in neighbours[keep].sorted() {
                let average = linkage(keep, other)
                guard average >= threshold else { continue }
                let (first, second) = keep < other ? (keep, other) : (other, keep)
                heap.push(MergeHeap.Candidate(average: average, first: first, second: second,
                                              firstVersion: version[first], secondVersion: version[second]))
            }
        }
        return (0..<count).map { document in
            var node = document
            while parent[node] != node { node = parent[node] }
            return node
        }
    }

    static func key(_ a: Int, _ b: Int) -> UInt64 { UInt64(min(a, b)) << 32 | UInt64(max(a, b)) }

    /// Numbers the clusters found by `cluster` and picks representatives.
    ///
    /// - Parameters:
    ///   - roots: the cluster root of each document, from `cluster`.
    ///   - pairs: the verified pairs.
    ///   - sizes: each document's number of distinct shingles.
    ///   - score: the exact score of two documents (for members without a verified pair to the
    ///     representative).
    public static func assignments(roots: [Int], pairs: [ScoredPair], sizes: [Int],
                                   score: (Int, Int) -> Double) -> [ClusterAssignment] {
        var strength = [Double](repeating: 0, count: roots.count)
        var known: [UInt64: Double] = [:]
        for pair in pairs where roots[Int(pair.first)] == roots[Int(pair.second)] {
            strength[Int(pair.first)] += Double(pair.score)
            strength[Int(pair.second)] += Double(pair.score)
            known[UInt64(pair.first) << 32 | UInt64(pair.second)] = Double(pair.score)
        }
        var representative: [Int: Int] = [:]
        for document in roots.indices {
            let root = roots[document]
            guard let current = representative[root] else { representative[root] = document; continue }
            let better = strength[document] != strength[current] ? strength[document] > strength[current]
                : sizes[document] != sizes[current] ? sizes[document] > sizes[current] : document < current
            if better { representative[root] = document }
        }
        var number: [Int: Int] = [:]
        return roots.indices.map { document in
            let root = roots[document]
            let cluster = number[root] ?? number.count
            number[root] = cluster
            let center = representative[root]!
            let similarity: Double
            if center == document {
                similarity = 1
            } else {
                let key = UInt64(min(center, document)) << 32 | UInt64(max(center, document))
                similarity = known[key] ?? score(center, document)
            }
            return ClusterAssignment(cluster: cluster, representative: center, similarity: similarity)
        }
    }
}

/// A max-heap of merge candidates, ordered by average linkage, then by the smaller ids, so equal
/// averages always merge in the same order.
struct MergeHeap {
    struct Candidate {
        var average: Double
        var first: Int
        var second: Int
        var firstVersion: Int
        var secondVersion: Int

        func precedes(_ other: Candidate) -> Bool {
            if average != other.average { return average > other.average }
            if first != other.first { return first < other.first }
            return second < other.second
        }
    }

    private var items: [Candidate] = []

    mutating func push(_ candidate: Candidate) {
        items.append(candidate)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].precedes(items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Candidate? {
        guard !items.isEmpty else { return nil }
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var best = parent
                if left < items.count && items[left].precedes(items[best]) { best = left }
                if right < items.count && items[right].precedes(items[best]) { best = right }
                if best == parent { break }
                items.swapAt(parent, best)
                parent = best
            }
        }
        return top
    }
}
