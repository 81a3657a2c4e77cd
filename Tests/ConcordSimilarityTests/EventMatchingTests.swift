#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import ConcordSimilarity

/// Events-mode terms of documents given as token ids, through the batch and numbering the
/// pipeline uses: terms are numbered in the order first seen, body before title.
func eventTerms(bodies: [[UInt64]], titles: [[UInt64]]? = nil, days: [Int32?]? = nil) -> EventTerms {
    var batch = EventTerms.Batch(), counter = TokenCounter()
    for (index, body) in bodies.enumerated() {
        let title = titles?[index] ?? []
        body.withUnsafeBufferPointer { body in
            title.withUnsafeBufferPointer { title in
                batch.appendDocument(body: body, title: title, day: days?[index] ?? nil, counter: &counter)
            }
        }
    }
    var terms = EventTerms()
    terms.append(contentsOf: batch)
    return terms
}

/// The body vectors of documents given as token ids.
func bodyVectors(_ bodies: [[UInt64]]) -> TermVectors {
    let terms = eventTerms(bodies: bodies)
    var body = terms.body
    return TermVectors(&body, numbers: terms.numbers)
}

/// `count` documents of `topics` topics: each draws 25 tokens from its topic's 12 words, 20 from
/// 400 common words and 3 of its own. Topic `t`'s words are 10_000 + 100 t …; document `d`'s own
/// words are 1_000_000 + 10 d ….
func topicalCorpus(count: Int, topics: Int, seed: UInt64) -> (bodies: [[UInt64]], topics: [Int]) {
    var generator = SplitMix64(seed: seed)
    var bodies: [[UInt64]] = [], labels: [Int] = []
    for document in 0..<count {
        let topic = Int(generator.next() % UInt64(topics))
        var tokens: [UInt64] = []
        for _ in 0..<25 { tokens.append(10_000 + 100 * UInt64(topic) + generator.next() % 12) }
        for _ in 0..<20 { tokens.append(generator.next() % 400) }
        for own in 0..<3 { tokens.append(1_000_000 + 10 * UInt64(document) + UInt64(own)) }
        bodies.append(tokens.shuffled(using: &generator))
        labels.append(topic)
    }
    return (bodies, labels)
}

@Suite struct TermVectorsTests {
    /// Document `index`'s weight for each token, given the tokens in the order first seen.
    func weights(_ vectors: TermVectors, _ index: Int, tokensInOrder: [UInt64]) -> [UInt64: Float] {
        var result: [UInt64: Float] = [:]
        for position in vectors.range(index) { result[tokensInOrder[Int(vectors.terms[position])]] = vectors.weights[position] }
        return result
    }

    @Test func everyVectorHasLengthOne() {
        let corpus = topicalCorpus(count: 200, topics: 10, seed: 1)
        let vectors = bodyVectors(corpus.bodies + [[], [7, 7, 7]])
        #expect(vectors.count == 202)
        for document in 0..<vectors.count where !vectors.range(document).isEmpty {
            let squares = vectors.range(document).reduce(Float(0)) { $0 + vectors.weights[$1] * vectors.weights[$1] }
            #expect(abs(squares - 1) < 1e-5, "document \(document)")
        }
        #expect(vectors.range(200).isEmpty)
    }

    /// idf = ln((1 + N) / (1 + df)) + 1: a term of every document weighs 1, one of a single document
    /// ln(5 / 2) + 1 of four.
    @Test func aTermOfEveryDocumentWeighsLessThanARareOne() {
        let vectors = bodyVectors([[1, 2], [1, 3], [1, 3], [1, 4]])
        let first = weights(vectors, 0, tokensInOrder: [1, 2, 3, 4])
        #expect(first[1]! < first[2]!)
        #expect(abs(first[2]! / first[1]! - Float(log(2.5) + 1)) < 1e-5)
        let second = weights(vectors, 1, tokensInOrder: [1, 2, 3, 4])
        #expect(abs(second[3]! / second[1]! - Float(log(5.0 / 3) + 1)) < 1e-5)
    }

