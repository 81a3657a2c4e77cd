internal import Foundation
import ConcordText

/// Every setting that decides what a matching run finds: how reports become shingles and
/// signatures, how candidates are banded, and how pairs are scored. One value, written the same
/// way wherever a run is described (the index header, `cluster --format json`, the summary line)
/// and compared field by field when an index is opened.
///
/// The thread count is not a setting: results are the same for any count.
public struct MatchingSettings: Sendable, Equatable {
    public var shingles: ShingleKind = .words(5)
    public var slots = 128
    public var scheme: MinHashScheme = .onePermutation
    public var seed: UInt64 = 1
    /// Pairs scoring at least this (by `measure`) are verified matches, and clusters merge when
    /// their average linkage reaches it. The LSH banding is tuned from it (`lshThreshold`) unless
    /// `bands` is given.
    public var threshold = 0.5
    /// The banding, when given; nil tunes it from `threshold` (see `resolvedBands`).
    public var bands: BandParameters?
    public var measure: OverlapMeasure = .containment
    /// Bucket size above which an LSH bucket is not paired out fully.
    public var bucketCap = CandidatePairs.defaultBucketCap
    public var text = TextPipeline.Options()
    /// The token hash (`StableHash.identity`): sketches made with another cannot be compared.
    public var tokenHash = StableHash.identity
    /// The shingle hash (`Shingles.identity`).
    public var shingleHash = Shingles.identity

    public init() {}

    /// The banding used: the one given, or datasketch's optimum for `lshThreshold` and `slots`.
    public var resolvedBands: BandParameters {
        bands ?? BandParameters.optimal(threshold: lshThreshold, slots: slots)
    }

    /// The Jaccard similarity the LSH banding must catch. For Jaccard it is the threshold. For
    /// containment c it is the Jaccard of a pair whose shorter report, half as long as the longer,
    /// lies inside it to the extent c: J = c·ρ / (1 + ρ − c·ρ) with ρ = ½ (0.2 for c = 0.5). Shorter
    /// reports contained in longer ones are still found, with falling probability. For cosine t it
    /// is the lowest Jaccard a pair scoring t can have, t² (0.2 for t = 0.45): that of a report
    /// wholly inside one 1/t² times its length.
    public var lshThreshold: Double {
        switch measure {
        case .jaccard: return threshold
        case .containment:
            let ratio = 0.5
            return threshold * ratio / (1 + ratio - threshold * ratio)
        case .cosine: return threshold * threshold
        }
    }

    /// The Jaccard similarity a candidate's signatures must show before it is verified exactly.
    /// For containment and cosine it is `lshThreshold`: a pair that shares less than the LSH bands
    /// are tuned for is a chance collision (two reports sharing a lede sentence), and a contained
    /// report is found down to about a quarter of the longer report's length (for cosine, down to
    /// the length where a report wholly inside another scores the threshold) whatever the bands'
    /// luck. For Jaccard it lies two standard errors of the estimate below the threshold: it only
    /// saves time.
    public var jaccardFloor: Double {
        switch measure {
        case .containment, .cosine: return lshThreshold
        case .jaccard: return max(0, threshold - 2 * (threshold * (1 - threshold) / Double(slots)).squareRoot())
        }
    }

    /// `jaccardFloor` in signature slots that must agree.
    public var minimumAgreement: Int { Int((jaccardFloor * Double(slots)).rounded(.up)) }

    /// The settings in a sentence, for a summary line:
    /// "containment ≥ 0.50 on word 5-shingles, LSH 28 × 2 over 128 slots".
    public var summary: String {
        "\(measure.rawValue) ≥ \(threshold.fixed(2)) on \(shingles.phrase), LSH \(resolvedBands) over \(slots) slots"
    }
}

// MARK: - One written form

