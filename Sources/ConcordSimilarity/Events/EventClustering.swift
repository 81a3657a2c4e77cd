internal import Foundation

/// How events mode matches reports.
public struct EventSettings: Sendable, Equatable, Codable {
    /// The smallest average pair probability at which two groups of reports merge into one event.
    /// Chosen on `neus_train` (pairwise F1 0.663 at 0.25, 0.665 at 0.2, 0.647 at 0.15); the
    /// higher of the two best keeps unrelated reports apart in small corpora (`Corpus/`).
    public var threshold = 0.25
    /// Reports dated more than this many days apart are never one event; `nil` ignores dates.
    /// Reports without a date are compared with every report.
    public var dateWindow: Int? = 3
    public var neighbours = NearestNeighbours.Parameters()

    public init() {}

    /// Keys as `MatchingSettings` writes them (lowercase, hyphenated).
    enum CodingKeys: String, CodingKey {
        case threshold, dateWindow = "date-window", neighbours
    }

    /// The settings as one line of JSON with sorted keys (as `MatchingSettings.json`).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every field is a number or null: encoding cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    /// The settings in a few words, for a summary line.
    public var summary: String {
        "pair probability ≥ \(threshold) by average linkage over each report's \(neighbours.count) nearest neighbours"
            + (dateWindow.map { ", reports dated over \($0) days apart kept apart" } ?? ", dates ignored")
    }
}

/// Where one report landed in events mode.
public struct EventAssignment: Sendable, Equatable {
    /// The event: numbered 0, 1, 2, … in the input order of their first report.
    public var event: Int
    /// The report most strongly tied to the rest of its event.
    public var representative: Int
    /// The report's term-vector cosine with the representative (1 for the representative).
    public var similarity: Double
}

/// One scored candidate pair of events mode (first < second).
public struct EventPair: Sendable, Equatable {
    public var first: Int
    public var second: Int
    public var features: EventPairModel.Features
    public var probability: Double
}

/// What events mode found.
public struct EventReport: Sendable {
    public var assignments: [EventAssignment]
    /// The candidate pairs with their features and probabilities, in order (when asked for:
    /// they take more memory than the rest of events mode together).
    public var pairs: [EventPair]
    /// The number of candidate pairs scored.
    public var candidatePairs: Int
    /// The reports with a date read, and those whose date was given but not ISO 8601.
    public var datedReports: Int
    public var unreadableDates: Int
}

/// Events mode: groups the reports of one event, whoever wrote them. Copies (found by the copies
/// pipeline) start as one group each; every report's nearest neighbours by weighted term vectors
/// (`NearestNeighbours`) give the candidate pairs; `EventPairModel` scores each; average linkage
/// over the probabilities (pairs not among the candidates count 0) merges groups into events, so
/// a chain of likely pairs never merges unrelated reports.
public enum EventClustering {
    /// - Parameters:
    ///   - terms: every report's terms and day, from the pipeline.
    ///   - copies: every report's copy cluster.
    ///   - keepsPairFeatures: report every candidate pair with its features (`EventReport.pairs`).
    ///   - threads: worker threads; the result is the same for any count.
    /// - Complexity: that of `NearestNeighbours`, plus linkage over O(*n* · *k*) pairs.
    public static func cluster(terms: consuming EventTerms, copies: [ClusterAssignment], settings: EventSettings,
                               model: EventPairModel = .fitted, keepsPairFeatures: Bool = false, threads: Int) -> EventReport {
        let count = terms.count, days = terms.days, unreadableDates = terms.unreadableDates
        let body = TermVectors(&terms.body, numbers: terms.numbers)
        let titles = TermVectors(&terms.title, numbers: terms.numbers)
        // Copies stay among each other's neighbours: a report with copies has them as its best
        // matches, so a merely similar report ranks behind them, as it should.
        let neighbours = NearestNeighbours(vectors: body, parameters: settings.neighbours, threads: threads,
                                           days: days, dateWindow: settings.dateWindow).lists
        let (scored, pairs) = candidatePairs(neighbours: neighbours, titles: titles, model: model,
                                             keepsFeatures: keepsPairFeatures)
        let roots = AverageLinkage.cluster(count: count, pairs: scored, threshold: settings.threshold,
                                           groups: copies.map(\.cluster)) { _, _ in 0 }
        let sizes = (0..<count).map { body.range($0).count }
        var dense = [Float](repeating: 0, count: body.vocabularySize)
        let events = AverageLinkage.assignments(roots: roots, pairs: scored, sizes: sizes) { _, _ in 0 }
        let assignments = events.enumerated().map { document, event in
            EventAssignment(event: event.cluster, representative: event.representative,
                            similarity: event.representative == document ? 1 : Double(body.cosine(event.representative, document, dense: &dense)))
        }
        return EventReport(assignments: assignments, pairs: pairs, candidatePairs: scored.count,
                           datedReports: days.reduce(0) { $0 + ($1 == nil ? 0 : 1) }, unreadableDates: unreadableDates)
    }

    /// The pairs of each report with its neighbours, each once (first < second), in order, with
    /// their probability and, when `keepsFeatures`, their features. A pair's cosine and ranks
    /// come from the neighbour lists.
    ///
    /// - Complexity: O(*p* log *p*) for *p* neighbour entries, plus a title cosine per pair.
    static func candidatePairs(neighbours: [[Neighbour]], titles: TermVectors, model: EventPairModel,
                               keepsFeatures: Bool) -> (scored: [ScoredPair], pairs: [EventPair]) {
        /// One report's listing of another: the pair, its cosine, and the rank on the first's side
        /// or on the second's.
        struct Listing {
            var key: UInt64
            var cosine: Float
            var rank: Int
            var inFirst: Bool
        }
        var listings: [Listing] = []
        listings.reserveCapacity(neighbours.reduce(0) { $0 + $1.count })
        for (document, list) in neighbours.enumerated() {
            for (rank, neighbour) in list.enumerated() {
                let other = Int(neighbour.document)
                listings.append(Listing(key: AverageLinkage.key(document, other), cosine: neighbour.cosine, rank: rank,
                                        inFirst: document < other))
            }
        }
        listings.sort { $0.key != $1.key ? $0.key < $1.key : $0.inFirst && !$1.inFirst }
        var scored: [ScoredPair] = [], pairs: [EventPair] = []
        var dense = [Float](repeating: 0, count: titles.vocabularySize)
        var index = 0
        while index < listings.count {
            let listing = listings[index]
            var (rankInFirst, rankInSecond): (Int?, Int?) = listing.inFirst ? (listing.rank, nil) : (nil, listing.rank)
            index += 1
            if index < listings.count && listings[index].key == listing.key {
                rankInSecond = listings[index].rank
                index += 1
            }
            let (a, b) = (Int(listing.key >> 32), Int(listing.key & 0xFFFF_FFFF))
            let hasTitles = !titles.range(a).isEmpty && !titles.range(b).isEmpty
            let features = EventPairModel.features(
                cosine: listing.cosine, titleCosine: hasTitles ? titles.cosine(a, b, dense: &dense) : nil,
                rankInA: rankInFirst, rankInB: rankInSecond,
                bestA: neighbours[a].first?.cosine ?? 0, bestB: neighbours[b].first?.cosine ?? 0)
            let probability = model.probability(features)
            scored.append(ScoredPair(first: Int32(a), second: Int32(b), score: Float(probability)))
            if keepsFeatures { pairs.append(EventPair(first: a, second: b, features: features, probability: probability)) }
        }
        return (scored, pairs)
    }
}
