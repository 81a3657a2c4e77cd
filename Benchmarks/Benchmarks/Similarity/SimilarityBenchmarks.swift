import Benchmark
import BenchmarkSupport
import ConcordCorpus
import ConcordSimilarity
import ConcordText
import Foundation

/// Every stage of the similarity path, each alone, on a fixed synthetic corpus built from real
/// English reports: 2,000 documents, each an edited version of one of 400 reports (words replaced,
/// paragraphs cut), so that LSH, verification and clustering see realistic overlap.
///
///   CleanEnglish1MiB, SegmentWords1MiB       throughput reads as MiB/s (the segments are collected)
///   ShingleHash2000Docs                      word 5-shingle hashes of the corpus's token ids
///   SignOnePermutation2000Docs, SignAffine2000Docs   the two MinHash schemes, 128 slots
///   FingerprintSort2000Docs                  sorting and deduplicating the shingle sets
///   LSHCandidates2000Docs                    banding (28 × 2) into candidate pairs
///   IndexQuery2000Docs                       index query: half the corpus against the other half
///   VerifyCandidates                         exact containment of every candidate pair
///   ClusterAverageLinkage                    average linkage over the verified pairs
///
/// Events mode's stages are registered by `eventBenchmarks()` (EventBenchmarks.swift), on their
/// own corpus; the candidate and verification stages at a million documents by
/// `scaleBenchmarks()` (ScaleBenchmarks.swift).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput],
        warmupIterations: 1,
        maxDuration: .seconds(2),
        maxIterations: 300,
        thresholds: NoisyMachineThresholds.all
    )
    let corpus = SyntheticCorpus.shared

    Benchmark("CleanEnglish1MiB") { benchmark in
        let cleaner = ScrapeCleaner()
        for _ in benchmark.scaledIterations {
            for text in corpus.oneMiB { blackHole(cleaner.clean(text).kept.count) }
        }
    }

    Benchmark("SegmentWords1MiB") { benchmark, segmenter in
        for _ in benchmark.scaledIterations {
            for text in corpus.oneMiB { blackHole(try segmenter.words(in: text).count) }
        }
    } setup: {
        WordSegmenter()
    }

    Benchmark("ShingleHash2000Docs") { benchmark in
        for _ in benchmark.scaledIterations {
            for ids in corpus.tokenIDs { Shingles.forEachWordShingle(ids, n: 5) { blackHole($0) } }
        }
    }

    for scheme in MinHashScheme.allCases {
        let name = scheme == .onePermutation ? "SignOnePermutation2000Docs" : "SignAffine2000Docs"
        Benchmark(name) { benchmark in
            let hasher = MinHasher(slots: 128, scheme: scheme)
            var signature = [UInt32](repeating: 0, count: 128)
            for _ in benchmark.scaledIterations {
                for hashes in corpus.shingles {
                    hasher.sign(hashes, into: &signature)
                    blackHole(signature[0])
                }
            }
        }
    }

    Benchmark("FingerprintSort2000Docs") { benchmark in
        var scratch: [UInt32] = []
        for _ in benchmark.scaledIterations {
            for hashes in corpus.shingles {
                var fingerprints = hashes.map(ShingleSet.fingerprint)
                blackHole(ShingleSet.sortUnique(&fingerprints, scratch: &scratch))
            }
        }
    }

    Benchmark("LSHCandidates2000Docs") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(CandidatePairs.find(in: corpus.store, bands: corpus.bands, threads: 1).pairs.count)
        }
    }

    // `concord index query`'s matching: the second half of the corpus against the first, through
    // the pipeline's candidates across the split and verification.
    Benchmark("IndexQuery2000Docs") { benchmark in
        var settings = MatchingSettings()
        settings.bands = corpus.bands
        let records = (0..<corpus.store.count).map { DocumentRecord(id: .integer(Int64($0)), origin: "") }
        for _ in benchmark.scaledIterations {
            let pipeline = try! SimilarityPipeline(settings: settings, threads: 1)
            pipeline.append(records: records, sketches: corpus.store)
            blackHole(pipeline.matches(crossingAt: corpus.store.count / 2).count)
        }
    }

    Benchmark("VerifyCandidates") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Verification.verify(corpus.candidates, store: corpus.store, measure: .containment, threshold: 0.5, threads: 1).count)
        }
    }

    Benchmark("ClusterAverageLinkage") { benchmark in
        let store = corpus.store
        for _ in benchmark.scaledIterations {
            blackHole(AverageLinkage.cluster(count: store.count, pairs: corpus.verified, threshold: 0.5) { a, b in
                store.score(a, b, measure: .containment)
            })
        }
    }

    eventBenchmarks()
    scaleBenchmarks()
}

/// The benchmark corpus, built once.
final class SyntheticCorpus: Sendable {
    static let shared = SyntheticCorpus()

    let oneMiB: [String]
    let tokenIDs: [[UInt64]]
    let shingles: [[UInt64]]
    let store: SketchStore
    let bands = BandParameters(bands: 28, rows: 2)
    let candidates: [UInt64]
    let verified: [ScoredPair]

    init() {
        let reports = BenchmarkTexts.english()
        var generator = SplitMix64(seed: 42)
        var versions: [String] = []
        for index in 0..<2000 {
            var words = reports[index % 400 % reports.count].split(separator: " ").map(String.init)
            for _ in 0..<(words.count / 20) { words[Int(generator.next() % UInt64(max(words.count, 1)))] = "w\(generator.next() % 10_000)" }
            let keep = words.count - Int(generator.next() % UInt64(max(words.count / 3, 1)))
            versions.append(words.prefix(keep).joined(separator: " "))
        }
        var total = 0
        oneMiB = versions.filter { total += $0.utf8.count; return total <= 1 << 20 }
        let pipeline = TextPipeline()
        tokenIDs = versions.map { text in try! pipeline.tokens(in: text).map(\.id) }
        shingles = tokenIDs.map { ids in
            var hashes: [UInt64] = []
            Shingles.forEachWordShingle(ids, n: 5) { hashes.append($0) }
            return hashes
        }
        let sketcher = try! DocumentSketcher(shingles: .words(5), hasher: MinHasher(slots: 128), text: TextPipeline.Options())
        var store = SketchStore(slots: 128)
        for hashes in shingles {
            sketcher.appendSketch(ofShingles: hashes, tokenCount: hashes.count, to: &store)
        }
        self.store = store
        candidates = CandidatePairs.find(in: store, bands: bands, threads: 1).pairs
        verified = Verification.verify(candidates, store: store, measure: .containment, threshold: 0.5, threads: 1)
    }
}
