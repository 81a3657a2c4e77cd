import ArgumentParser
import ConcordCorpus
import ConcordSimilarity
import ConcordText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `concord bench`: where the time goes, stage by stage, on the user's own corpus.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time each stage of clustering on a corpus: read, sketch, candidates, verify, link.",
        discussion: """
        Runs the clustering pipeline of `concord cluster` over the corpus (with its matching \
        options, --threads included) and prints the time of each stage, its share of the total, and \
        the documents and megabytes per second it reached. The stages are the real ones, timed \
        through the pipeline's hooks: reading (sketching excluded), sketching (cleaning, \
        normalization, shingles, signatures), LSH candidates, exact verification, and average \
        linkage. With --mode events it runs the pipeline of `concord cluster --mode events` \
        instead: sketching also counts each report's terms, and one more stage, events, times the \
        term vectors, nearest neighbours, pair probabilities and linkage into events (with that \
        mode's default settings; --date-field none ignores dates). With no CORPUS the sample \
        corpus Corpus/ is used.

        Examples:
          concord bench
          concord bench reports.jsonl --threads 1
          concord bench reports.jsonl --mode events
          concord bench reports.jsonl --measure jaccard --threshold 0.3 --bands 42 --rows 3
        """
    )

    @Argument(help: ArgumentHelp("A directory, JSONL, CSV or TSV file (default: Corpus/).", valueName: "corpus"))
    var input: String?

    @OptionGroup(title: "Reading the corpus")
    var corpus: CorpusInputOptions

    @OptionGroup(title: "Matching")
    var matching: MatchingOptions

    @Option(name: .long, help: ArgumentHelp("""
        What to time: copies, the stages of `concord cluster`; events, those of `concord cluster \
        --mode events` (the same stages, then events).
        """, valueName: "mode"))
    var mode: ClusterMode = .copies

    func run() throws {
        let path = input ?? CorpusInputOptions.defaultCorpus()
        try reportingErrors(source: path ?? "") {
            guard let path else { throw CommandError("no CORPUS given and no Corpus/ found here") }
            var events: EventSettings?
            if mode == .events {
                events = EventSettings()
                if !corpus.readsDates { events?.dateWindow = nil }
            }
            let table = try StageTimer(settings: matching.settings, threads: matching.threadCount, events: events,
                                       readsDates: corpus.readsDates)
                .run(source: corpus.source(path), skipInvalid: corpus.skipInvalid)
            try OutputBuffer.emit(table.rendered(path: path), to: nil)
        }
    }
}

/// Runs the clustering pipeline and collects the time of each stage.
struct StageTimer {
    let settings: MatchingSettings
    let threads: Int
    /// Events mode's settings: with them the pipeline collects terms as it sketches and the
    /// events stage runs after linkage; `nil` runs copies mode alone.
    var events: EventSettings? = nil
    /// Whether dates are read (only events mode uses them).
    var readsDates = true

    struct Table {
        var stages: [(name: String, seconds: Double)] = []
        var documents = 0
        var bytes = 0
        var tokens = 0
        var clusters = 0
        /// The events found, when events mode ran.
        var events: Int?
        var peakMemoryBytes = 0
        /// Bytes the sketch store holds (fingerprints, offsets, signatures, token counts).
        var sketchBytes = 0
        var threads = 1

        func rendered(path: String) -> String {
            let total = stages.reduce(0) { $0 + $1.seconds }
            var lines = ["concord bench: \(documents.grouped) documents, \((Double(bytes) / 1_048_576).fixed(1)) MiB of text, "
                         + "\(tokens.grouped) tokens from \(path) (\(threads) thread\(threads == 1 ? "" : "s"))", ""]
            lines.append("stage        seconds   share   documents/s        MiB/s")
            for stage in stages {
                let rate = Double(documents) / max(stage.seconds, 1e-9)
                let megabytes = Double(bytes) / 1_048_576 / max(stage.seconds, 1e-9)
                lines.append(pad(stage.name, 10) + pad(stage.seconds.fixed(3), 10, left: true)
                             + pad((stage.seconds / max(total, 1e-9) * 100).fixed(1) + "%", 8, left: true)
                             + pad(Int(rate).grouped, 14, left: true) + pad(megabytes.fixed(1), 13, left: true))
            }
            lines.append(pad("total", 10) + pad(total.fixed(3), 10, left: true) + pad("100.0%", 8, left: true)
                         + pad(Int(Double(documents) / max(total, 1e-9)).grouped, 14, left: true)
                         + pad((Double(bytes) / 1_048_576 / max(total, 1e-9)).fixed(1), 13, left: true))
            lines.append("")
            let found = "\(clusters.grouped) clusters" + (events.map { ", \($0.grouped) events" } ?? "")
            let perDocument = { (bytes: Int) in (bytes / max(documents, 1)).grouped }
            lines.append("\(found); peak memory \((Double(peakMemoryBytes) / 1_048_576).fixed(0)) MiB, "
                         + "\(perDocument(peakMemoryBytes)) bytes per document; sketches \(perDocument(sketchBytes)) bytes per document")
            return lines.joined(separator: "\n") + "\n"
        }

        private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return left ? padding + text : text + padding
        }
    }

    func run(source: CorpusSource, skipInvalid: Bool) throws -> Table {
        let run = try CorpusRun(settings: settings, threads: threads, collectsEventTerms: events != nil,
                                readsDates: readsDates)
        try run.read(source, skipInvalid: skipInvalid, progress: false)
        let report = run.pipeline.cluster()
        let eventReport = events.map { run.pipeline.events(copies: report, settings: $0) }
        var table = Table()
        table.threads = threads
        table.stages = PipelineStage.allCases.filter { $0 != .events || eventReport != nil }
            .map { ($0.rawValue, run.seconds($0)) }
        table.documents = run.pipeline.records.count
        table.bytes = run.pipeline.textBytes
        table.tokens = run.pipeline.store.tokenCounts.reduce(0) { $0 + Int($1) }
        table.sketchBytes = run.pipeline.store.byteCount
        table.clusters = Set(report.assignments.map(\.cluster)).count
        table.events = eventReport.map { Set($0.assignments.map(\.event)).count }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        table.peakMemoryBytes = Int(usage.ru_maxrss) * 1024
        return table
    }
}
