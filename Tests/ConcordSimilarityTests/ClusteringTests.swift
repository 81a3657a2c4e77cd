import ConcordCorpus
import Foundation
import Testing
@testable import ConcordSimilarity

@Suite struct AverageLinkageTests {
    func pair(_ a: Int32, _ b: Int32, _ score: Float) -> ScoredPair { ScoredPair(first: a, second: b, score: score) }

    /// A ~ B ~ C with A and C unrelated: connected components would merge all three.
    @Test func aChainOfTwoLinksDoesNotMergeItsEnds() {
        let roots = AverageLinkage.cluster(count: 3, pairs: [pair(0, 1, 0.7), pair(1, 2, 0.6)], threshold: 0.5) { _, _ in 0 }
        #expect(roots[0] == roots[1])
        #expect(roots[2] != roots[0])
    }

    @Test func aLongChainOfWeakLinksStaysInPieces() {
        let pairs = (0..<99).map { pair(Int32($0), Int32($0 + 1), 0.55) }
        let roots = AverageLinkage.cluster(count: 100, pairs: pairs, threshold: 0.5) { _, _ in 0 }
        #expect(Set(roots).count >= 50)
    }

    /// A pair LSH missed still counts with its exact score.
    @Test func unverifiedPairsCountWithTheirExactScore() {
        let exact: (Int, Int) -> Double = { a, b in Set([a, b]) == [0, 2] ? 0.8 : 0 }
        let roots = AverageLinkage.cluster(count: 3, pairs: [pair(0, 1, 0.7), pair(1, 2, 0.6)], threshold: 0.5, score: exact)
        #expect(Set(roots).count == 1)
    }

    @Test func aTightGroupMerges() {
        let pairs = [pair(0, 1, 0.9), pair(0, 2, 0.8), pair(1, 2, 0.85), pair(2, 3, 0.6), pair(0, 3, 0.6), pair(1, 3, 0.7)]
        let roots = AverageLinkage.cluster(count: 4, pairs: pairs, threshold: 0.5) { _, _ in 0 }
        #expect(Set(roots).count == 1)
    }

    /// The queue-driven clustering against a direct greedy reference: at each step, of all pairs
    /// of clusters linked by a verified pair, merge the one with the highest average linkage
    /// (ties to the smaller ids) while it reaches the threshold.
    @Test(arguments: [1, 2, 3, 4, 5])
    func mergesAsTheGreedyDefinitionDoes(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let count = 40
        var pairs: [ScoredPair] = []
        for a in 0..<count {
            for b in (a + 1)..<count where generator.next() % 8 == 0 {
                pairs.append(pair(Int32(a), Int32(b), Float(generator.next() % 700 + 300) / 1000))
            }
        }
        let exact: (Int, Int) -> Double = { a, b in Double((min(a, b) * 7919 + max(a, b) * 104_729) % 90) / 100 }
        let roots = AverageLinkage.cluster(count: count, pairs: pairs, threshold: 0.5, score: exact)
        #expect(roots == greedyReference(count: count, pairs: pairs, threshold: 0.5, score: exact))
    }

    func greedyReference(count: Int, pairs: [ScoredPair], threshold: Double, score: (Int, Int) -> Double) -> [Int] {
        var verified: [Set<Int>: Double] = [:]
        for pair in pairs { verified[[Int(pair.first), Int(pair.second)]] = Double(pair.score) }
        var members = (0..<count).map { [$0] }
        var roots = Array(0..<count)
        while true {
            var best: (average: Double, first: Int, second: Int)?
            let live = (0..<count).filter { roots[$0] == $0 }
            for first in live {
                for second in live where second > first {
                    let cross = members[first].flatMap { a in members[second].map { b in Set([a, b]) } }
                    guard cross.contains(where: { verified[$0] != nil }) else { continue }
                    var sum = 0.0
                    for a in members[first] { for b in members[second] { sum += verified[[a, b]] ?? score(a, b) } }
                    let average = sum / Double(cross.count)
                    if average >= threshold, best.map({ average > $0.average }) ?? true { best = (average, first, second) }
                }
            }
            guard let merge = best else { break }
            let (keep, drop) = members[merge.first].count >= members[merge.second].count
                ? (merge.first, merge.second) : (merge.second, merge.first)
            members[keep] += members[drop]
            for document in members[drop] { roots[document] = keep }
            roots[drop] = keep
            members[drop] = []
        }
        return roots
    }

