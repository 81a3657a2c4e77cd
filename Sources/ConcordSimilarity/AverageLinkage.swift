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
    /// - Complexity: O(*p* log *p*) to order *p* pairs, heap work for the merge candidates found
    ///   later, plus up to `exactPairBudget` exact scores per considered merge (each computed once).
    ///   - groups: when given, each document's starting cluster, named by any one of its members
    ///     (the first member of each group is its root): clusters grow from these groups, which
    ///     are never split. Pairs inside a group are not needed.
    public static func cluster(count: Int, pairs: [ScoredPair], threshold: Double, groups: [Int]? = nil,
                               score: (Int, Int) -> Double) -> [Int] {
        // A cluster is named by its root, the document it grew from, whose entry holds its size
        // and the last of its members; the members form a list through `nextMember`, root first,
        // in the order they joined (the order linkage sums run in).
        var nodes = (0..<count).map { Node(parent: Int32($0), version: 0, size: 1, lastMember: Int32($0)) }
        var nextMember = [Int32](repeating: -1, count: count)
        var neighbours = [Set<Int>](repeating: [], count: count)   // clusters linked by a verified pair
        var known = PairScoreTable(capacity: pairs.count)
        var rootOfGroup: [Int: Int] = [:]
        for document in 0..<count {
            guard let group = groups?[document] else { break }
            guard let root = rootOfGroup[group] else { rootOfGroup[group] = document; continue }
            nodes[document].parent = Int32(root)
            nextMember[Int(nodes[root].lastMember)] = Int32(document)
            nodes[root].lastMember = Int32(document)
            nodes[root].size += 1
        }
        func root(_ document: Int) -> Int { Int(nodes[document].parent) }  // groups are one level deep
        for pair in pairs {
            let a = Int(pair.first), b = Int(pair.second)
            known.set(Double(pair.score), for: key(a, b))
            let (x, y) = (root(a), root(b))
            guard x != y else { continue }
            neighbours[x].insert(y)
            neighbours[y].insert(x)
        }
        func pairScore(_ a: Int, _ b: Int, exact: Bool) -> Double {
            if let value = known[key(a, b)] { return value }
            guard exact else { return 0 }
            let value = score(a, b)
            known.set(value, for: key(a, b))
            return value
        }
        func linkage(_ x: Int, _ y: Int) -> Double {
            let pairCount = Int(nodes[x].size) * Int(nodes[y].size)
            let exact = pairCount <= exactPairBudget
            var sum = 0.0
            var a = x
            while a >= 0 {
                var b = y
                while b >= 0 {
                    sum += pairScore(a, b, exact: exact)
                    b = Int(nextMember[b])
                }
                a = Int(nextMember[a])
            }
            return sum / Double(pairCount)
        }
        var queue = MergeQueue(initial: groups == nil
            ? pairs.compactMap { pair in
                Double(pair.score) >= threshold
                    ? MergeQueue.Candidate(average: Double(pair.score), first: pair.first, second: pair.second, firstVersion: 0, secondVersion: 0)
                    : nil
            }
            : Set(pairs.map { key(root(Int($0.first)), root(Int($0.second))) }).sorted().compactMap { pair in
                let (x, y) = (Int(pair >> 32), Int(pair & 0xFFFF_FFFF))
                guard x != y else { return nil }
                let average = linkage(x, y)
                return average >= threshold
                    ? MergeQueue.Candidate(average: average, first: Int32(x), second: Int32(y), firstVersion: 0, secondVersion: 0)
                    : nil
            })
        while let best = queue.pop() {
            guard best.average >= threshold else { break }
            let a = Int(best.first), b = Int(best.second)
            guard nodes[a].parent == a, nodes[b].parent == b,
                  nodes[a].version == best.firstVersion, nodes[b].version == best.secondVersion else { continue }
            let (keep, drop) = nodes[a].size >= nodes[b].size ? (a, b) : (b, a)
            nodes[drop].parent = Int32(keep)
            nextMember[Int(nodes[keep].lastMember)] = Int32(drop)
            nodes[keep].lastMember = nodes[drop].lastMember
            nodes[keep].size += nodes[drop].size
            neighbours[keep].formUnion(neighbours[drop])
            neighbours[keep].remove(keep)
            neighbours[keep].remove(drop)
            for other in neighbours[drop] where other != keep {
                neighbours[other].remove(drop)
                neighbours[other].insert(keep)
            }
            neighbours[drop] = []
            nodes[keep].version += 1
            checkInvariants(cluster: keep, nodes: nodes, nextMember: nextMember)
            for other in neighbours[keep].sorted() {
                let average = linkage(keep, other)
                guard average >= threshold else { continue }
                let (first, second) = keep < other ? (keep, other) : (other, keep)
                queue.push(MergeQueue.Candidate(average: average, first: Int32(first), second: Int32(second),
                                                firstVersion: nodes[first].version, secondVersion: nodes[second].version))
            }
        }
        return (0..<count).map { document in
            var node = document
            while nodes[node].parent != node { node = Int(nodes[node].parent) }
            return node
        }
    }

    /// One document's entry: its parent cluster (itself while it is a root) and, for a root, the
    /// cluster's version (bumped by each merge), size and last member. One entry is one cache line
    /// fetch, where four arrays would cost four.
    struct Node {
        var parent: Int32
        var version: Int32
        var size: Int32
        var lastMember: Int32
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
        for pair in pairs where roots[Int(pair.first)] == roots[Int(pair.second)] {
            strength[Int(pair.first)] += Double(pair.score)
            strength[Int(pair.second)] += Double(pair.score)
        }
        // By root: the representative so far, then the cluster number.
        var representative = [Int](repeating: -1, count: roots.count)
        for document in roots.indices {
            let root = roots[document], current = representative[root]
            guard current >= 0 else { representative[root] = document; continue }
            let better = strength[document] != strength[current] ? strength[document] > strength[current]
                : sizes[document] != sizes[current] ? sizes[document] > sizes[current] : document < current
            if better { representative[root] = document }
        }
        // Verified scores against the representative; the others are computed below.
        var verifiedSimilarity = [Double?](repeating: nil, count: roots.count)
        for pair in pairs {
            let a = Int(pair.first), b = Int(pair.second)
            guard roots[a] == roots[b] else { continue }
            let center = representative[roots[a]]
            if center == a { verifiedSimilarity[b] = Double(pair.score) } else if center == b { verifiedSimilarity[a] = Double(pair.score) }
        }
        var number = [Int](repeating: -1, count: roots.count)
        var clusters = 0
        return roots.indices.map { document in
            let root = roots[document]
            if number[root] < 0 {
                number[root] = clusters
                clusters += 1
            }
            let center = representative[root]
            let similarity = center == document ? 1 : verifiedSimilarity[document] ?? score(center, document)
            return ClusterAssignment(cluster: number[root], representative: center, similarity: similarity)
        }
    }
}

