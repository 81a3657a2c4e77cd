extension Collation {
    /// Scores the sentence pairs of different reports that could align, and aligns every pair of
    /// reports from those scores.
    ///
    /// A pair is a candidate when it shares a stem that is not common (one found in at most a
    /// quarter of all sentences, or in at most 32); it is scored only when its stems overlap
    /// enough for the score to reach the threshold (30% of the larger sentence's stems, the least
    /// with which the weighted features can sum past 0.5) or for containment to align it.
    struct CandidateScoring {
        /// Scored pairs for reports (first, second), first < second, at `first * reportCount + second`.
        private var scored: [[SentenceAlignment.Pair]]
        private let sentenceCounts: [Int]
        /// Candidate pairs left unscored because the budget ran out.
        private(set) var unscoredPairs = 0
        /// The most sentences a stem was found in and still made candidates, when the work
        /// bound lowered it below the usual limit; `nil` when it did not.
        private(set) var loweredCommonLimit: Int?

        /// - Complexity: O(Σ *f*²) over the uncommon stems' sentence frequencies *f* to count
        ///   shared stems (at most `countingBudget`: past it, the most frequent stems count as
        ///   common too), plus the scoring of at most `budget` pairs. A pair's overlap is bounded
        ///   from those counts first, so most pairs (one uncommon word in common) are dropped
        ///   without reading their profiles.
        init(profiles: [[SentenceSimilarity.Profile]], budget: Int, countingBudget: Int, progress: Progress) {
            let reportCount = profiles.count
            sentenceCounts = profiles.map(\.count)
            scored = Array(repeating: [], count: reportCount * reportCount)
            var owners: [(report: Int, sentence: Int)] = []
            for (report, sentences) in profiles.enumerated() {
                for sentence in sentences.indices { owners.append((report, sentence)) }
            }
            let all = profiles.flatMap { $0 }
            let postings = Postings(all)
            let reportOf = owners.map(\.report)
            let usualLimit = max(32, all.count / 4)
            let commonLimit = Self.limit(usualLimit, frequencies: postings.frequencies, budget: countingBudget)
            if commonLimit < usualLimit { loweredCommonLimit = commonLimit }
            var shared = [Int32](repeating: 0, count: all.count)
            var touched: [Int] = []
            // How many of each sentence's stems are common: with the uncommon stems a pair shares
            // (counted below), they bound the pair's overlap before it is computed.
            let commonCounts = all.map { profile in profile.stemSet.count { postings.frequency(of: $0) > commonLimit } }
            let sizes = all.map(\.stemSet.count)
            var budgetLeft = budget
            for (node, profile) in all.enumerated() {
                if node & 255 == 0 { progress(.scoring, node, all.count) }
                for stem in profile.stemSet where postings.frequency(of: stem) <= commonLimit {
                    for other in postings.sentences(with: stem) where other > node && reportOf[other] != reportOf[node] {
                        if shared[other] == 0 { touched.append(other) }
                        shared[other] += 1
                    }
                }
                // Pairs whose overlap cannot reach what alignment needs are dropped before any
                // profile is read: most share one uncommon word and little else.
                var kept = 0
                for other in touched {
                    let bound = Int(shared[other]) + min(commonCounts[node], commonCounts[other])
                    shared[other] = 0
                    let larger = max(sizes[node], sizes[other]), smaller = min(sizes[node], sizes[other])
                    if Self.canAlign(common: bound, larger: larger, smaller: smaller) {
                        touched[kept] = other
                        kept += 1
                    }
                }
                touched.removeLast(touched.count - kept)
                touched.sort()
                for other in touched {
                    let larger = max(sizes[node], sizes[other]), smaller = min(sizes[node], sizes[other])
                    let common = SortedIDs.intersectionCount(profile.stemSet, all[other].stemSet)
                    guard Self.canAlign(common: common, larger: larger, smaller: smaller) else { continue }
                    guard budgetLeft > 0 else { unscoredPairs += 1; continue }
                    budgetLeft -= 1
                    let (a, b) = (owners[node], owners[other])
                    let affinity = Collation.affinity(profile, all[other])
                    scored[a.report * reportCount + b.report].append(SentenceAlignment.Pair(old: a.sentence, new: b.sentence, affinity: affinity))
                }
                touched.removeAll(keepingCapacity: true)
            }
        }

        /// The largest stem frequency, at most `usual`, such that counting the shared stems of all
        /// stems up to it costs at most `budget` (Σ *f*²).
        ///
        /// - Complexity: O(*s* log *s*) for *s* stems.
        private static func limit(_ usual: Int, frequencies: [Int], budget: Int) -> Int {
            var work = 0, limit = usual
            for frequency in frequencies.sorted() where frequency <= usual {
                work += frequency * frequency
                if work > budget { limit = frequency - 1; break }
            }
            return limit
        }

        /// Whether two sentences sharing `common` distinct stems, of `larger` and `smaller`
        /// distinct stems, can align: enough overlap for the score to reach the threshold, or for
        /// containment to align them.
        private static func canAlign(common: Int, larger: Int, smaller: Int) -> Bool {
            common * 10 >= larger * 3 || (smaller >= Collation.containmentMinimumWords && common * 5 >= smaller * 4)
        }

        /// For each stem id, the sentences (numbered across all reports) that contain it, in
        /// increasing order, stored flat.
        private struct Postings {
            /// Where each stem's sentences start in `sentences`; one more entry than stems.
            private var starts: [Int]
            private var nodes: [Int]

            init(_ profiles: [SentenceSimilarity.Profile]) {
                let stemCount = Int(profiles.lazy.compactMap { $0.stemSet.last }.max() ?? -1) + 1
                var starts = [Int](repeating: 0, count: stemCount + 1)
                for profile in profiles { for stem in profile.stemSet { starts[Int(stem) + 1] += 1 } }
                for stem in 0..<stemCount { starts[stem + 1] += starts[stem] }
                var next = starts
                var nodes = [Int](repeating: 0, count: starts[stemCount])
                for (node, profile) in profiles.enumerated() {
                    for stem in profile.stemSet {
                        nodes[next[Int(stem)]] = node
                        next[Int(stem)] += 1
                    }
                }
                self.starts = starts
                self.nodes = nodes
            }

            func frequency(of stem: Int32) -> Int { starts[Int(stem) + 1] - starts[Int(stem)] }

            /// Every stem's frequency.
            var frequencies: [Int] { zip(starts.dropFirst(), starts).map { $0 - $1 } }

            func sentences(with stem: Int32) -> ArraySlice<Int> { nodes[starts[Int(stem)]..<starts[Int(stem) + 1]] }
        }

        /// Every pair of reports aligned from the scores, first < second.
        ///
        /// - Complexity: O(*c* log *c*) per pair of reports with *c* scored pairs.
        func alignments(threshold: Double, progress: Progress) -> [(first: Int, second: Int, alignment: SentenceAlignment)] {
            let reportCount = sentenceCounts.count
            var result: [(first: Int, second: Int, alignment: SentenceAlignment)] = []
            for first in 0..<reportCount {
                for second in (first + 1)..<reportCount {
                    progress(.aligning, result.count, reportCount * (reportCount - 1) / 2)
                    let alignment = SentenceAlignment(oldCount: sentenceCounts[first], newCount: sentenceCounts[second],
                                                      candidates: scored[first * reportCount + second], threshold: threshold)
                    result.append((first, second, alignment))
                }
            }
            return result
        }
    }
}