    /// Term frequency counts sublinearly: twice as often weighs 1 + ln 2 as much.
    @Test func aRepeatedTermWeighsOnePlusTheLogOfItsCount() {
        let vectors = bodyVectors([[1, 2, 2, 3, 3, 3, 3], [1, 2, 3]])
        let first = weights(vectors, 0, tokensInOrder: [1, 2, 3])
        #expect(abs(first[2]! / first[1]! - Float(1 + log(2.0))) < 1e-5)
        #expect(abs(first[3]! / first[1]! - Float(1 + log(4.0))) < 1e-5)
    }

    @Test func cosinesAreOneForItselfAndSymmetric() {
        let corpus = topicalCorpus(count: 60, topics: 4, seed: 2)
        let vectors = bodyVectors(corpus.bodies + [[]])
        var dense = [Float](repeating: 0, count: vectors.vocabularySize)
        for a in 0..<60 {
            #expect(abs(vectors.cosine(a, a, dense: &dense) - 1) < 1e-5)
            for b in 0..<60 where b != a {
                let ab = vectors.cosine(a, b, dense: &dense), ba = vectors.cosine(b, a, dense: &dense)
                #expect(abs(ab - ba) < 1e-5)
                #expect(ab >= 0 && ab < 1)
            }
            #expect(vectors.cosine(a, 60, dense: &dense) == 0)
            #expect(vectors.cosine(60, a, dense: &dense) == 0)
        }
        #expect(dense.allSatisfy { $0 == 0 })
    }

    @Test func sameTopicDocumentsAreCloserThanOthers() {
        let corpus = topicalCorpus(count: 40, topics: 2, seed: 3)
        let vectors = bodyVectors(corpus.bodies)
        var dense = [Float](repeating: 0, count: vectors.vocabularySize)
        for a in 0..<40 {
            let same = (0..<40).filter { $0 != a && corpus.topics[$0] == corpus.topics[a] }.map { vectors.cosine(a, $0, dense: &dense) }
            let other = (0..<40).filter { corpus.topics[$0] != corpus.topics[a] }.map { vectors.cosine(a, $0, dense: &dense) }
            #expect(same.min()! > other.max()!)
        }
    }

    @Test func identicalDocumentsHaveCosineOneAndDisjointOnesZero() {
        let vectors = bodyVectors([[1, 2, 3, 2], [2, 3, 2, 1], [4, 5]])
        var dense = [Float](repeating: 0, count: vectors.vocabularySize)
        #expect(abs(vectors.cosine(0, 1, dense: &dense) - 1) < 1e-5)
        #expect(vectors.cosine(0, 2, dense: &dense) == 0)
    }
}

@Suite struct NearestNeighboursTests {
    func parameters(count: Int = 10, topTerms: Int = 24, exactCandidates: Int = 40, postingCap: Int = 200) -> NearestNeighbours.Parameters {
        var parameters = NearestNeighbours.Parameters()
        parameters.count = count
        parameters.topTerms = topTerms
        parameters.exactCandidates = exactCandidates
        parameters.postingCap = postingCap
        return parameters
    }

    /// With every term posted and every candidate scored: the exact `count` best of the documents
    /// sharing a term (and within the window), best first, ties to the earlier document.
    func bruteForce(_ vectors: TermVectors, count: Int, days: [Int32?] = [], dateWindow: Int? = nil) -> [[Neighbour]] {
        var dense = [Float](repeating: 0, count: vectors.vocabularySize)
        return (0..<vectors.count).map { document in
            (0..<vectors.count).filter { other in
                guard other != document else { return false }
                guard let dateWindow, let day = days[document], let otherDay = days[other] else { return true }
                return abs(Int(day) - Int(otherDay)) <= dateWindow
            }
            .map { Neighbour(document: Int32($0), cosine: vectors.cosine(document, $0, dense: &dense)) }
            .filter { $0.cosine > 0 }
            .sorted(by: Neighbour.precedes)
            .prefix(count).map { $0 }
        }
    }

