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
        /// Orders `passages` so that every report reads down the rows in its own order wherever
        /// the reports allow it, then marks, in each report, the passages outside its longest run
        /// in that order as moved.
        ///
        /// The order merges the reports' sequences. First come the reports' opening passages, in
        /// report order: each report's first sentence sits in the first rows. Then, one row at a
        /// time, the candidates are the reports' next unplaced passages; one that is next in every
        /// report carrying it is taken before one that some report still tells later, and among
        /// those the one that stands earliest in some report (its position as a fraction of that
        /// report's length), then the lowest report number. When every candidate is still to come
        /// later in some report (reports that moved passages each other's way), the lowest
        /// report's candidate is taken: the reference's order wins, and the other report moved it.
        ///
        /// - Complexity: O(*p* · *n* + *s* log *s* + *n*²) for *p* passages, *s* sentences and
        ///   *n* reports.
        static func arrange(_ passages: inout [Passage], sentenceCounts: [Int]) {
            var passageAt: [[Int]] = sentenceCounts.map { Array(repeating: 0, count: $0) }
            for (index, passage) in passages.enumerated() {
                for (report, sentence) in passage.sentences.enumerated() {
                    if let sentence { passageAt[report][sentence] = index }
                }
            }
            let earliest = passages.map { passage in
                passage.sentences.enumerated().compactMap { report, sentence in
                    sentence.map { Fraction(numerator: $0, denominator: max(1, sentenceCounts[report] - 1)) }
                }.min()!
            }
            var merge = Merge(passageAt: passageAt, reportsOf: passages.map(\.reports))
            merge.placeOpenings()
            while merge.order.count < passages.count {
                // The first of equals is the lowest report's; with none ready, the reference's order wins.
                var best: Int?, fallback: Int?
                for report in passageAt.indices {
                    guard let head = merge.head(of: report) else { continue }
                    if fallback == nil { fallback = head }
                    if merge.isReady(head), best.map({ earliest[head] < earliest[$0] }) ?? true { best = head }
                }
                merge.place(best ?? fallback!)
            }
            var row = [Int](repeating: 0, count: passages.count)
            for (position, passage) in merge.order.enumerated() { row[passage] = position }
            for report in sentenceCounts.indices {
                // A passage only this report tells is never the one out of place: it was placed in turn.
                let told = passageAt[report]
                let weights = told.map { passages[$0].reports.count > 1 ? 1 : told.count + 1 }
                let kept = Set(heaviestIncreasingRun(told.map { row[$0] }, weights: weights).map { told[$0] })
                for passage in told where !kept.contains(passage) { passages[passage].movedIn.append(report) }
            }
            passages = merge.order.map { passages[$0] }
        }

        /// A sentence's place in its report, as an exact fraction of the report's length.
        struct Fraction: Comparable {
            var numerator: Int
            var denominator: Int

            static func < (lhs: Fraction, rhs: Fraction) -> Bool {
                lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
            }

            static func == (lhs: Fraction, rhs: Fraction) -> Bool {
                lhs.numerator * rhs.denominator == rhs.numerator * lhs.denominator
            }
        }

        /// The rows placed so far and each report's next unplaced passage (its head), with how
        /// many reports have each passage as their head, so that whether a passage is next in
        /// every report carrying it is one comparison.
        struct Merge {
            let passageAt: [[Int]]
            let reportsOf: [[Int]]
            private(set) var order: [Int] = []
            private var placed: [Bool]
            private var cursor: [Int]
            private var heads: [Int]

            init(passageAt: [[Int]], reportsOf: [[Int]]) {
                self.passageAt = passageAt
                self.reportsOf = reportsOf
                placed = Array(repeating: false, count: reportsOf.count)
                cursor = Array(repeating: 0, count: passageAt.count)
                heads = Array(repeating: 0, count: reportsOf.count)
                for told in passageAt { if let first = told.first { heads[first] += 1 } }
            }

            /// The first passage of `report` not yet placed.
            func head(of report: Int) -> Int? {
                cursor[report] < passageAt[report].count ? passageAt[report][cursor[report]] : nil
            }

            /// Whether `passage` is next in every report that carries it.
            func isReady(_ passage: Int) -> Bool { heads[passage] == reportsOf[passage].count }

            /// Places `passage` in the next row; the reports it was next in move on.
            ///
            /// - Complexity: O(*r*) for the *r* reports carrying it, plus the passages skipped.
            mutating func place(_ passage: Int) {
                placed[passage] = true
                order.append(passage)
                for report in reportsOf[passage] where head(of: report) == passage {
                    heads[passage] -= 1
                    repeat { cursor[report] += 1 } while head(of: report).map({ placed[$0] }) ?? false
                    if let next = head(of: report) { heads[next] += 1 }
                }
            }

            /// Places the reports' opening passages first, in report order, except that an opening
            /// another report tells after a second opening waits for that one (a topological order of
            /// the openings by the reports' own orders; in a cycle, the lowest report's goes first).
            ///
            /// - Complexity: O(*s* + *n*²) for *s* sentences and *n* reports.
            mutating func placeOpenings() {
                var openings: [Int] = []
                for told in passageAt { if let first = told.first, !openings.contains(first) { openings.append(first) } }
                let isOpening = Set(openings)
                var waitsFor = [Int: Int](), follows = [Int: [Int]]()
                for told in passageAt {
                    let sequence = told.filter(isOpening.contains)
                    for (earlier, later) in zip(sequence, sequence.dropFirst()) {
                        waitsFor[later, default: 0] += 1
                        follows[earlier, default: []].append(later)
                    }
                }
                var left = openings
                while let next = left.first(where: { (waitsFor[$0] ?? 0) == 0 }) ?? left.first {
                    left.removeAll { $0 == next }
                    place(next)
                    for later in follows[next] ?? [] { waitsFor[later, default: 0] -= 1 }
                }
            }
        }

        /// Indices of a strictly increasing subsequence of `values` (distinct, none negative) of
        /// greatest total weight; among equals, the one whose last index is smallest, and so back
        /// down the run.
        ///
        /// - Complexity: O(*n* log *n*), with a Fenwick tree of prefix maxima over the values.
        static func heaviestIncreasingRun(_ values: [Int], weights: [Int]) -> [Int] {
            let size = (values.max() ?? -1) + 1
            var tree = [(weight: Int, index: Int)](repeating: (0, -1), count: size + 1)
            var previous = [Int](repeating: -1, count: values.count)
            var total = [Int](repeating: 0, count: values.count)
            func better(_ a: (weight: Int, index: Int), _ b: (weight: Int, index: Int)) -> Bool {
                a.weight > b.weight || (a.weight == b.weight && a.index >= 0 && (b.index < 0 || a.index < b.index))
            }
            for (index, value) in values.enumerated() {
                var best = (weight: 0, index: -1), position = value   // the best run ending below `value`
                while position > 0 {
                    if better(tree[position], best) { best = tree[position] }
                    position -= position & -position
                }
                previous[index] = best.index
                total[index] = best.weight + weights[index]
                position = value + 1
                while position <= size {
                    if better((total[index], index), tree[position]) { tree[position] = (total[index], index) }
                    position += position & -position
                }
            }
            var cursor = -1
            for index in values.indices where cursor < 0 || total[index] > total[cursor] { cursor = index }
            var result: [Int] = []
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