extension AverageLinkage {
    /// Where each document of `store` lands: average linkage over `verified` (see `cluster`), every
    /// missing pair scored exactly by `measure` on the stored fingerprints, then numbered with
    /// representatives (see `assignments`). The one linkage of `concord cluster` and `concord link`.
    ///
    /// - Complexity: that of `cluster`, plus O(*m*) for *m* documents.
    public static func link(_ store: SketchStore, verified: [ScoredPair], threshold: Double,
                            measure: OverlapMeasure) -> [ClusterAssignment] {
        let sizes = (0..<store.count).map(store.shingleCount)
        let roots = cluster(count: store.count, pairs: verified, threshold: threshold) { a, b in
            store.score(a, b, measure: measure)
        }
        return assignments(roots: roots, pairs: verified, sizes: sizes) { a, b in
            store.score(a, b, measure: measure)
        }
    }
}

/// Merge candidates, best first: ordered by average linkage, then by the smaller ids, so equal
/// averages always merge in the same order. The verified pairs, known at the start, are sorted
/// once and read in order; candidates found after merges go to a binary heap; `pop` takes the
/// better of the two heads.
struct MergeQueue {
    struct Candidate {
        var average: Double
        var first: Int32
        var second: Int32
        var firstVersion: Int32
        var secondVersion: Int32