    @Test func assignmentsNumberClustersInInputOrderAndPickTheBestConnectedRepresentative() {
        let pairs = [pair(1, 2, 0.9), pair(1, 3, 0.8), pair(2, 3, 0.7)]
        let roots = AverageLinkage.cluster(count: 4, pairs: pairs, threshold: 0.5) { _, _ in 0 }
        let assignments = AverageLinkage.assignments(roots: roots, pairs: pairs, sizes: [1, 2, 3, 4]) { _, _ in 0 }
        #expect(assignments.map(\.cluster) == [0, 1, 1, 1])
        #expect(assignments[2].representative == 1)
        #expect(assignments[1].similarity == 1)
        #expect(abs(assignments[3].similarity - 0.8) < 1e-6)
    }
}

/// The checks that `-DCONCORD_INVARIANTS` runs inside average linkage, against broken structures.
@Suite struct AverageLinkageInvariantTests {
    func candidate(_ average: Double, _ first: Int32 = 0) -> MergeQueue.Candidate {
        MergeQueue.Candidate(average: average, first: first, second: first + 1, firstVersion: 0, secondVersion: 0)
    }

    @Test func aHeapOutOfOrderIsFoundAtTheChildThatPrecedesItsParent() {
        #expect(MergeQueue.misorderedPosition(in: [candidate(0.9), candidate(0.5), candidate(0.7), candidate(0.4)]) == nil)
        #expect(MergeQueue.misorderedPosition(in: [candidate(0.9), candidate(0.5), candidate(0.7), candidate(0.6)]) == 3)
        #expect(MergeQueue.misorderedPosition(in: [candidate(0.5, 1), candidate(0.5, 0)]) == 1)
    }

    /// Random pushes between pops: each pop hands out the best candidate held, as a plain list
    /// searched from end to end would.
    @Test func popsTheBestCandidateHeld() {
        var generator = SplitMix64(seed: 5)
        var held = (0..<50).map { candidate(Double(generator.next() % 100) / 100, Int32($0)) }
        var queue = MergeQueue(initial: held)
        for round in 0..<300 {
            if round % 3 != 2 {
                let pushed = candidate(Double(generator.next() % 100) / 100, Int32(100 + round))
                queue.push(pushed)
                held.append(pushed)
            }
            guard round % 2 == 1 || round >= 250 else { continue }
            let best = held.indices.min { held[$0].precedes(held[$1]) }
            let popped = queue.pop()
            #expect(popped.map { [$0.average, Double($0.first)] } == best.map { [held[$0].average, Double(held[$0].first)] })
            if let best { held.remove(at: best) }
        }
    }

    /// Documents 0 and 1 form one cluster rooted at 0; 2 is alone.
    @Test func aClusterWhoseListDisagreesWithItsRootIsFound() {
        let nodes = [AverageLinkage.Node(parent: 0, version: 1, size: 2, lastMember: 1),
                     AverageLinkage.Node(parent: 0, version: 0, size: 1, lastMember: 1),
                     AverageLinkage.Node(parent: 2, version: 0, size: 1, lastMember: 2)]
        #expect(AverageLinkage.clusterViolation(root: 0, nodes: nodes, nextMember: [1, -1, -1]) == nil)
        #expect(AverageLinkage.clusterViolation(root: 2, nodes: nodes, nextMember: [1, -1, -1]) == nil)
        var wrongSize = nodes
        wrongSize[0].size = 3
        #expect(AverageLinkage.clusterViolation(root: 0, nodes: wrongSize, nextMember: [1, -1, -1]) != nil)
        var wrongParent = nodes
        wrongParent[1].parent = 2
        #expect(AverageLinkage.clusterViolation(root: 0, nodes: wrongParent, nextMember: [1, -1, -1]) != nil)
        #expect(AverageLinkage.clusterViolation(root: 0, nodes: nodes, nextMember: [1, 2, -1]) != nil)
        #expect(AverageLinkage.clusterViolation(root: 1, nodes: nodes, nextMember: [1, -1, -1]) != nil)
    }
}

@Suite struct SimilarityPipelineTests {
    static let wire = """
    Rockets struck a base housing US forces near the Omar oil field in eastern Syria on Monday evening, \
    witnesses said, hours after American airstrikes on militia positions near the Iraqi border. \
    A coalition spokesman said there were no injuries and that the damage was being assessed. \
    Iran-backed groups have attacked the base several times this year.
    """

    static func texts() -> [String] {
        [
            wire,
            wire.replacingOccurrences(of: "Monday evening", with: "Monday night") + " The Syrian state news agency reported the attack.",
            String(wire.prefix(190)),
            "The central bank raised its main interest rate by half a point on Tuesday to curb inflation, the steepest rise in fifteen years.",
            "",
        ]
    }

