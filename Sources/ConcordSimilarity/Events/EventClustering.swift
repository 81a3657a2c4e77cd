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
            + (dateWindow.map { ", dates within \($0) days" } ?? ", dates ignored")
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
    /// The candidate pairs with their features and probabilities, in order.
    public var pairs: [EventPair]
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
    ///   - threads: worker threads; the result is the same for any count.
    /// - Complexity: that of `NearestNeighbours`, plus linkage over O(*n* · *k*) pairs.
    public static func cluster(terms: EventTerms, copies: [ClusterAssignment], settings: EventSettings,
                               model: EventPairModel = .fitted, threads: Int) -> EventReport {
        let vocabulary = TermVectors.Vocabulary([terms.body, terms.title])
        let body = TermVectors(terms.body, vocabulary: vocabulary)
        let titles = TermVectors(terms.title, vocabulary: vocabulary)
        let days = terms.days, window = settings.dateWindow
        // Copies stay among each other's neighbours: a report with copies has them as its best
        // matches, so a merely similar report ranks behind them, as it should.
        let neighbours = NearestNeighbours(vectors: body, parameters: settings.neighbours, threads: threads) { a, b in
            guard let window, let dayA = days[a], let dayB = days[b] else { return true }
            return abs(Int(dayA) - Int(dayB)) <= window
        }.lists
        var keys: [UInt64] = []
        for (document, list) in neighbours.enumerated() {
            for neighbour in list { keys.append(AverageLinkage.key(document, Int(neighbour.document))) }
        }
        keys.sort()
        func features(_ a: Int, _ b: Int) -> EventPairModel.Features {
            let hasTitles = !titles.range(a).isEmpty && !titles.range(b).isEmpty
            return EventPairModel.features(
                cosine: body.cosine(a, b), titleCosine: hasTitles ? titles.cosine(a, b) : nil,
                rankInA: neighbours[a].firstIndex { $0.document == Int32(b) },
                rankInB: neighbours[b].firstIndex { $0.document == Int32(a) },
                bestA: neighbours[a].first?.cosine ?? 0, bestB: neighbours[b].first?.cosine ?? 0)
        }
        var pairs: [EventPair] = []
        var previous: UInt64?
        for key in keys where key != previous {
            previous = key
            let (a, b) = (Int(key >> 32), Int(key & 0xFFFF_FFFF))
            let scored = features(a, b)
            pairs.append(EventPair(first: a, second: b, features: scored, probability: model.probability(scored)))
        }
        // A pair outside the candidates is scored as well when linkage needs it: its reports are
        // not each other's neighbours, which the rank features say.
        let probability: (Int, Int) -> Double = { model.probability(features($0, $1)) }
        let scored = pairs.map { ScoredPair(first: Int32($0.first), second: Int32($0.second), score: Float($0.probability)) }
        let roots = AverageLinkage.cluster(count: terms.count, pairs: scored, threshold: settings.threshold,
                                           groups: copies.map(\.cluster), score: probability)
        let sizes = (0..<terms.count).map { body.range($0).count }
        let events = AverageLinkage.assignments(roots: roots, pairs: scored, sizes: sizes, score: probability)
        let assignments = events.enumerated().map { document, event in
            EventAssignment(event: event.cluster, representative: event.representative,
                            similarity: event.representative == document ? 1 : Double(body.cosine(event.representative, document)))
        }
        return EventReport(assignments: assignments, pairs: pairs)
    }
}