extension MatchingSettings: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case shingles, slots, scheme, seed, threshold, bands, rows, measure
        case bucketCap = "bucket-cap", clean, names
        case tokenHash = "token-ids", shingleHash = "shingle-hash"
    }

    /// The settings that sketches depend on: two sketches can be compared only when these agree.
    static let sketchKeys: [CodingKeys] = [.shingles, .slots, .scheme, .seed, .clean, .names, .tokenHash, .shingleHash]

    /// Hash-function settings: they change with concord's version, not with options.
    static let hashKeys: [CodingKeys] = [.tokenHash, .shingleHash]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let shingles = try container.decode(String.self, forKey: .shingles)
        guard let kind = ShingleKind(setting: shingles) else {
            throw DecodingError.dataCorruptedError(forKey: .shingles, in: container, debugDescription: "unknown shingles \(shingles)")
        }
        self.shingles = kind
        slots = try container.decode(Int.self, forKey: .slots)
        guard (1...4096).contains(slots) else {
            throw DecodingError.dataCorruptedError(forKey: .slots, in: container, debugDescription: "slots out of range")
        }
        scheme = try container.decode(MinHashScheme.self, forKey: .scheme)
        seed = try container.decode(UInt64.self, forKey: .seed)
        threshold = try container.decode(Double.self, forKey: .threshold)
        bands = BandParameters(bands: try container.decode(Int.self, forKey: .bands), rows: try container.decode(Int.self, forKey: .rows))
        measure = try container.decode(OverlapMeasure.self, forKey: .measure)
        bucketCap = try container.decode(Int.self, forKey: .bucketCap)
        text = TextPipeline.Options(clean: try container.decode(Bool.self, forKey: .clean),
                                    nameFolding: try container.decode(NameFoldingScope.self, forKey: .names))
        tokenHash = try container.decode(String.self, forKey: .tokenHash)
        shingleHash = try container.decode(String.self, forKey: .shingleHash)
    }

    /// The banding is written resolved (`bands`, `rows`), so a reader needs no optimizer to know it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let bands = resolvedBands
        try container.encode(shingles.setting, forKey: .shingles)
        try container.encode(slots, forKey: .slots)
        try container.encode(scheme, forKey: .scheme)
        try container.encode(seed, forKey: .seed)
        try container.encode(threshold, forKey: .threshold)
        try container.encode(bands.bands, forKey: .bands)
        try container.encode(bands.rows, forKey: .rows)
        try container.encode(measure, forKey: .measure)
        try container.encode(bucketCap, forKey: .bucketCap)
        try container.encode(text.clean, forKey: .clean)
        try container.encode(text.nameFolding, forKey: .names)
        try container.encode(tokenHash, forKey: .tokenHash)
        try container.encode(shingleHash, forKey: .shingleHash)
    }

    /// The settings as one line of JSON with sorted keys: the form every output writes.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every field is a string, number or boolean: encoding cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    /// Settings read back from `json`.
    ///
    /// - Throws: `DecodingError` when a field is missing, of the wrong type, or out of range.
    public init(json: some Collection<UInt8>) throws {
        self = try JSONDecoder().decode(MatchingSettings.self, from: Data(json))
    }

    /// The sketch settings (`sketchKeys`) on which `self` and `other` differ, each as
    /// (name, value here, value in `other`), in a fixed order.
    public func sketchDifferences(from other: MatchingSettings) -> [(name: String, here: String, there: String)] {
        let mine = fields, theirs = other.fields
        return Self.sketchKeys.compactMap { key in
            mine[key] == theirs[key] ? nil : (key.rawValue, mine[key] ?? "unset", theirs[key] ?? "unset")
        }
    }

    /// Whether any of `names` (from `sketchDifferences`) names a hash function.
    public static func namesHashFunction(_ names: [String]) -> Bool {
        names.contains { name in hashKeys.contains { $0.rawValue == name } }
    }

    /// Each written field as text, for comparison and display.
    private var fields: [CodingKeys: String] {
        let bands = resolvedBands
        return [.shingles: shingles.setting, .slots: String(slots), .scheme: scheme.rawValue, .seed: String(seed),
                .threshold: String(threshold), .bands: String(bands.bands), .rows: String(bands.rows),
                .measure: measure.rawValue, .bucketCap: String(bucketCap), .clean: String(text.clean),
                .names: text.nameFolding.rawValue, .tokenHash: tokenHash, .shingleHash: shingleHash]
    }

    /// Every written field as (name, text) in key order, for a listing such as `index stats`.
    public var fieldList: [(name: String, value: String)] {
        let fields = self.fields
        return CodingKeys.allCases.map { ($0.rawValue, fields[$0]!) }.sorted { $0.name < $1.name }
    }
}

extension MinHashScheme: Codable {}
extension OverlapMeasure: Codable {}
extension NameFoldingScope: Codable {}

extension ShingleKind {
    /// "words:5" or "characters:7", as settings write it.
    var setting: String {
        switch self {
        case .words(let n): "words:\(n)"
        case .characters(let n): "characters:\(n)"
        }
    }

    /// The kind written as `setting`, or nil.
    init?(setting: String) {
        let parts = setting.split(separator: ":")
        guard parts.count == 2, let n = Int(parts[1]), (1...64).contains(n) else { return nil }
        switch parts[0] {
        case "words": self = .words(n)
        case "characters": self = .characters(n)
        default: return nil
        }
    }

    /// "word 5-shingles" or "character 7-shingles", for a sentence.
    public var phrase: String {
        switch self {
        case .words(let n): "word \(n)-shingles"
        case .characters(let n): "character \(n)-shingles"
        }
    }
}
