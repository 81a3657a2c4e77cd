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

extension IndexFile {
    /// Refuses sketches made with other sketch settings (field by field).
    func checkSketchSettings(_ settings: MatchingSettings, path: String) throws {
        let differing = self.settings.sketchDifferences(from: settings)
        guard differing.isEmpty else {
            let details = differing.map { "\($0.name) is \($0.here) in the index, \($0.there) here" }
            let remedy = MatchingSettings.namesHashFunction(differing.map(\.name))
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

    func validate() throws {
        try OutputSafety.check(outputs: [("the index", index)], inputs: [input])
    }

    func run() throws {
        try reportingErrors(source: input) {
            let settings = matching.settings
            let lock = try IndexLock(index: index, exclusive: true)
            defer { withExtendedLifetime(lock) {} }
            var file = IndexFile(settings: settings, ids: [], store: SketchStore(slots: settings.slots))
            if FileManager.default.fileExists(atPath: index) {
                file = try IndexFile.read(from: index)
                try file.checkSketchSettings(settings, path: index)
            }
            let run = try CorpusRun(settings: settings, threads: matching.threadCount)
            try run.read(corpus.source(input), skipInvalid: corpus.skipInvalid, progress: false)
            let added = run.pipeline.records
            var known = Set(file.ids)
            for record in added {
                guard known.insert(record.id).inserted else {
                    throw CommandError("\(record.origin): id \"\(record.id)\" is already in \(index); ids must be unique")
                }
            }
            file.ids.append(contentsOf: added.map(\.id))
            file.store.append(contentsOf: run.pipeline.store)
            try file.write(to: index)
            printError("added \(added.count.grouped) documents to \(index); it now holds \(file.ids.count.grouped)")
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

    func validate() throws {
        try OutputSafety.check(outputs: output.map { [("-o", $0)] } ?? [], inputs: [index, input])
    }

    func run() throws {
        try reportingErrors(source: input) {
            let settings = matching.settings
            let lock = try IndexLock(index: index, exclusive: false)
            let file = try IndexFile.read(from: index)
            withExtendedLifetime(lock) {}
            try file.checkSketchSettings(settings, path: index)
            // The index's documents come first and the query's after them, in one pipeline: the
            // matches are the verified pairs across the two that `concord cluster` would find.
            let run = try CorpusRun(settings: settings, threads: matching.threadCount)
            run.pipeline.append(records: file.records(path: index), sketches: file.store)
            try run.read(corpus.source(input), skipInvalid: corpus.skipInvalid, progress: false)
            let records = run.pipeline.records
            var lines = ""
            var matched = 0
            for (offset, found) in run.pipeline.matches(crossingAt: file.ids.count).enumerated() {
                if !found.isEmpty { matched += 1 }
                let matches = found.map { JSONWriting.object(["id": records[$0.document].id.json, "similarity": $0.score.fixed(4)]) }
                lines += JSONWriting.object(["id": records[file.ids.count + offset].id.json, "matches": JSONWriting.array(matches)]) + "\n"
            }
            try OutputBuffer.emit(lines, to: output)
            let queried = records.count - file.ids.count
            printError("\(matched.grouped) of \(queried.grouped) documents match \(index) (\(file.ids.count.grouped) indexed)")
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
            for (name, value) in file.settings.fieldList { output.writeLine("  \(name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(value)") }
            try output.finish()
        }
    }
}
