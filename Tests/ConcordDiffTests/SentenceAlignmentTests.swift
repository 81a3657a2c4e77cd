import ConcordDiff
import ConcordSimilarity
import Testing

@Suite struct SentenceAlignmentTests {
    typealias Pair = SentenceAlignment.Pair

    @Test func sentencesInOrderAlignFirstThenAMovedOne() {
        let alignment = SentenceAlignment(oldCount: 3, newCount: 3, candidates: [
            Pair(old: 0, new: 2, affinity: 0.9), Pair(old: 1, new: 0, affinity: 0.8), Pair(old: 2, new: 1, affinity: 0.7),
        ], threshold: 0.5)
        #expect(alignment.pairs.map { [$0.old, $0.new] } == [[0, 2], [1, 0], [2, 1]])
        #expect(alignment.pairs.map(\.moved) == [true, false, false], "the two in order outweigh the single strong pair")
    }

    @Test func pairsBelowTheThresholdNeverAlign() {
        let alignment = SentenceAlignment(oldCount: 2, newCount: 2, candidates: [
            Pair(old: 0, new: 0, affinity: 0.49), Pair(old: 1, new: 1, affinity: 0.5),
        ], threshold: 0.5)
        #expect(alignment.pairs.map { [$0.old, $0.new] } == [[1, 1]])
    }

    @Test func eachSentenceAlignsOnceWithTheHeaviestOrderedChain() {
        // Old 0 matches new 0 and new 1; old 1 matches new 1 only. The chain 0→0, 1→1 (1.5) beats
        // 0→1 alone (0.9), and no sentence is used twice.
        let alignment = SentenceAlignment(oldCount: 2, newCount: 2, candidates: [
            Pair(old: 0, new: 0, affinity: 0.7), Pair(old: 0, new: 1, affinity: 0.9), Pair(old: 1, new: 1, affinity: 0.8),
        ], threshold: 0.5)
        #expect(alignment.pairs.map { [$0.old, $0.new] } == [[0, 0], [1, 1]])
        #expect(alignment.pairs.allSatisfy { !$0.moved })
    }

    @Test(arguments: 0..<20) func randomCandidatesGiveAOneToOneMatching(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let candidates = (0..<60).map { _ in
            Pair(old: Int.random(in: 0..<15, using: &generator), new: Int.random(in: 0..<15, using: &generator),
                 affinity: Double.random(in: 0...1, using: &generator))
        }
        var seen = Set<[Int]>()
        let unique = candidates.filter { seen.insert([$0.old, $0.new]).inserted }
        let alignment = SentenceAlignment(oldCount: 15, newCount: 15, candidates: unique, threshold: 0.5)
        #expect(Set(alignment.pairs.map(\.old)).count == alignment.pairs.count)
        #expect(Set(alignment.pairs.map(\.new)).count == alignment.pairs.count)
        #expect(alignment.pairs.allSatisfy { $0.affinity >= 0.5 })
        let inOrder = alignment.pairs.filter { !$0.moved }
        #expect(zip(inOrder, inOrder.dropFirst()).allSatisfy { $0.old < $1.old && $0.new < $1.new })
    }
}
