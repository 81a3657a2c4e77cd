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

/// Agglomerative clustering with average linkage over the sparse graph of verified pairs.
///
/// Every document starts alone. Repeatedly, the two clusters with the highest average linkage
/// merge, as long as that average reaches the threshold. The average linkage of clusters X and Y is
/// the sum of verified scores between their members divided by |X|·|Y|: member pairs that were
/// never verified (or scored below the threshold) count as 0. So a cluster only grows by documents
/// that match most of its members: in a chain A ~ B ~ C where A and C are unrelated, C joins {A, B}
/// only if score(B, C) alone is at least twice the threshold. Connected components, the peers'
/// rule, would merge the chain, and a long chain of weak links into a giant cluster.
public enum AverageLinkage {
    /// The cluster of every one of `count` documents.
    ///
    /// - Parameters:
    ///   - count: number of documents.
    ///   - pairs: verified pairs, each with its exact score.
    ///   - threshold: the smallest average linkage at which two clusters merge.
    ///   - sizes: each document's number of distinct shingles (tie-break for representatives).
    /// - Complexity: O(*p* log *p*) for *p* pairs (each merge moves the smaller cluster's links).
    public static func cluster(count: Int, pairs: [ScoredPair], threshold: Double, sizes: [Int]) -> [Int] {
        var parent = Array(0..<count)            // union-find over documents
        var memberCount = [Int](repeating: 1, count: count)
        var links = [[Int: Double]](repeating: [:], count: count)   // cluster root → (root → summed score)
        var version = [Int](repeating: 0, count: count)
        var heap = MergeHeap()
        for pair in pairs where Double(pair.score) >= threshold {
            let a = Int(pair.first), b = Int(pair.second)
            links[a][b, default: 0] += Double(pair.score)
            links[b][a, default: 0] += Double(pair.score)
        }
        for a in 0..<count {
            for (b, sum) in links[a] where a < b {
                heap.push(MergeHeap.Candidate(average: sum, first: a, second: b, firstVersion: 0, secondVersion: 0))
            }
        }
        while let best = heap.pop() {
            guard best.average >= threshold else { break }
            let a = best.first, b = best.second
            guard parent[a] == a, parent[b] == b, version[a] == best.firstVersion, version[b] == best.secondVersion else { continue }
            // Merge the cluster with fewer links into the other; the survivor keeps the smaller id.
            let (keep, drop) = links[a].count >= links[b].count ? (a, b) : (b, a)
            parent[drop] = keep
            memberCount[keep] += memberCount[drop]
            links[keep][drop] = nil
            for (other, sum) in links[drop] where other != keep {
                links[keep][other, default: 0] += sum
                links[other][drop] = nil
                links[other][keep] = links[keep][other]
            }
            links[drop] = [:]
            version[keep] += 1
            for (other, sum) in links[keep] {
                let average = sum / Double(memberCount[keep] * memberCount[other])
                guard average >= threshold else { continue }
                let (first, second) = keep < other ? (keep, other) : (other, keep)
                heap.push(MergeHeap.Candidate(average: average, first: first, second: second,
                                              firstVersion: version[first], secondVersion: version[second]))
            }
        }
        func root(_ document: Int) -> Int {
            var node = document
            while parent[node] != node { node = parent[node] }
            return node
        }
        return (0..<count).map(root)
    }

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
