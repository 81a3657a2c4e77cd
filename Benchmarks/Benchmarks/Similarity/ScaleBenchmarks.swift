import Benchmark
import BenchmarkSupport
import ConcordSimilarity

/// The candidate and verification stages at a million documents, on synthetic sketches (issue
/// 18): what the 1M syndication corpus costs in these stages, without reading 4 GB first.
///
///   LSHCandidates1MDocs    banding at the defaults (28 × 2 over 128 slots) with the
///                          signature-agreement floor applied as bands propose pairs
///   VerifyCandidates1MDocs exact containment of every candidate those bands found
///
/// The sketches are built once, on first use (about 600 MB, a few seconds): a million documents in
/// groups of four, each a copy of its group's random base in which every signature slot and
/// fingerprint is kept with probability 0.7 and otherwise redrawn, so a group's members share about
/// half their slots and fingerprints, and documents of different groups share almost none (as
/// the syndication corpus's copies and unrelated reports do).
func scaleBenchmarks() {
    let scale = Benchmark.Configuration(metrics: [.wallClock, .peakMemoryResident], warmupIterations: 1,
                                        maxDuration: .seconds(60), maxIterations: 3,
                                        thresholds: NoisyMachineThresholds.all.filter { $0.key == .wallClock })
    var settings = MatchingSettings()
    settings.threshold = 0.5
    let bands = settings.resolvedBands, floor = settings.minimumAgreement

    Benchmark("LSHCandidates1MDocs", configuration: scale) { benchmark in
        let store = SyntheticSketches.million.store
        for _ in benchmark.scaledIterations {
            blackHole(CandidatePairs.find(in: store, bands: bands, threads: 1, minimumAgreement: floor).pairs.count)
        }
    }

    Benchmark("VerifyCandidates1MDocs", configuration: scale) { benchmark in
        let sketches = SyntheticSketches.million
        for _ in benchmark.scaledIterations {
            blackHole(Verification.verify(sketches.candidates, store: sketches.store, measure: .containment,
                                          threshold: 0.5, threads: 1, minimumAgreement: floor).count)
        }
    }
}

/// A million synthetic sketches and their candidate pairs, built on first use.
final class SyntheticSketches: Sendable {
    static let million = SyntheticSketches(documents: 1_000_000)

    let store: SketchStore
    let candidates: [UInt64]

    init(documents: Int, slots: Int = 128, fingerprintsPerDocument: Int = 32, groupSize: Int = 4, kept: Double = 0.7) {
        var generator = SplitMix64(seed: 18)
        var signatures: [UInt32] = [], fingerprints: [UInt32] = [], offsets = [0]
        signatures.reserveCapacity(documents * slots)
        fingerprints.reserveCapacity(documents * fingerprintsPerDocument)
        offsets.reserveCapacity(documents + 1)
        var baseSignature: [UInt32] = [], baseFingerprints: [UInt32] = []
        let keepBelow = UInt64(kept * Double(UInt64.max))
        for document in 0..<documents {
            if document % groupSize == 0 {
                baseSignature = (0..<slots).map { _ in UInt32(truncatingIfNeeded: generator.next()) }
                baseFingerprints = (0..<fingerprintsPerDocument).map { _ in UInt32(truncatingIfNeeded: generator.next()) }
            }
            for slot in 0..<slots {
                signatures.append(generator.next() < keepBelow ? baseSignature[slot] : UInt32(truncatingIfNeeded: generator.next()))
            }
            var own = baseFingerprints.map { generator.next() < keepBelow ? $0 : UInt32(truncatingIfNeeded: generator.next()) }
            own.sort()
            fingerprints.append(contentsOf: own)
            offsets.append(fingerprints.count)
        }
        store = SketchStore(slots: slots, fingerprints: fingerprints, offsets: offsets, signatures: signatures)
        var settings = MatchingSettings()
        settings.threshold = 0.5
        candidates = CandidatePairs.find(in: store, bands: settings.resolvedBands, threads: 1,
                                         minimumAgreement: settings.minimumAgreement).pairs
    }
}
