#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import Foundation

/// The probability that two reports tell of one event, from signals of the pair: how alike their
/// words and titles are, and where each stands among the other's nearest neighbours (reports of
/// one event are each other's best matches, where reports of one topic merely look alike). A
/// logistic model; its weights are fitted on labelled events (`Scripts/fit-event-model.py`
/// refits them from `concord cluster --mode events --pair-features`).
public struct EventPairModel: Sendable, Equatable {
    /// The signals of one candidate pair, in `names` order.
    public struct Features: Sendable, Equatable {
        public var values: [Double]
    }

    /// The signals, in order: body cosine; title cosine (the body cosine again unless both have
    /// titles, so a corpus without titles is scored on its text alone); 1 / rank of each in the other's neighbour list (0 when absent), the larger
    /// and the smaller; the cosine over each one's best neighbour's cosine, the larger and the
    /// smaller.
    public static let names = ["cosine", "title_cosine", "reciprocal_rank_max", "reciprocal_rank_min",
                               "relative_cosine_max", "relative_cosine_min"]

    public var weights: [Double]
    public var intercept: Double

    /// Fitted by `Scripts/fit-event-model.py` (defaults: `neus_train` with 30% of its events cut
    /// to one report; 41,496 candidate pairs, 4,329 of them within one event), which prints
    /// these numbers.
    public static let fitted = EventPairModel(
        weights: [1.015, 1.9218, 1.3183, 2.7537, 1.5592, 1.749],
        intercept: -6.2537)

    public init(weights: [Double], intercept: Double) {
        precondition(weights.count == Self.names.count)
        self.weights = weights
        self.intercept = intercept
    }

    /// A model read from JSON, `{"intercept": x, "weights": {"cosine": w, …}}` with a weight for
    /// every name in `names` (as `Scripts/fit-event-model.py` writes it).
    ///
    /// - Throws: `EventModelError` naming what is missing or unknown.
    public init(json: [UInt8]) throws {
        struct Stored: Decodable {
            var intercept: Double
            var weights: [String: Double]
        }
        let stored: Stored
        do {
            stored = try JSONDecoder().decode(Stored.self, from: Data(json))
        } catch {
            throw EventModelError("not a model: expected {\"intercept\": number, \"weights\": {name: number, …}}")
        }
        if let unknown = stored.weights.keys.sorted().first(where: { !Self.names.contains($0) }) {
            throw EventModelError("unknown feature '\(unknown)' (features: \(Self.names.joined(separator: ", ")))")
        }
        let weights = try Self.names.map { name in
            guard let weight = stored.weights[name] else { throw EventModelError("no weight for feature '\(name)'") }
            return weight
        }
        self.init(weights: weights, intercept: stored.intercept)
    }

    /// The probability that a pair with `features` is one event.
    ///
    /// - Complexity: O(1).
    public func probability(_ features: Features) -> Double {
        var sum = intercept
        for (weight, value) in zip(weights, features.values) { sum += weight * value }
        return 1 / (1 + exp(-sum))
    }

    /// The features of documents `a` and `b`.
    ///
    /// - Parameters:
    ///   - rankInA: b's position in a's neighbour list (0 for the first), or `nil`.
    ///   - bestA: the cosine of a's best neighbour.
    static func features(cosine: Float, titleCosine: Float?, rankInA: Int?, rankInB: Int?, bestA: Float, bestB: Float) -> Features {
        func reciprocal(_ rank: Int?) -> Double { rank.map { 1 / Double($0 + 1) } ?? 0 }
        func relative(_ best: Float) -> Double { best > 0 ? Double(cosine / best) : 0 }
        let ranks = (reciprocal(rankInA), reciprocal(rankInB))
        let relatives = (relative(bestA), relative(bestB))
        return Features(values: [
            Double(cosine), Double(titleCosine ?? cosine),
            max(ranks.0, ranks.1), min(ranks.0, ranks.1),
            max(relatives.0, relatives.1), min(relatives.0, relatives.1),
        ])
    }
}

/// Why an events model file was refused.
public struct EventModelError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
