import ConcordCorpus
import ConcordSimilarity

/// A corpus read into the matching pipeline: the one way `cluster`, `index` and `bench` run it.
/// Skipped input is reported on standard error as it is met, progress is shown on a terminal, and
/// the pipeline's hook collects the time of every stage.
final class CorpusRun {
    let pipeline: SimilarityPipeline
    /// What reading accounted for besides the documents.
    private(set) var accounting = CorpusLoading.Accounting()
    private let clock: StageClock
    private let started = Stopwatch.now
    private var meter = ProgressMeter(shown: false)

    /// Seconds per stage, filled as stages finish.
    final class StageClock {
        var seconds: [PipelineStage: Double] = [:]
    }

    init(settings: MatchingSettings, threads: Int, keepsDocuments: Bool = false, collectsEventTerms: Bool = false,
         readsDates: Bool = true) throws {
        let clock = StageClock()
        self.clock = clock
        pipeline = try SimilarityPipeline(settings: settings, threads: threads, keepsDocuments: keepsDocuments,
                                          collectsEventTerms: collectsEventTerms, readsDates: readsDates) { stage, seconds in
            clock.seconds[stage, default: 0] += seconds
        }
    }

    /// Reads and sketches every document of `source`.
    func read(_ source: CorpusSource, skipInvalid: Bool, progress: Bool) throws {
        var loading = CorpusLoading(source: source, skipInvalid: skipInvalid) { printError("concord: \($0)") }
        let meter = ProgressMeter(shown: progress)
        self.meter = meter
        try pipeline.read(&loading) { [started] documents in
            meter.show("concord: read \(documents.grouped) documents (\(Int(Double(documents) / max(Stopwatch.now - started, 1e-9)).grouped)/s)")
        }
        accounting = loading.accounting
        meter.showNow("concord: matching \(pipeline.records.count.grouped) documents…")
    }

    /// Clears the progress line, if one was shown.
    func endProgress() {
        meter.clear()
    }

    /// The seconds `stage` took (0 when it has not run).
    func seconds(_ stage: PipelineStage) -> Double { clock.seconds[stage] ?? 0 }

    /// Seconds since the run was made.
    var elapsed: Double { Stopwatch.now - started }

    /// The stages in order with their seconds, as "read 0.12, sketch 0.40, …" (events only when
    /// it ran).
    var stageSummary: String {
        PipelineStage.allCases.filter { $0 != .events || clock.seconds[$0] != nil }
            .map { "\($0.rawValue) \(seconds($0).fixed(2))" }.joined(separator: ", ")
    }
}
