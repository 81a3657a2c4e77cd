import Testing
@testable import ConcordSimilarity

@Suite struct ShinglesTests {
    func wordShingles(_ ids: [UInt64], n: Int) -> [UInt64] {
        var result: [UInt64] = []
        ids.withUnsafeBufferPointer { Shingles.forEachWordShingle($0, n: n) { result.append($0) } }
        return result
    }

    @Test func oneShinglePerWindow() {
        #expect(wordShingles(Array(1...10), n: 5).count == 6)
        #expect(wordShingles([], n: 5).isEmpty)
    }

    @Test func aShortDocumentGetsOneShingleOfAllItsWords() {
        #expect(wordShingles([1, 2, 3], n: 5).count == 1)
        #expect(wordShingles([1, 2, 3], n: 5) != wordShingles([3, 2, 1], n: 5))
    }

    @Test func sharedRunsGiveSharedShingles() {
        let a = Set(wordShingles([1, 2, 3, 4, 5, 6, 7], n: 5))
        let b = Set(wordShingles([9, 2, 3, 4, 5, 6, 8], n: 5))
        #expect(a.intersection(b).count == 1)
    }
}

@Suite struct ShingleSetTests {
    @Test func radixSortUniqueMatchesTheStandardLibrary() {
        var generator = SplitMix64(seed: 11)
        var scratch: [UInt32] = []
        for size in [0, 1, 2, 7, 100, 1000, 5000] {
            var values = (0..<size).map { _ in UInt32.random(in: 0...UInt32(max(1, size / 2)), using: &generator) << 3 }
            let expected = Array(Set(values)).sorted()
            let count = ShingleSet.sortUnique(&values, scratch: &scratch)
            #expect(Array(values.prefix(count)) == expected)
        }
    }

    @Test func scoresAreExact() {
        #expect(OverlapMeasure.jaccard.score(common: 2, a: 4, b: 6) == 0.25)
        #expect(OverlapMeasure.containment.score(common: 2, a: 4, b: 6) == 0.5)
        #expect(OverlapMeasure.containment.score(common: 0, a: 0, b: 6) == 0)
        #expect(OverlapMeasure.cosine.score(common: 2, a: 2, b: 8) == 0.5)
        #expect(OverlapMeasure.cosine.score(common: 3, a: 3, b: 3) == 1)
        #expect(OverlapMeasure.cosine.score(common: 0, a: 0, b: 6) == 0)
        let a: [UInt32] = [1, 3, 5, 7], b: [UInt32] = [3, 4, 5, 6, 8]
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in #expect(ShingleSet.intersectionCount(x, y) == 2) } }
    }

    /// The vector count of agreeing signature slots against a count slot by slot, for slot
    /// numbers with and without a remainder of four.
    @Test func agreeingSlotsCountsEqualSlots() {
        var generator = SplitMix64(seed: 9)
        for slots in [1, 3, 4, 7, 126, 128] {
            let first = (0..<slots).map { _ in UInt32.random(in: 0...3, using: &generator) }
            let second = (0..<slots).map { _ in UInt32.random(in: 0...3, using: &generator) }
            let store = SketchStore(slots: slots, fingerprints: [], offsets: [0, 0, 0], signatures: first + second)
            let expected = zip(first, second).filter { $0 == $1 }.count
            #expect(store.agreeingSlots(0, 1) == expected, "\(slots) slots")
            #expect(store.agreeingSlots(1, 1) == slots)
        }
    }

    /// The block-wise count against a set intersection: sizes around the block width, small value
    /// ranges (many equal block ends, many matches) and large ones (few matches).
    @Test func intersectionCountMatchesSets() {
        var generator = SplitMix64(seed: 5)
        for (sizeA, sizeB) in [(0, 9), (3, 3), (4, 4), (5, 8), (8, 5), (17, 64), (300, 700), (1000, 999)] {
            for range in [UInt32(16), 2_000, UInt32.max] {
                let a = Set((0..<sizeA).map { _ in UInt32.random(in: 0...range, using: &generator) }).sorted()
                let b = Set((0..<sizeB).map { _ in UInt32.random(in: 0...range, using: &generator) }).sorted()
                let expected = Set(a).intersection(b).count
                a.withUnsafeBufferPointer { x in
                    b.withUnsafeBufferPointer { y in
                        #expect(ShingleSet.intersectionCount(x, y) == expected, "sizes \(a.count), \(b.count)")
                        #expect(ShingleSet.intersectionCount(y, x) == expected)
                    }
                }
            }
        }
    }
}

