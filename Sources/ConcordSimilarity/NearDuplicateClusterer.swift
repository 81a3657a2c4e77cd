import ConcordText
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Settings of a clustering run.
public struct ClusterOptions: Sendable, Equatable {
    public var shingles: ShingleKind = .words(5)
    public var slots = 128
    public var scheme: MinHashScheme = .onePermutation
    public var seed: UInt64 = 1
    /// Pairs scoring at least this (by `measure`) are verified matches, and clusters merge when
    /// their average linkage reaches it. The LSH banding is tuned from it (`lshThreshold`) unless
    /// `bands` is given.
    public var threshold = 0.5
    public var bands: BandParameters?
    public var measure: OverlapMeasure = .containment
    public var threads = ClusterOptions.availableCores
    public var bucketCap = CandidatePairs.defaultBucketCap
    public var text = TextPipeline.Options()

    public init() {}

    /// The banding used: the one given, or datasketch's optimum for `lshThreshold` and `slots`.
    public var resolvedBands: BandParameters {
        bands ?? BandParameters.optimal(threshold: lshThreshold, slots: slots)
    }

    /// The Jaccard similarity the LSH banding must catch. For Jaccard it is the threshold. For
    /// containment c it is the Jaccard of a pair whose shorter report, half as long as the longer,
    /// lies inside it to the extent c: J = c·ρ / (1 + ρ − c·ρ) with ρ = ½ (0.2 for c = 0.5). Shorter
    /// reports contained in longer ones are still found, with falling probability.
    public var lshThreshold: Double {
        switch measure {
        case .jaccard: return threshold
        case .containment:
            let ratio = 0.5
            return threshold * ratio / (1 + ratio - threshold * ratio)
        }
    }

    /// The Jaccard similarity a candidate's signatures must show before it is verified exactly.
    /// For containment it is `lshThreshold`: a pair that shares less than the LSH bands are tuned
    /// for is a chance collision (two reports sharing a lede sentence), and a contained report is
    /// found down to about a quarter of the longer report's length whatever the bands' luck. For
    /// Jaccard it lies two standard errors of the estimate below the threshold: it only saves time.
    public var jaccardFloor: Double {
        switch measure {
        case .containment: return lshThreshold
        case .jaccard: return max(0, threshold - 2 * (threshold * (1 - threshold) / Double(slots)).squareRoot())
        }
    }

    /// `jaccardFloor` in signature slots that must agree.
    public var minimumAgreement: Int { Int((jaccardFloor * Double(slots)).rounded(.up)) }

    /// Cores this process may use.
    public static var availableCores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

/// What a clustering run found.
public struct ClusterReport: Sendable {
    public var assignments: [ClusterAssignment]
    public var bands: BandParameters
    public var candidatePairs: Int
    public var verifiedPairs: Int
    public var cappedBuckets: Int
    /// Documents with no shingles (empty, or nothing left after cleaning): singletons.
    public var emptyDocuments: [Int]
    /// Seconds spent finding candidates, verifying them and clustering.
    public var candidateSeconds: Double
    public var verifySeconds: Double
    public var clusterSeconds: Double

}

/// Clusters a corpus of near-duplicate and overlapping reports: documents are added in batches
/// (sketched in parallel, stored in input order), then `cluster()` runs LSH banding, exact
/// verification and average-linkage clustering. The result does not depend on the number of threads.
public final class NearDuplicateClusterer {
    public let options: ClusterOptions
    public private(set) var store: SketchStore
    private let sketchers: [DocumentSketcher]
    private let batches: [Batch]
    /// Seconds spent sketching (pipeline, shingles, signatures).
    public private(set) var sketchSeconds = 0.0

    public init(options: ClusterOptions = ClusterOptions()) throws(TextError) {
        self.options = options
        store = SketchStore(slots: options.slots)
        let hasher = MinHasher(slots: options.slots, scheme: options.scheme, seed: options.seed)
        var sketchers: [DocumentSketcher] = []
        for _ in 0..<max(1, options.threads) {
            sketchers.append(try DocumentSketcher(shingles: options.shingles, hasher: hasher, text: options.text))
        }
        self.sketchers = sketchers
        batches = sketchers.map { _ in Batch(slots: options.slots) }
    }

