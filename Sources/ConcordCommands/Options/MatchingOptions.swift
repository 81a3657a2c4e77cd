import ArgumentParser
import ConcordSimilarity
import ConcordText

/// The knobs of similarity matching, shared by `cluster`, `index` and `bench`: they make one
/// `MatchingSettings` value, and the thread count beside it.
struct MatchingOptions: ParsableArguments {
    @Option(name: .long, help: "Words per shingle.")
    var ngram = 5

    @Option(name: .customLong("char-ngram"), help: ArgumentHelp("Use character shingles of this length instead of word shingles.", valueName: "n"))
    var charNgram: Int?

    @Option(name: .long, help: "MinHash signature slots.")
    var slots = 128

    @Option(name: .long, help: ArgumentHelp("MinHash scheme: one-permutation (fast) or affine (classic k hashes).", valueName: "scheme"))
    var scheme: MinHashScheme = .onePermutation

    @Option(name: .long, help: "Seed of the MinHash functions (same seed, same signatures, on any machine).")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Score at which two reports match (see --measure); also tunes the LSH bands.")
    var threshold = MatchingSettings().threshold

    @Option(name: .long, help: ArgumentHelp("LSH bands (with --rows; default: chosen from --threshold).", valueName: "b"))
    var bands: Int?

    @Option(name: .long, help: ArgumentHelp("Signature slots per LSH band (with --bands).", valueName: "r"))
    var rows: Int?

    @Option(name: .long, help: ArgumentHelp("Verification score: containment, |A∩B| / min(|A|,|B|) (a brief inside a long report matches it); cosine, |A∩B| / √(|A|·|B|) (a brief wholly inside a report four times its length scores 0.5; fewer false matches on large corpora whose unrelated reports share sentences); or jaccard, |A∩B| / |A∪B|.", valueName: "measure"))
    var measure: OverlapMeasure = MatchingSettings().measure

    @Option(name: .long, help: ArgumentHelp("Worker threads (default: all cores). Results are identical for any count.", valueName: "n"))
    var threads: Int?

    @Option(name: .long, help: .nameFolding)
    var names: NameFoldingScope = .properNames

    @Flag(name: .customLong("no-clean"), help: "Keep script fragments and share/subscribe lines.")
    var noClean = false

    mutating func validate() throws {
        guard ngram >= 1, ngram <= 64 else { throw ValidationError("--ngram must be between 1 and 64.") }
        if let charNgram, charNgram < 1 || charNgram > 64 { throw ValidationError("--char-ngram must be between 1 and 64.") }
        guard slots >= 1, slots <= 4096 else { throw ValidationError("--slots must be between 1 and 4096.") }
        guard threshold > 0, threshold <= 1 else { throw ValidationError("--threshold must be in (0, 1].") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1.") }
        switch (bands, rows) {
        case (nil, nil): break
        case let (b?, r?):
            guard b >= 1, r >= 1, b * r <= slots else { throw ValidationError("--bands × --rows must be at most --slots (\(slots)).") }
        default: throw ValidationError("Give --bands and --rows together.")
        }
    }

    /// The worker threads to use.
    var threadCount: Int { threads ?? SimilarityPipeline.availableCores }

    /// The settings these options describe.
    var settings: MatchingSettings {
        var settings = MatchingSettings()
        settings.shingles = charNgram.map { .characters($0) } ?? .words(ngram)
        settings.slots = slots
        settings.scheme = scheme
        settings.seed = seed
        settings.threshold = threshold
        if let bands, let rows { settings.bands = BandParameters(bands: bands, rows: rows) }
        settings.measure = measure
        settings.text = TextPipeline.Options(clean: !noClean, nameFolding: names)
        return settings
    }
}

extension MinHashScheme: ExpressibleByArgument {}
extension OverlapMeasure: ExpressibleByArgument {}