    func run(threads: Int, _ texts: [String]) throws -> ClusterReport {
        let pipeline = try SimilarityPipeline(settings: MatchingSettings(), threads: threads)
        let documents = texts.enumerated().map { Document(id: .integer(Int64($0)), text: $1, origin: "test:\($0 + 1)") }
        try pipeline.add(Array(documents.prefix(2)))
        try pipeline.add(Array(documents.dropFirst(2)))
        return pipeline.cluster()
    }

    @Test func groupsVersionsAndKeepsOthersApart() throws {
        let report = try run(threads: 1, Self.texts())
        let clusters = report.assignments.map(\.cluster)
        #expect(clusters.count == 5)
        #expect(clusters[0] == clusters[1] && clusters[1] == clusters[2])
        #expect(Set([clusters[0], clusters[3], clusters[4]]).count == 3)
        #expect(report.emptyDocuments == [4])
    }

    @Test func theAgreementFloorDropsExactlyThePairsBelowIt() throws {
        let pipeline = try SimilarityPipeline(settings: MatchingSettings(), threads: 1)
        try pipeline.add(Self.editedCopies().enumerated().map { Document(id: .integer(Int64($0)), text: $1, origin: "test:\($0 + 1)") })
        let store = pipeline.store, bands = MatchingSettings().resolvedBands
        let all = CandidatePairs.find(in: store, bands: bands, threads: 2).pairs
        let floor = 40
        let kept = CandidatePairs.find(in: store, bands: bands, threads: 2, minimumAgreement: floor).pairs
        #expect(kept == all.filter { store.agreeingSlots(Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) >= floor })
        #expect(kept.count < all.count && !kept.isEmpty)
    }

    /// The pairs found bucket by bucket are the banding's definition: documents whose keys agree in
    /// some band, where a bucket past the cap pairs only its first members with the rest, sorted
    /// and each once; across a split, exactly those that cross it.
    @Test(arguments: [nil, 120] as [Int?])
    func candidatesAreThePairsOfEqualBandKeys(split: Int?) throws {
        let pipeline = try SimilarityPipeline(settings: MatchingSettings(), threads: 1)
        try pipeline.add(Self.editedCopies().enumerated().map { Document(id: .integer(Int64($0)), text: $1, origin: "test:\($0 + 1)") })
        let store = pipeline.store, bands = MatchingSettings().resolvedBands, cap = 25
        var expected = Set<UInt64>()
        var capped = 0
        for band in 0..<bands.bands {
            let buckets = Dictionary(grouping: 0..<store.count) {
                CandidatePairs.bandKey(store, document: $0, band: band, rows: bands.rows)
            }
            for members in buckets.values {
                if members.count > cap { capped += 1 }
                for (position, a) in members.enumerated() where position < cap {
                    for b in members[(position + 1)...] where a < split ?? store.count && b >= split ?? 0 {
                        expected.insert(UInt64(a) << 32 | UInt64(b))
                    }
                }
            }
        }
        let found = CandidatePairs.find(in: store, bands: bands, threads: 2, bucketCap: cap, crossingAt: split)
        #expect(found.pairs == expected.sorted())
        #expect(found.cappedBuckets == capped && capped > 0)
    }

    /// 300 copies of the wire story, each with up to 40 words replaced and cut to a random length.
    static func editedCopies() -> [String] {
        var generator = SplitMix64(seed: 5)
        let words = Self.wire.split(separator: " ").map(String.init)
        var texts: [String] = []
        for _ in 0..<300 {
            var copy = words
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                copy[Int.random(in: 0..<copy.count, using: &generator)] = "w\(generator.next() % 5000)"
            }
            texts.append(copy.prefix(Int.random(in: 20...copy.count, using: &generator)).joined(separator: " "))
        }
        return texts
    }

    @Test func parallelRunsEqualTheSerialRun() throws {
        let texts = Self.editedCopies()
        let serial = try run(threads: 1, texts)
        let parallel = try run(threads: 4, texts)
        #expect(serial.assignments == parallel.assignments)
        #expect(serial.verified == parallel.verified)
    }
}

@Suite struct PairScoreTableTests {
    /// Every pair stored reads back its last score through growth; pairs never stored read nil.
    @Test func keepsEveryPairThroughGrowth() {
        var table = PairScoreTable(capacity: 4)
        var generator = SplitMix64(seed: 3)
        var expected: [UInt64: Double] = [:]
        for round in 0..<5000 {
            let a = generator.next() % 300, b = 300 + generator.next() % 300
            let pair = a << 32 | b
            table.set(Double(round), for: pair)
            expected[pair] = Double(round)
        }
        #expect(table.count == expected.count)
        for (pair, score) in expected { #expect(table[pair] == score) }
        #expect(table[UInt64(999) << 32 | 1000] == nil)
    }
}