    /// Enough documents for several parts per thread (parts hold at least 256).
    @Test func theListsAreTheSameForAnyThreadCount() {
        let vectors = bodyVectors(topicalCorpus(count: 1500, topics: 120, seed: 4).bodies)
        let serial = NearestNeighbours(vectors: vectors, parameters: parameters(), threads: 1, days: [], dateWindow: nil).lists
        #expect(serial.count == 1500)
        #expect(serial.allSatisfy { !$0.isEmpty })
        for threads in [2, 4] {
            let parallel = NearestNeighbours(vectors: vectors, parameters: parameters(), threads: threads, days: [], dateWindow: nil).lists
            #expect(parallel == serial, "threads \(threads)")
        }
    }

    @Test func listsHoldOthersBestFirstWithTheirExactCosines() {
        let corpus = topicalCorpus(count: 600, topics: 50, seed: 5)
        let vectors = bodyVectors(corpus.bodies)
        let lists = NearestNeighbours(vectors: vectors, parameters: parameters(count: 6), threads: 2, days: [], dateWindow: nil).lists
        var dense = [Float](repeating: 0, count: vectors.vocabularySize)
        var sameTopicFirst = 0
        for (document, list) in lists.enumerated() {
            #expect(list.count <= 6)
            #expect(!list.contains { Int($0.document) == document }, "document \(document) is its own neighbour")
            #expect(Set(list.map(\.document)).count == list.count)
            #expect(zip(list, list.dropFirst()).allSatisfy { Neighbour.precedes($0, $1) }, "document \(document): not best first")
            for neighbour in list {
                #expect(abs(neighbour.cosine - vectors.cosine(document, Int(neighbour.document), dense: &dense)) < 1e-5)
            }
            if let first = list.first, corpus.topics[Int(first.document)] == corpus.topics[document] { sameTopicFirst += 1 }
        }
        #expect(sameTopicFirst == 600)
    }

    /// Prefix filtering finds what comparing every pair finds when nothing is cut.
    @Test func withNothingCutTheListsAreTheExactNearest() {
        let vectors = bodyVectors(topicalCorpus(count: 150, topics: 8, seed: 6).bodies + [[], [123_456]])
        let unlimited = parameters(count: 7, topTerms: 10_000, exactCandidates: 10_000, postingCap: 10_000)
        let lists = NearestNeighbours(vectors: vectors, parameters: unlimited, threads: 3, days: [], dateWindow: nil).lists
        #expect(lists == bruteForce(vectors, count: 7))
        #expect(lists[150].isEmpty && lists[151].isEmpty)
    }

    @Test func noNeighbourIsDatedOutsideTheWindow() {
        let corpus = topicalCorpus(count: 800, topics: 20, seed: 7)
        var generator = SplitMix64(seed: 8)
        let days: [Int32?] = (0..<800).map { _ in generator.next() % 10 == 0 ? nil : Int32(generator.next() % 60) + 18_900 }
        let vectors = bodyVectors(corpus.bodies)
        let windowed = NearestNeighbours(vectors: vectors, parameters: parameters(), threads: 2, days: days, dateWindow: 3).lists
        func outside(_ document: Int, _ neighbour: Neighbour) -> Bool {
            guard let day = days[document], let other = days[Int(neighbour.document)] else { return false }
            return abs(day - other) > 3
        }
        for (document, list) in windowed.enumerated() {
            #expect(!list.contains { outside(document, $0) }, "document \(document)")
        }
        #expect(windowed.allSatisfy { !$0.isEmpty })
        // Undated documents neighbour documents of any day.
        let undated = days.indices.filter { days[$0] == nil }
        #expect(undated.contains { document in windowed[document].contains { days[Int($0.document)] != nil } })
        // The window is what keeps them out: without it, some neighbours are further apart.
        let unwindowed = NearestNeighbours(vectors: vectors, parameters: parameters(), threads: 2, days: days, dateWindow: nil).lists
        #expect(unwindowed.enumerated().contains { document, list in list.contains { outside(document, $0) } })
    }