@Suite struct MinHashTests {
    func signature(_ hasher: MinHasher, _ hashes: [UInt64]) -> [UInt32] {
        var signature = [UInt32](repeating: 0, count: hasher.slots)
        hashes.withUnsafeBufferPointer { buffer in signature.withUnsafeMutableBufferPointer { hasher.sign(buffer, into: $0) } }
        return signature
    }

    @Test(arguments: MinHashScheme.allCases)
    func estimatesJaccard(scheme: MinHashScheme) {
        var generator = SplitMix64(seed: 3)
        let hasher = MinHasher(slots: 256, scheme: scheme, seed: 42)
        let shared = (0..<300).map { _ in generator.next() }
        let a = shared + (0..<100).map { _ in generator.next() }
        let b = shared + (0..<100).map { _ in generator.next() }
        let truth = 300.0 / 500.0
        let agree = zip(signature(hasher, a), signature(hasher, b)).filter { $0 == $1 }.count
        #expect(abs(Double(agree) / 256 - truth) < 0.1, "estimate \(Double(agree) / 256) vs \(truth)")
    }

    @Test(arguments: MinHashScheme.allCases)
    func isDeterministicAndFillsEverySlot(scheme: MinHashScheme) {
        let hashes: [UInt64] = [10, 20, 30]
        let first = signature(MinHasher(slots: 128, scheme: scheme, seed: 7), hashes)
        #expect(first == signature(MinHasher(slots: 128, scheme: scheme, seed: 7), hashes.reversed()))
        #expect(!first.contains(MinHasher.empty))
        #expect(first != signature(MinHasher(slots: 128, scheme: scheme, seed: 8), hashes))
        #expect(signature(MinHasher(slots: 128, scheme: scheme), []).allSatisfy { $0 == MinHasher.empty })
    }
}

@Suite struct BandParameterTests {
    @Test(arguments: [(0.2, 128), (0.3, 126), (0.5, 128), (0.8, 128)])
    func optimumFitsTheSignatureAndCentresOnTheThreshold(threshold: Double, slots: Int) {
        let bands = BandParameters.optimal(threshold: threshold, slots: slots)
        #expect(bands.bands * bands.rows <= slots)
        #expect(bands.candidateProbability(min(1, threshold + 0.2)) > 0.8)
        #expect(bands.candidateProbability(max(0, threshold - 0.15)) < bands.candidateProbability(threshold))
    }

    @Test func containmentTunesTheBandsForHalfLengthReports() {
        var options = MatchingSettings()
        options.measure = .containment
        options.threshold = 0.5
        #expect(abs(options.lshThreshold - 0.2) < 1e-9)
        options.measure = .jaccard
        #expect(options.lshThreshold == 0.5)
    }

    /// Cosine bands for the lowest Jaccard a pair at the threshold can have: a report wholly
    /// inside one 1/t² times its length (Jaccard t²), and its floor lets that pair through.
    @Test func cosineTunesTheBandsForTheMostContainedPair() {
        var options = MatchingSettings()
        options.measure = .cosine
        options.threshold = 0.45
        #expect(abs(options.lshThreshold - 0.2025) < 1e-9)
        let shorter = 81, longer = 400   // 81 / 400 = 0.45²: the shorter wholly inside the longer
        #expect(abs(OverlapMeasure.cosine.score(common: shorter, a: shorter, b: longer) - 0.45) < 1e-9)
        #expect(Double(options.minimumAgreement) / Double(options.slots) <= Double(shorter) / Double(longer) + 1.0 / Double(options.slots))
    }
}

@Suite struct KeyedDocumentTests {
    /// The radix sort orders by the top 33 bits and then by whole key: keys that share their top
    /// bits but differ below must still come out in key order, equal keys in document order.
    @Test func sortsLikeAStableSortByKey() {
        var generator = SplitMix64(seed: 5)
        let tops = (0..<8).map { _ in generator.next() & ~((1 << 31) - 1) }
        var items = (0..<2000).map { document in
            KeyedDocument(key: tops[Int(generator.next() % 8)] | (generator.next() % 4), document: UInt32(document))
        }
        let expected = items.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
        items.withUnsafeMutableBufferPointer { KeyedDocument.radixSort($0) }
        #expect(items.map(\.key) == expected.map(\.key))
        #expect(items.map(\.document) == expected.map(\.document))
    }
}
