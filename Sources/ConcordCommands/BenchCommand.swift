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
        abstract: "Time each stage of clustering on a corpus: read, clean, normalize, shingle, sketch, index, verify, cluster.",
        discussion: """
        The corpus is read into memory once, then each stage runs alone over all documents on one \
        thread (or --threads), so the table shows what each stage costs and its share of the total. \
        With no CORPUS the sample corpus Corpus/ is used. The matching options are those of \
        `concord cluster`.

        Examples:
          concord bench
          concord bench /tmp/synd100k.jsonl --threshold 0.3 --measure jaccard --bands 42 --rows 3
        """
    )

    @Argument(help: ArgumentHelp("A directory, JSONL, CSV or TSV file (default: Corpus/).", valueName: "corpus"))
    var input: String?

    @OptionGroup(title: "Reading the corpus")
    var corpus: CorpusInputOptions

    @OptionGroup(title: "Matching")
    var matching: MatchingOptions

    func validate() throws { try matching.check() }

    func run() throws {
        guard let path = input ?? CorpusInputOptions.defaultCorpus() else {
            throw fail(CommandError("no CORPUS given and no Corpus/ found here"))
        }
        try reportingErrors(source: path) {
            let table = try StageTimer(options: matching.options()).run(source: corpus.source(path), skipInvalid: corpus.skipInvalid)
            try OutputBuffer.emit(table.rendered(path: path), to: nil)
        }
    }
}

/// Runs the clustering stages one at a time and times each.
struct StageTimer {
    let options: ClusterOptions

    struct Table {
        var stages: [(name: String, seconds: Double)] = []
        var documents = 0
        var bytes = 0
        var tokens = 0
        var clusters = 0
        var peakMemoryBytes = 0
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
            lines.append("\(clusters.grouped) clusters; peak memory \((Double(peakMemoryBytes) / 1_048_576).fixed(0)) MiB")
            return lines.joined(separator: "\n") + "\n"
        }

        private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return left ? padding + text : text + padding
        }
    }

    func run(source: CorpusSource, skipInvalid: Bool) throws -> Table {
        var table = Table()
        table.threads = options.threads
        var started = Stopwatch.now
        var texts: [String] = []
        var loading = CorpusLoading(source: source, skipInvalid: skipInvalid)
        try loading.forEachDocument { texts.append($0.text) }
        table.stages.append(("read", Stopwatch.now - started))
        table.documents = texts.count
        table.bytes = texts.reduce(0) { $0 + $1.utf8.count }

        let pipeline = try TextPipeline(options: options.text)
        started = Stopwatch.now
        var kept = 0
        for var text in texts { kept += text.withUTF8 { pipeline.cleaner.clean($0).kept.count } }
        let cleanSeconds = Stopwatch.now - started
        table.stages.append(("clean", cleanSeconds))

        started = Stopwatch.now
        var ids: [[UInt64]] = []
        ids.reserveCapacity(texts.count)
        let tokenIDs = TokenIDBuffer()
        for var text in texts {
            tokenIDs.removeAll()
            let outcome = text.withUTF8 { buffer in
                Result { () throws(TextError) in try pipeline.appendTokenIDs(in: buffer, to: tokenIDs) }
            }
            try outcome.get()
            ids.append(tokenIDs.ids)
        }
        table.stages.append(("normalize", max(0, Stopwatch.now - started - cleanSeconds)))
        table.tokens = ids.reduce(0) { $0 + $1.count }
        texts = []

        started = Stopwatch.now
        let n: Int
        if case .words(let words) = options.shingles { n = words } else { n = 5 }
        var shingles: [[UInt64]] = []
        shingles.reserveCapacity(ids.count)
        for tokenIDs in ids {
            var hashes: [UInt64] = []
            hashes.reserveCapacity(tokenIDs.count)
            tokenIDs.withUnsafeBufferPointer { Shingles.forEachWordShingle($0, n: n) { hashes.append($0) } }
            shingles.append(hashes)
        }
        table.stages.append(("shingle", Stopwatch.now - started))
        ids = []

        started = Stopwatch.now
        let sketcher = try DocumentSketcher(shingles: options.shingles, hasher: MinHasher(slots: options.slots, scheme: options.scheme, seed: options.seed),
                                            text: options.text)
        var store = SketchStore(slots: options.slots)
        for hashes in shingles {
            hashes.withUnsafeBufferPointer { sketcher.appendSketch(ofShingles: $0, tokenCount: hashes.count, to: &store) }
        }
        table.stages.append(("sketch", Stopwatch.now - started))
        shingles = []

        started = Stopwatch.now
        let candidates = CandidatePairs.find(in: store, bands: options.resolvedBands, threads: options.threads, bucketCap: options.bucketCap)
        table.stages.append(("index", Stopwatch.now - started))
        started = Stopwatch.now
        let verified = Verification.verify(candidates.pairs, store: store, measure: options.measure,
                                           threshold: options.threshold, threads: options.threads,
                                           minimumAgreement: options.minimumAgreement)
        table.stages.append(("verify", Stopwatch.now - started))
        started = Stopwatch.now
        let measure = options.measure
        let roots = AverageLinkage.cluster(count: store.count, pairs: verified, threshold: options.threshold) { a, b in
            store.score(a, b, measure: measure)
        }
        table.stages.append(("cluster", Stopwatch.now - started))
        table.clusters = Set(roots).count
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        table.peakMemoryBytes = Int(usage.ru_maxrss) * 1024
        return table
    }
}