    @Test func withNothingCutAWindowedListIsTheExactNearestWithinIt() {
        let vectors = bodyVectors(topicalCorpus(count: 150, topics: 5, seed: 9).bodies)
        let days: [Int32?] = (0..<150).map { $0 % 13 == 0 ? nil : Int32($0 % 20) }
        let unlimited = parameters(count: 5, topTerms: 10_000, exactCandidates: 10_000, postingCap: 10_000)
        let lists = NearestNeighbours(vectors: vectors, parameters: unlimited, threads: 1, days: days, dateWindow: 2).lists
        #expect(lists == bruteForce(vectors, count: 5, days: days, dateWindow: 2))
    }

    /// Two documents sharing five words, each with 30 words of its own: their own words weigh
    /// most (idf), but no other document holds them, so they are not top terms (they could
    /// propose no candidate); the shared words are, and the pair (cosine about 0.1, each other's
    /// only match) is found.
    @Test func aDocumentsOnlyMatchIsFoundThoughItsOwnWordsOutnumberTheTopTerms() {
        let shared: [UInt64] = [1, 2, 3, 4, 5]
        let bodies = [shared + (100..<130).map(UInt64.init), shared + (200..<230).map(UInt64.init)]
            + (0..<20).map { filler in (0..<10).map { 1000 + 10 * UInt64(filler) + UInt64($0) } }
        let vectors = bodyVectors(bodies)
        var dense = [Float](repeating: 0, count: vectors.vocabularySize)
        #expect(vectors.cosine(0, 1, dense: &dense) > 0.05)
        let lists = NearestNeighbours(vectors: vectors, parameters: parameters(), threads: 1, days: [], dateWindow: nil).lists
        #expect(lists[0].map(\.document) == [1])
        #expect(lists[1].map(\.document) == [0])
        // With room for every term, the pair is found.
        let roomy = NearestNeighbours(vectors: vectors, parameters: parameters(topTerms: 40), threads: 1, days: [], dateWindow: nil).lists
        #expect(roomy[0].map(\.document) == [1] && roomy[1].map(\.document) == [0])
    }

    /// A term posted for more documents than the cap proposes no candidates.
    @Test func termsPostedTooOftenProposeNoCandidates() {
        let bodies = (0..<300).map { [7, 1000 + UInt64($0)] as [UInt64] }
        let vectors = bodyVectors(bodies)
        let capped = NearestNeighbours(vectors: vectors, parameters: parameters(postingCap: 200), threads: 1, days: [], dateWindow: nil)
        #expect(capped.lists.allSatisfy { $0.isEmpty })
        let uncapped = NearestNeighbours(vectors: vectors, parameters: parameters(postingCap: 300), threads: 1, days: [], dateWindow: nil)
        #expect(uncapped.lists.allSatisfy { $0.count == 10 })
    }
}

@Suite struct EventPairModelTests {
    func json(intercept: String = "\(EventPairModel.fitted.intercept)", weights: [(String, String)]) -> [UInt8] {
        let entries = weights.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ")
        return Array("{\"intercept\": \(intercept), \"weights\": {\(entries)}}".utf8)
    }

    var fittedWeights: [(String, String)] {
        zip(EventPairModel.names, EventPairModel.fitted.weights).map { ($0, "\($1)") }
    }

    func refusal(_ bytes: [UInt8]) -> String? {
        do {
            _ = try EventPairModel(json: bytes)
            return nil
        } catch {
            return (error as? EventModelError)?.description ?? "not an EventModelError: \(error)"
        }
    }

