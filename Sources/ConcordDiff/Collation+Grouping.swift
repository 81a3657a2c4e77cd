extension Collation {
    /// Joins aligned sentences into passages, strongest alignment first, never putting two
    /// sentences of one report into one passage.
    struct PassageGrouping {
        let passages: [Passage]

        /// - Complexity: O(*e* log *e*) for *e* aligned pairs, plus O(*s* · *n*) for *s* sentences
        ///   of *n* reports.
        init(sentenceCounts: [Int], alignments: [(first: Int, second: Int, alignment: SentenceAlignment)]) {
            var offsets: [Int] = [0]
            for count in sentenceCounts { offsets.append(offsets.last! + count) }
            struct Link { var affinity: Double; var a: Int; var b: Int }
            var links: [Link] = []
            for (first, second, alignment) in alignments {
                for pair in alignment.pairs {
                    links.append(Link(affinity: pair.affinity, a: offsets[first] + pair.old, b: offsets[second] + pair.new))
                }
            }
            links.sort { ($1.affinity, $0.a, $0.b) < ($0.affinity, $1.a, $1.b) }
            let nodeCount = offsets.last!
            var report = [Int](repeating: 0, count: nodeCount)
            for index in sentenceCounts.indices { for node in offsets[index]..<offsets[index + 1] { report[node] = index } }
            var parent = Array(0..<nodeCount)
            var reportsOf: [[Int]] = report.map { [$0] }
            func root(_ node: Int) -> Int {
                var node = node
                while parent[node] != node { parent[node] = parent[parent[node]]; node = parent[node] }
                return node
            }
            for link in links {
                let (x, y) = (root(link.a), root(link.b))
                guard x != y, Set(reportsOf[x]).isDisjoint(with: reportsOf[y]) else { continue }
                let (keep, join) = x < y ? (x, y) : (y, x)
                parent[join] = keep
                reportsOf[keep] = (reportsOf[keep] + reportsOf[join]).sorted()
                reportsOf[join] = []
            }
            Self.checkInvariants(parent: parent, report: report)
            var passageOfRoot: [Int: Int] = [:]
            var passages: [Passage] = []
            for node in 0..<nodeCount {
                let top = root(node)
                let index: Int
                if let existing = passageOfRoot[top] {
                    index = existing
                } else {
                    index = passages.count
                    passageOfRoot[top] = index
                    passages.append(Passage(sentences: Array(repeating: nil, count: sentenceCounts.count), reference: report[node], movedIn: []))
                }
                passages[index].sentences[report[node]] = node - offsets[report[node]]
            }
            self.passages = passages
        }
    }

    /// Lays passages out in one reading order and finds the passages each report moved.
    enum PassageOrder {
        /// Orders `passages` as the first report tells them, each other report's own passages
        /// slotted in after the passage they follow in that report; then marks, in each report, the
        /// shared passages outside its longest run in that order as moved.
        ///
        /// - Complexity: O(*s* log *s*) for *s* sentences.
        static func arrange(_ passages: inout [Passage], sentenceCounts: [Int]) {
            var passageAt: [[Int]] = sentenceCounts.map { Array(repeating: 0, count: $0) }
            for (index, passage) in passages.enumerated() {
                for (report, sentence) in passage.sentences.enumerated() {
                    if let sentence { passageAt[report][sentence] = index }
                }
            }
            let head = passages.count
            var next = [Int](repeating: -1, count: passages.count + 1)
            var placed = [Bool](repeating: false, count: passages.count)
            for report in sentenceCounts.indices {
                var cursor = head
                for passage in passageAt[report] {
                    if !placed[passage] {
                        next[passage] = next[cursor]
                        next[cursor] = passage
                        placed[passage] = true
                    }
                    cursor = passage
                }
            }
            var order: [Int] = []
            var cursor = next[head]
            while cursor >= 0 { order.append(cursor); cursor = next[cursor] }
            var row = [Int](repeating: 0, count: passages.count)
            for (position, passage) in order.enumerated() { row[passage] = position }
            for report in sentenceCounts.indices {
                let shared = passageAt[report].filter { passages[$0].reports.count > 1 }
                let kept = Set(longestIncreasingRun(shared.map { row[$0] }).map { shared[$0] })
                for passage in shared where !kept.contains(passage) { passages[passage].movedIn.append(report) }
            }
            passages = order.map { passages[$0] }
        }

        /// Indices of a longest strictly increasing subsequence of `values` (the earliest-ending
        /// one on ties).
        ///
        /// - Complexity: O(*n* log *n*).
        static func longestIncreasingRun(_ values: [Int]) -> [Int] {
            var tails: [Int] = []
            var previous = [Int](repeating: -1, count: values.count)
            for (index, value) in values.enumerated() {
                var low = 0, high = tails.count
                while low < high {
                    let middle = (low + high) / 2
                    if values[tails[middle]] < value { low = middle + 1 } else { high = middle }
                }
                if low > 0 { previous[index] = tails[low - 1] }
                if low == tails.count { tails.append(index) } else { tails[low] = index }
            }
            var result: [Int] = []
            var cursor = tails.last ?? -1
            while cursor >= 0 { result.append(cursor); cursor = previous[cursor] }
            return result.reversed()
        }
    }
}

// MARK: - Invariants

extension Collation.PassageGrouping {
    /// The first sentence whose group (the nodes whose `parent` chains meet at one root) holds
    /// another sentence of its report, or one whose parent comes after it; `nil` when every group
    /// is a passage. `report` gives each sentence's report.
    ///
    /// - Complexity: O(*s* · *d*) for *s* sentences whose parent chains are *d* long.
    static func misgroupedSentence(parent: [Int], report: [Int]) -> Int? {
        var seen = Set<[Int]>()
        for node in parent.indices {
            guard parent[node] <= node else { return node }
            var root = node
            while parent[root] != root { root = parent[root] }
            if !seen.insert([root, report[node]]).inserted { return node }
        }
        return nil
    }

    #if CONCORD_INVARIANTS
    /// Traps unless every group is a passage (`misgroupedSentence`).
    @inline(never)
    static func checkInvariants(parent: [Int], report: [Int]) {
        if let node = misgroupedSentence(parent: parent, report: report) {
            preconditionFailure("passage grouping: sentence \(node) is misgrouped")
        }
    }
    #else
    @inline(__always)
    static func checkInvariants(parent: [Int], report: [Int]) {}
    #endif
}
