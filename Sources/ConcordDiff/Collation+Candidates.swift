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

        /// - Complexity: O(Σ *f*²) over the uncommon stems' sentence frequencies *f*, plus the
        ///   scoring of at most `budget` pairs.
        init(profiles: [[SentenceSimilarity.Profile]], budget: Int) {
            let reportCount = profiles.count
            sentenceCounts = profiles.map(\.count)
            scored = Array(repeating: [], count: reportCount * reportCount)
            var owners: [(report: Int, sentence: Int)] = []
            for (report, sentences) in profiles.enumerated() {
                for sentence in sentences.indices { owners.append((report, sentence)) }
            }
            let all = profiles.flatMap { $0 }
            let postings = Self.postings(all)
            let commonLimit = max(32, all.count / 4)
            var shared = [Int32](repeating: 0, count: all.count)
            var touched: [Int] = []
            var budgetLeft = budget
            for (node, profile) in all.enumerated() {
                for stem in profile.stemSet where postings[Int(stem)].count <= commonLimit {
                    for other in postings[Int(stem)] where other > node && owners[other].report != owners[node].report {
                        if shared[other] == 0 { touched.append(other) }
                        shared[other] += 1
                    }
                }
                touched.sort()
                for other in touched {
                    shared[other] = 0
                    let otherProfile = all[other]
                    let common = SortedIDs.intersectionCount(profile.stemSet, otherProfile.stemSet)
                    let larger = max(profile.stemSet.count, otherProfile.stemSet.count)
                    let smaller = min(profile.stemSet.count, otherProfile.stemSet.count)
                    let containable = smaller >= Collation.containmentMinimumWords && common * 5 >= smaller * 4
                    guard common * 10 >= larger * 3 || containable else { continue }
                    guard budgetLeft > 0 else { unscoredPairs += 1; continue }
                    budgetLeft -= 1
                    let (a, b) = (owners[node], owners[other])
                    let affinity = Collation.affinity(profile, otherProfile)
                    scored[a.report * reportCount + b.report].append(SentenceAlignment.Pair(old: a.sentence, new: b.sentence, affinity: affinity))
                }
                touched.removeAll(keepingCapacity: true)
            }
        }

        /// For each stem id, the sentences (numbered across all reports) that contain it.
        private static func postings(_ profiles: [SentenceSimilarity.Profile]) -> [[Int]] {
            let stemCount = Int(profiles.lazy.compactMap { $0.stemSet.last }.max() ?? -1) + 1
            var postings = [[Int]](repeating: [], count: stemCount)
            for (node, profile) in profiles.enumerated() {
                for stem in profile.stemSet { postings[Int(stem)].append(node) }
            }
            return postings
        }

        /// Every pair of reports aligned from the scores, first < second.
        ///
        /// - Complexity: O(*c* log *c*) per pair of reports with *c* scored pairs.
        func alignments(threshold: Double) -> [(first: Int, second: Int, alignment: SentenceAlignment)] {
            let reportCount = sentenceCounts.count
            var result: [(first: Int, second: Int, alignment: SentenceAlignment)] = []
            for first in 0..<reportCount {
                for second in (first + 1)..<reportCount {
                    let alignment = SentenceAlignment(oldCount: sentenceCounts[first], newCount: sentenceCounts[second],
                                                      candidates: scored[first * reportCount + second], threshold: threshold)
                    result.append((first, second, alignment))
                }
            }
            return result
        }
    }
}