    @Test func aWrittenModelReadsBackTheSame() throws {
        #expect(try EventPairModel(json: json(weights: fittedWeights)) == .fitted)
        #expect(try EventPairModel(json: json(weights: fittedWeights.reversed())) == .fitted)
        let other = try EventPairModel(json: json(intercept: "0.5", weights: EventPairModel.names.enumerated().map { ($1, "\($0)e-1") }))
        #expect(other == EventPairModel(weights: [0, 0.1, 0.2, 0.3, 0.4, 0.5], intercept: 0.5))
    }

    @Test func aMissingFeatureIsNamed() {
        let message = refusal(json(weights: fittedWeights.filter { $0.0 != "relative_cosine_min" }))
        #expect(message?.contains("relative_cosine_min") == true, "\(message ?? "accepted")")
    }

    @Test func anUnknownFeatureIsNamed() {
        let message = refusal(json(weights: fittedWeights + [("word_overlap", "1.0")]))
        #expect(message?.contains("word_overlap") == true, "\(message ?? "accepted")")
        #expect(message?.contains("cosine, title_cosine") == true, "\(message ?? "accepted")")
    }

    /// JSON has no infinity: a number too large for a Double is the way one would reach the
    /// model. The decoder refuses it, so the file is "not a model".
    @Test(arguments: ["1e999", "-1e999"])
    func aNonFiniteWeightIsRefused(weight: String) {
        var weights = fittedWeights
        weights[2].1 = weight
        let message = refusal(json(weights: weights))
        let intercept = refusal(json(intercept: weight, weights: fittedWeights))
        #expect(message?.hasPrefix("not an EventModelError") == false, "\(message ?? "accepted")")
        #expect(intercept?.hasPrefix("not an EventModelError") == false, "\(intercept ?? "accepted")")
        #expect(message?.contains("not a model") == true, "\(message ?? "accepted")")
        #expect(intercept?.contains("not a model") == true, "\(intercept ?? "accepted")")
    }

    @Test(arguments: ["", "not json", "[1, 2]", "{\"weights\": {}}", "{\"intercept\": \"high\", \"weights\": {}}", "{\"intercept\": 1, \"weights\": [1, 2]}"])
    func whatIsNoModelIsRefused(text: String) {
        let message = refusal(Array(text.utf8))
        #expect(message?.contains("not a model") == true, "\(message ?? "accepted")")
    }

    @Test func theProbabilityRisesWithTheCosine() {
        var previous = 0.0
        for step in 0...100 {
            let cosine = Float(step) / 100
            let features = EventPairModel.features(cosine: cosine, titleCosine: 0.3, rankInA: 0, rankInB: 2, bestA: 1, bestB: 1)
            let probability = EventPairModel.fitted.probability(features)
            #expect(probability > previous && probability < 1, "cosine \(cosine)")
            previous = probability
        }
    }

    @Test func theProbabilityIsTheLogisticOfTheWeightedSum() {
        let model = EventPairModel(weights: [1, 2, 0, 0, 0, -1], intercept: -1)
        let features = EventPairModel.Features(values: [0.5, 0.25, 9, 9, 9, 1])
        #expect(abs(model.probability(features) - 1 / (1 + exp(1.0))) < 1e-12)
        #expect(model.probability(EventPairModel.Features(values: [0, 0, 0, 0, 0, 1])) < 0.5)
    }

    @Test func featuresReadRanksAndRelativeCosines() {
        let features = EventPairModel.features(cosine: 0.4, titleCosine: nil, rankInA: 0, rankInB: nil, bestA: 0.8, bestB: 0.5)
        let expected: [Double] = [0.4, 0.4, 1, 0, 0.8, 0.5]
        #expect(zip(features.values, expected).allSatisfy { abs($0 - $1) < 1e-6 }, "\(features.values)")
        let titled = EventPairModel.features(cosine: 0.4, titleCosine: 0.9, rankInA: 3, rankInB: 1, bestA: 0, bestB: 0.4)
        let expectedTitled: [Double] = [0.4, 0.9, 0.5, 0.25, 1, 0]
        #expect(zip(titled.values, expectedTitled).allSatisfy { abs($0 - $1) < 1e-6 }, "\(titled.values)")
    }
}
