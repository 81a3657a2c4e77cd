#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import ConcordCorpus
import ConcordSimilarity
import ConcordText

/// `concord cluster`: which reports of a corpus overlap.
struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Group the reports of a corpus that share their wording (republished wire copy, edited versions, briefs), or, with --mode events, every report of one event.",
        discussion: """
        INPUT is a directory of .txt files (id = path inside it), a JSONL file (one {"id", "text", …} \
        object per line), a CSV/TSV file with id and text columns, or - for JSONL on standard input. \
        With no INPUT, the sample corpus Corpus/ is clustered.

        How it works: each report is cleaned and normalized (names folded, so Deir ez-Zor and Deir \
        Ezzor match), cut into word 5-shingles, sketched with MinHash; LSH banding proposes candidate \
        pairs, and every candidate is verified on the exact shingle sets. A pair matches when its \
        score reaches --threshold; by default the score is containment, |A∩B| / min(|A|,|B|), so a \
        short brief inside a long report matches it. Clusters form by average linkage: two groups \
        merge only when the average score over all their member pairs reaches --threshold, so \
        chains of weak links never merge unrelated reports.

        Events mode (--mode events) also groups reports of one event written independently, which \
        share almost no shingles. Each report becomes a term vector (sublinear tf × idf over the \
        corpus, every word name-folded, title included); each report's nearest neighbours are \
        found through its highest-weighted terms; a model fitted on labelled events scores each \
        pair from its cosine, its titles' cosine and where each report ranks among the other's \
        neighbours; average linkage over these probabilities merges the copy groups into events, \
        never across --date-window when the input has dates. Output lines carry the event as \
        "cluster" and the copy group inside it as "copies": {"id", "cluster", "copies", \
        "representative", "similarity"} (the similarity is the term-vector cosine with the \
        event's representative). `concord compare --cluster N` compares the reports of an event.

        Output: with -o, one JSON line per input document, {"id", "cluster", "representative", \
        "similarity"}, and a summary on the terminal. Without -o, the clusters as text; \
        --format json gives the clusters with their members, the settings and what was skipped. \
        Every input document appears exactly once; skipped input is reported. --dedup keeps the \
        reports in memory until the clusters are known, then writes one per cluster.

        Examples:
          concord cluster                                  the sample corpus
          concord cluster reports.jsonl -o clusters.jsonl
          concord cluster reports.jsonl --dedup -o unique.jsonl
          concord cluster reports.jsonl --mode events -o events.jsonl
          concord cluster notes/ --measure jaccard --threshold 0.6
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl, json
    }

    @Argument(help: ArgumentHelp("A directory, JSONL, CSV or TSV file, or - for standard input (default: Corpus/).", valueName: "input"))
    var input: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write the result to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Result format: text, jsonl or json (default: jsonl with -o, text otherwise).", valueName: "format"))
    var format: OutputFormat?

    @Flag(name: .long, help: "Write one representative report per cluster (as JSONL) and, beside it, a map of every removed id to the id that replaced it.")
    var dedup = false

    @Option(name: .long, help: ArgumentHelp("Also write every verified pair, {\"a\", \"b\", \"similarity\"} per line, to this file.", valueName: "file"))
    var pairs: String?

    @OptionGroup(title: "Reading the corpus")
    var corpus: CorpusInputOptions

    @OptionGroup(title: "Matching")
    var matching: MatchingOptions

    @OptionGroup(title: "Events")
    var events: EventOptions

    @Flag(name: [.short, .long], help: "No progress or summary on standard error.")
    var quiet = false

    func validate() throws {
        if dedup && (output == nil || output == "-") { throw ValidationError("--dedup needs -o FILE for the deduplicated corpus.") }
        if dedup && format != nil && format != .jsonl { throw ValidationError("--dedup writes JSONL; drop --format.") }
        var outputs: [(option: String, path: String)] = []
        if let output { outputs.append(("-o", output)) }
        if dedup, let output { outputs.append(("--dedup's removed map", ClusterOutput.mapPath(for: output))) }
        if let pairs { outputs.append(("--pairs", pairs)) }
        if let pairFeatures = events.pairFeatures { outputs.append(("--pair-features", pairFeatures)) }
        if dedup && events.mode == .events { throw ValidationError("--dedup keeps one report per copy group; drop --mode events.") }
        try OutputSafety.check(outputs: outputs, inputs: [input ?? CorpusInputOptions.defaultCorpus() ?? "-"])
    }

    func run() throws {
        let path = input ?? CorpusInputOptions.defaultCorpus()
        try reportingErrors(source: path ?? "") {
            guard let path else {
                throw CommandError("no INPUT given and no Corpus/ found here; give a directory, a JSONL or a CSV file")
            }
            let progress = !quiet && isTerminal(2)
            // --dedup copies the kept reports' records: the run keeps them as it reads them.
            let eventSettings = events.settings(readsDates: corpus.readsDates)
            let model = events.mode == .events ? try events.model() : nil   // refused before the corpus is read
            let run = try CorpusRun(settings: matching.settings, threads: matching.threadCount, keepsDocuments: dedup,
                                    collectsEventTerms: events.mode == .events, readsDates: corpus.readsDates)
            try run.read(corpus.source(path), skipInvalid: corpus.skipInvalid, progress: progress)
            let report = run.pipeline.cluster()
            let eventReport = model.map { run.pipeline.events(copies: report, settings: eventSettings, model: $0,
                                                                           keepsPairFeatures: events.pairFeatures != nil) }
            run.endProgress()
            if run.pipeline.records.isEmpty {
                printError("concord: no documents in \(path) (a directory is read for its .txt files; see --extensions)")
            }
            try ClusterOutput(run: run, report: report, events: eventReport, path: path, eventSettings: eventSettings).write(
                format: format ?? (output == nil ? .text : .jsonl), to: output, dedup: dedup, pairs: pairs,
                pairFeatures: events.pairFeatures, quiet: quiet)
        }
    }
}