        func precedes(_ other: Candidate) -> Bool {
            if average != other.average { return average > other.average }
            if first != other.first { return first < other.first }
            return second < other.second
        }
    }

    private var initial: [Candidate]
    private var nextInitial = 0
    private var heap: [Candidate] = []

    init(initial: [Candidate]) {
        self.initial = initial.sorted { $0.precedes($1) }
    }

    mutating func push(_ candidate: Candidate) {
        defer { checkInvariants() }
        heap.append(candidate)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Candidate? {
        defer { checkInvariants() }
        if nextInitial < initial.count && (heap.isEmpty || !heap[0].precedes(initial[nextInitial])) {
            nextInitial += 1
            return initial[nextInitial - 1]
        }
        guard !heap.isEmpty else { return nil }
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var best = parent
                if left < heap.count && heap[left].precedes(heap[best]) { best = left }
                if right < heap.count && heap[right].precedes(heap[best]) { best = right }
                if best == parent { break }
                heap.swapAt(parent, best)
                parent = best
            }
        }
        return top
    }
}

// MARK: - Invariants

extension AverageLinkage {
    /// The first thing wrong with the cluster rooted at `root`, or `nil` when it is sound: its
    /// member list, from the root through `nextMember`, holds `size` documents, ends at
    /// `lastMember`, and every member's parent chain leads to the root.
    ///
    /// - Complexity: O(*s* · *d*) for a cluster of *s* members whose parent chains are *d* long.
    static func clusterViolation(root: Int, nodes: [Node], nextMember: [Int32]) -> String? {
        guard nodes[root].parent == root else { return "\(root) is no root" }
        var member = root, last = root, members = 0
        while member >= 0 && members <= nodes.count {
            var ancestor = member
            while nodes[ancestor].parent != ancestor { ancestor = Int(nodes[ancestor].parent) }
            if ancestor != root { return "member \(member) of \(root) has root \(ancestor)" }
            members += 1
            last = member
            member = Int(nextMember[member])
        }
        if members != Int(nodes[root].size) { return "\(root) lists \(members) members, size \(nodes[root].size)" }
        if last != Int(nodes[root].lastMember) { return "\(root) ends at \(last), last member \(nodes[root].lastMember)" }
        return nil
    }

    #if CONCORD_INVARIANTS
    /// Traps unless the cluster just merged into `cluster` is sound (`clusterViolation`).
    @inline(never)
    static func checkInvariants(cluster: Int, nodes: [Node], nextMember: [Int32]) {
        if let violation = clusterViolation(root: cluster, nodes: nodes, nextMember: nextMember) {
            preconditionFailure("average linkage: \(violation)")
        }
    }
    #else
    @inline(__always)
    static func checkInvariants(cluster: Int, nodes: [Node], nextMember: [Int32]) {}
    #endif
}

extension MergeQueue {
    /// The first position of `heap` whose candidate precedes its parent's, or `nil` when `heap`
    /// is a binary heap, best first.
    ///
    /// - Complexity: O(*n*) for *n* candidates.
    static func misorderedPosition(in heap: [Candidate]) -> Int? {
        heap.indices.dropFirst().first { heap[$0].precedes(heap[($0 - 1) / 2]) }
    }

    #if CONCORD_INVARIANTS
    /// Traps unless the heap is in heap order (`misorderedPosition`). (The initial candidates are
    /// sorted once and only read.)
    @inline(never)
    func checkInvariants() {
        if let position = Self.misorderedPosition(in: heap) {
            preconditionFailure("merge queue: heap position \(position) precedes its parent")
        }
    }
    #else
    @inline(__always)
    func checkInvariants() {}
    #endif
}
