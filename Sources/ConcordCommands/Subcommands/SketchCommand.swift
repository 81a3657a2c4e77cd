import ArgumentParser
import ConcordCorpus
import ConcordSimilarity

/// `concord sketch`: the map step of a distributed run; one sketch record per document.
struct SketchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sketch",
        abstract: "Sketch every document of a corpus for a distributed run: one JSON line per document with its LSH band keys, MinHash signature and shingle fingerprints.",
        discussion: """
        The first of three stages that a batch job (Spark/ in this repository) runs on many \
        machines: sketch each part of a corpus, group the band keys into buckets, verify the \
        candidate pairs with `concord verify`, and cluster each connected component of the \
        verified pairs with `concord link`. Together they give the clusters `concord cluster` \
        gives on one machine with the same options.

        INPUT is read as `concord cluster` reads it (JSONL by default, - for standard input). Each \
        document gives one line, in input order (format version 1; binary fields are base64 of \
        little-endian values; one line, shown here on two):
          {"sketch":1,"n":N,"id":ID,"shingles":C,
           "bands":…,"signature":…,"fingerprints":…,"settings":…}

        n is the line the document starts on (counted from --first-line), which orders documents \
        as one machine reads them; bands holds one 8-byte LSH key per band (none when the \
        document has no shingles), signature the MinHash slots (4 bytes each), fingerprints the \
        sorted distinct shingle fingerprints (4 bytes each, C of them); settings is a hash of the \
        matching options, which verify and link check. With --skip-invalid, a malformed line gives \
        {"sketch":1,"n":N,"skipped":"why"} instead of stopping the run.

        Give verify and link the same matching options as sketch.

        Examples:
          concord sketch reports.jsonl -o sketches.jsonl
          tail -n +1001 reports.jsonl | concord sketch --first-line 1001
        """
    )

    @Argument(help: ArgumentHelp("A JSONL, CSV or TSV file, a directory, or - for standard input.", valueName: "input"))
    var input = "-"

    @Option(name: [.short, .long], help: ArgumentHelp("Write the records to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("first-line"), help: ArgumentHelp("The number of the input's first line (a job that splits a file passes where each part starts).", valueName: "n"))
    var firstLine = 1

    @OptionGroup(title: "Reading the corpus")
    var corpus: CorpusInputOptions

    @OptionGroup(title: "Matching")
    var matching: MatchingOptions

    @Flag(name: [.short, .long], help: "Do not report skipped input on standard error.")
    var quiet = false

    @Flag(name: .customLong("show-settings"), help: "Print the matching settings these options give (JSON: bands, rows, bucket-cap, …) and exit; a batch job reads its bucket cap here.")
    var showSettings = false

    func validate() throws {
        guard firstLine >= 1 else { throw ValidationError("--first-line must be at least 1.") }
        try OutputSafety.check(outputs: output.map { [("-o", $0)] } ?? [], inputs: [input])
    }

    /// A place in the output: a document of the batch, or a skipped input.
    private enum Entry {
        case document(position: Int)
        case skipped(position: Int, reason: String)
    }

    func run() throws {
        if showSettings { return try OutputBuffer.emit(matching.settings.json + "\n", to: nil) }
        try reportingErrors(source: input) {
            let settings = matching.settings, bands = settings.resolvedBands, tag = SketchRecord.settingsTag(settings)
            let pipeline = try SimilarityPipeline(settings: settings, threads: matching.threadCount)
            var output = LineOutput(to: self.output)
            var ids = DocumentIDRegistry()
            var batch: [Document] = [], entries: [Entry] = []
            var ordinal = 0
            func flush() throws {
                try pipeline.add(batch)
                var document = 0
                for entry in entries {
                    switch entry {
                    case .document(let position):
                        try output.writeLine(SketchRecord(position: position, id: batch[document].id, store: pipeline.store,
                                                          document: document, bands: bands, settingsTag: tag).line)
                        document += 1
                    case .skipped(let position, let reason):
                        try output.writeLine(StageRecord.skippedLine(position: position, reason: reason))
                    }
                }
                pipeline.removeAll()
                batch.removeAll(keepingCapacity: true)
                entries.removeAll(keepingCapacity: true)
            }
            let shift = firstLine - 1
            try corpus.source(input).forEachRecord { record in
                ordinal += 1
                switch record {
                case .document(let document):
                    let position = document.line.map { $0 + shift } ?? ordinal
                    let origin = document.line == nil ? document.origin : "\(input == "-" ? "<stdin>" : input):\(position)"
                    if let first = ids.register(document.id, origin: origin) {
                        throw CorpusError(file: origin, "duplicate id \"\(document.id)\" (first at \(first)); ids must be unique")
                    }
                    batch.append(document)
                    entries.append(.document(position: position))
                case .invalid(let error):
                    let shifted = CorpusError(file: error.file, line: error.line.map { $0 + shift }, error.message)
                    guard corpus.skipInvalid else {
                        throw CorpusError(file: shifted.file, line: shifted.line, shifted.message + " (use --skip-invalid to skip such lines)")
                    }
                    if !quiet { printError("concord: skipped \(shifted)") }
                    entries.append(.skipped(position: shifted.line ?? ordinal, reason: shifted.message))
                case .skipped(let id, let reason):
                    if !quiet { printError("concord: skipped \(id): \(reason)") }
                    entries.append(.skipped(position: ordinal, reason: "\(id): \(reason)"))
                }
                if batch.count >= SimilarityPipeline.batchSize { try flush() }
            }
            try flush()
            try output.finish()
        }
    }
}