    /// One thread's sketches of a batch, kept between batches so its storage is reused.
    private final class Batch {
        var store: SketchStore
        init(slots: Int) { store = SketchStore(slots: slots) }
    }

    /// Sizes the sketch store for a corpus of about `bytes` bytes of input, so that adding it does
    /// not copy the store as it grows: English news runs about six bytes per word and one word
    /// shingle per word, and reports rarely run under a kilobyte. Memory is only reserved (see
    /// `SketchStore.reserveCapacity`), and never more than a quarter of physical memory.
    public func reserveCapacity(forInputBytes bytes: Int) {
        let limit = Self.physicalMemory / 4
        store.reserveCapacity(documents: min(bytes / 1024, limit / (4 * options.slots)),
                              fingerprints: min(bytes / 5, limit / 4))
    }

    /// Bytes of physical memory.
    static var physicalMemory: Int { Int(sysconf(Int32(_SC_PHYS_PAGES))) * Int(sysconf(Int32(_SC_PAGESIZE))) }

    /// Sketches `texts` and appends them, in order.
    ///
    /// - Complexity: O(total bytes) spread over the threads.
    public func add(_ texts: [String]) throws(TextError) {
        let started = Stopwatch.now
        let threads = sketchers.count
        let chunk = max(1, (texts.count + threads - 1) / threads)
        let parts = (texts.count + chunk - 1) / chunk
        if parts <= 1 {
            let sketcher = sketchers[0]
            for text in texts { try sketcher.sketch(text, into: &store) }
        } else {
            // Each thread sketches one run of the texts into its own batch, appended in order.
            let workers = UncheckedBox((sketchers, batches))
            let results = parallelMap(parts, threads: threads) { part in
                let (sketcher, batch) = (workers.value.0[part], workers.value.1[part])
                batch.store.removeAll()
                return Result { () throws(TextError) in
                    for text in texts[(part * chunk)..<min(texts.count, (part + 1) * chunk)] {
                        try sketcher.sketch(text, into: &batch.store)
                    }
                }
            }
            for (part, result) in results.enumerated() {
                try result.get()
                store.append(contentsOf: batches[part].store)
            }
        }
        sketchSeconds += Stopwatch.now - started
    }

    /// Clusters every document added so far.
    public func cluster() -> ClusterReport {
        let bands = options.resolvedBands
        var started = Stopwatch.now
        let candidates = CandidatePairs.find(in: store, bands: bands, threads: options.threads, bucketCap: options.bucketCap)
        let candidateSeconds = Stopwatch.now - started
        started = Stopwatch.now
        let verified = Verification.verify(candidates.pairs, store: store, measure: options.measure,
                                           threshold: options.threshold, threads: options.threads,
                                           minimumAgreement: options.minimumAgreement)
        let verifySeconds = Stopwatch.now - started
        started = Stopwatch.now
        let sizes = (0..<store.count).map(store.shingleCount)
        let store = self.store, measure = options.measure
        let roots = AverageLinkage.cluster(count: store.count, pairs: verified, threshold: options.threshold) { a, b in
            store.score(a, b, measure: measure)
        }
        let assignments = AverageLinkage.assignments(roots: roots, pairs: verified, sizes: sizes) { a, b in
            store.score(a, b, measure: measure)
        }
        return ClusterReport(assignments: assignments, bands: bands, candidatePairs: candidates.pairs.count,
                             verifiedPairs: verified.count, cappedBuckets: candidates.cappedBuckets,
                             emptyDocuments: (0..<store.count).filter { sizes[$0] == 0 },
                             candidateSeconds: candidateSeconds, verifySeconds: verifySeconds,
                             clusterSeconds: Stopwatch.now - started)
    }
}

/// Monotonic seconds, for stage timings.
public enum Stopwatch {
    public static var now: Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
