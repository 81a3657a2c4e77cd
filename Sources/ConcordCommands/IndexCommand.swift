import ArgumentParser
import ConcordCorpus
import ConcordSimilarity
import ConcordText
import Foundation

/// `concord index`: a corpus's sketches on disk, so a new batch is checked against yesterday's
/// corpus without recomputing it.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Keep a corpus's sketches in an index file; check new reports against it.",
        discussion: """
        The index file holds each report's id, its shingle fingerprints and MinHash signature, and \
        the settings they were made with; it is versioned and checksummed, and written to a temporary \
        file that replaces the old one, so an interrupted run never damages it.

        Examples:
          concord index add corpus.cidx yesterday.jsonl
          concord index query corpus.cidx today.jsonl -o matches.jsonl
          concord index stats corpus.cidx
        """,
        subcommands: [IndexAddCommand.self, IndexQueryCommand.self, IndexStatsCommand.self]
    )
}

/// Shared between the index subcommands: sketching a corpus with given options.
enum IndexSketching {
    /// Sketches every document of `source`; returns the ids and sketches in input order.
    static func sketch(_ source: CorpusSource, skipInvalid: Bool, options: ClusterOptions) throws -> ([Document.ID], SketchStore) {
        let clusterer = try NearDuplicateClusterer(options: options)
        var loading = CorpusLoading(source: source, skipInvalid: skipInvalid)
        var ids: [Document.ID] = []
        var batch: [String] = []
        try loading.forEachDocument { document in
            ids.append(document.id)
            batch.append(document.text)
            if batch.count >= ClusterRun.batchSize {
                try clusterer.add(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try clusterer.add(batch)
        return (ids, clusterer.store)
    }

    static func indexID(_ id: Document.ID) -> IndexFile.ID {
        switch id {
        case .string(let text): return IndexFile.ID(text: text, isInteger: false)
        case .integer(let value): return IndexFile.ID(text: String(value), isInteger: true)
        }
    }

    static func json(_ id: IndexFile.ID) -> String { id.isInteger ? id.text : JSONWriting.quoted(id.text) }

    /// Refuses to mix sketches made with other settings.
    static func checkSettings(_ index: IndexFile, path: String, options: ClusterOptions) throws {
        let wanted = IndexFile.settings(of: options)
        let differing = wanted.keys.sorted().filter { index.settings[$0] != wanted[$0] }
        guard differing.isEmpty else {
            let details = differing.map { "\($0) is \(index.settings[$0] ?? "unset") in the index, \(wanted[$0]!) here" }
            let remedy = differing.contains { IndexFile.hashingSettings.contains($0) }
                ? "it was written by another version of concord; rebuild it with `concord index add`"
                : "pass the index's settings"
            throw CommandError("\(path): built with other settings (\(details.joined(separator: "; "))); \(remedy)")
        }
    }
}

struct IndexAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add the reports of a corpus to an index file (created if missing).",
        discussion: "Example:\n  concord index add corpus.cidx reports.jsonl"
    )

    @Argument(help: ArgumentHelp("The index file.", valueName: "index"))
    var index: String

    @Argument(help: ArgumentHelp("A directory, JSONL, CSV or TSV file, or - for standard input.", valueName: "input"))
    var input: String

    @OptionGroup(title: "Reading the corpus")
    var corpus: CorpusInputOptions

    @OptionGroup(title: "Matching")
    var matching: MatchingOptions

    func validate() throws { try matching.check() }

    func run() throws {
        try reportingErrors(source: input) {
            let options = matching.options()
            var file = IndexFile(settings: IndexFile.settings(of: options), ids: [], store: SketchStore(slots: options.slots))
            if FileManager.default.fileExists(atPath: index) {
                file = try IndexFile.read(from: index)
                try IndexSketching.checkSettings(file, path: index, options: options)
            }
            let (ids, store) = try IndexSketching.sketch(corpus.source(input), skipInvalid: corpus.skipInvalid, options: options)
            let added = ids.map(IndexSketching.indexID)
            var known = Set(file.ids)
            for id in added {
                guard known.insert(id).inserted else {
                    throw CommandError("\(input): id \"\(id.text)\" is already in \(index); ids must be unique")
                }
            }
            file.ids.append(contentsOf: added)
            file.store.append(contentsOf: store)
            try file.write(to: index)
            printError("added \(ids.count.grouped) documents to \(index); it now holds \(file.ids.count.grouped)")
        }
    }
}

struct IndexQueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Find, for each report of a corpus, the indexed reports it overlaps.",
        discussion: """
        Writes one JSON line per input report, {"id", "matches": [{"id", "similarity"}, …]}, best match \
        first; a report with no match has an empty list.

        Example:
          concord index query corpus.cidx today.jsonl -o matches.jsonl
        """
    )

    @Argument(help: ArgumentHelp("The index file.", valueName: "index"))
    var index: String

    @Argument(help: ArgumentHelp("A directory, JSONL, CSV or TSV file, or - for standard input.", valueName: "input"))
    var input: String

    @Option(name: [.short, .long], help: ArgumentHelp("Write the matches to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup(title: "Reading the corpus")
    var corpus: CorpusInputOptions

    @OptionGroup(title: "Matching")
    var matching: MatchingOptions

    func validate() throws { try matching.check() }

    func run() throws {
        try reportingErrors(source: input) {
            let options = matching.options()
            let file = try IndexFile.read(from: index)
            try IndexSketching.checkSettings(file, path: index, options: options)
            let (ids, store) = try IndexSketching.sketch(corpus.source(input), skipInvalid: corpus.skipInvalid, options: options)
            let query = IndexQuery(index: file.store, bands: options.resolvedBands)
            var lines = ""
            var matched = 0
            for document in 0..<store.count {
                let found = query.matches(of: document, in: store, measure: options.measure, threshold: options.threshold)
                if !found.isEmpty { matched += 1 }
                let matches = found.map {
                    JSONWriting.object(["id": IndexSketching.json(file.ids[$0.document]), "similarity": $0.score.fixed(4)])
                }
                lines += JSONWriting.object(["id": IndexSketching.json(IndexSketching.indexID(ids[document])),
                                             "matches": JSONWriting.array(matches)]) + "\n"
            }
            try OutputBuffer.emit(lines, to: output)
            printError("\(matched.grouped) of \(store.count.grouped) documents match \(index) (\(file.ids.count.grouped) indexed)")
        }
    }
}

struct IndexStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Describe an index file: documents, shingles, settings, size; checks its checksum.",
        discussion: "Example:\n  concord index stats corpus.cidx"
    )

    @Argument(help: ArgumentHelp("The index file.", valueName: "index"))
    var index: String

    func run() throws {
        try reportingErrors(source: index) {
            let file = try IndexFile.read(from: index)
            let size = (try? FileManager.default.attributesOfItem(atPath: index)[.size] as? Int) ?? 0
            let shingles = file.store.fingerprints.count
            let empty = (0..<file.store.count).filter { file.store.shingleCount($0) == 0 }.count
            var output = OutputBuffer()
            output.writeLine("\(index): Concord index, format version \(IndexFile.version), checksum ok")
            output.writeLine("  documents      \(file.ids.count.grouped) (\(empty.grouped) without shingles)")
            output.writeLine("  shingles       \(shingles.grouped) (\((Double(shingles) / Double(max(1, file.ids.count))).fixed(1)) per document)")
            output.writeLine("  size           \((Double(size) / 1_048_576).fixed(1)) MiB")
            for key in file.settings.keys.sorted() { output.writeLine("  \(key.padding(toLength: 14, withPad: " ", startingAt: 0)) \(file.settings[key]!)") }
            output.flush()
        }
    }
}
