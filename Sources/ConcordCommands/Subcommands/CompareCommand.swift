import ArgumentParser
import ConcordCorpus
import ConcordDiff
import Foundation

/// `concord compare`: several reports of one event, passage by passage.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Show what each of several reports of one event adds, omits or states differently.",
        discussion: """
        Give two or more report files, a directory (its .txt files), or --cluster ID with the corpus \
        and a clusters file. Concord cuts each report into sentences and aligns sentences that say \
        the same thing across reports, even when reworded (in order first, then a pass for passages \
        that moved). Each passage is then shared by all reports, by some, or unique to one.

        The output lists, in this order:
          - numbers and names that differ: conflicts first (8 vs 10 rockets), then different names in \
        the same place, then the same count told with more or less detail ("at least eight Katyusha \
        missiles" vs "eight rockets"). Spelling variants of one name (Deir ez-Zor, Deir Ezzor) are \
        not differences;
          - for each report, the passages it adds and omits. The first report is the reference: \
        another report adds what it has and the first lacks (two reports may add the same passage); \
        the first adds what no other report has. A report omits what more than half of the others \
        have;
          - every passage, with each report's sentence shown as a word diff against the first \
        report that has it: [-words it leaves out-] {+words it adds+}.

        Formats: text (colour on a terminal; NO_COLOR turns it off), json (schema in the README), \
        html (a self-contained page, one column per report). A run longer than half a second shows \
        its progress on standard error when that is a terminal.

        Examples:
          concord compare Corpus/omar-oil-field
          concord compare wire.txt rewrite.txt --format html -o compare.html
          concord compare --corpus reports.jsonl --clusters clusters.jsonl --cluster 12
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    @Argument(help: ArgumentHelp("Report files, or one directory of .txt reports.", valueName: "report"))
    var reports: [String] = []

    @Option(name: .long, help: ArgumentHelp("Compare the reports of this cluster (with --corpus and --clusters).", valueName: "id"))
    var cluster: String?

    @Option(name: .long, help: ArgumentHelp("The corpus the cluster's reports are read from: a directory, JSONL, CSV or TSV file.", valueName: "path"))
    var corpus: String?

    @Option(name: .long, help: ArgumentHelp("A JSONL file of {\"id\", \"cluster\"} lines: what `concord cluster -o` writes, or a corpus with a cluster field.", valueName: "file"))
    var clusters: String?

    @Option(name: .long, help: ArgumentHelp("Output format: text, json or html.", valueName: "format"))
    var format: OutputFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Write the result to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The alignment score at which two sentences count as the same passage, 0–1 (default 0.35; 0.5 is the paraphrase decision threshold of concord similarity).", valueName: "score"))
    var threshold: Double = Collation.defaultThreshold

    @OptionGroup(title: "Reading the corpus (with --cluster)")
    var corpusOptions: CorpusInputOptions

    func validate() throws {
        if cluster != nil {
            guard corpus != nil, clusters != nil else { throw ValidationError("--cluster needs --corpus PATH and --clusters FILE.") }
            guard reports.isEmpty else { throw ValidationError("Give report files or --cluster, not both.") }
        } else {
            guard !reports.isEmpty else { throw ValidationError("Give two or more report files, a directory of reports, or --cluster ID.") }
            guard corpus == nil, clusters == nil else { throw ValidationError("--corpus and --clusters go with --cluster ID.") }
        }
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be a score from 0 to 1, got \(threshold).") }
        try OutputSafety.check(outputs: output.map { [("-o", $0)] } ?? [], inputs: reports + [corpus, clusters].compactMap { $0 })
    }

    func run() throws {
        try reportingErrors(source: reports.first ?? corpus ?? "") {
            let inputs = try loadReports()
            guard inputs.count >= 2 else {
                throw CommandError("found \(inputs.count) report\(inputs.count == 1 ? "" : "s") to compare; compare needs two or more")
            }
            let meter = ProgressMeter(shown: isTerminal(2))
            let collation = try Collation(reports: inputs.map { ($0.label, $0.text) }, options: Collation.Options(threshold: threshold)) {
                stage, done, total in
                meter.show("concord: compare: \(stage.rawValue) \(ProgressMeter.percent(done, of: total))", stage: stage.rawValue)
            }
            meter.clear()
            let rendering = CompareRendering(collation: collation, sources: inputs.map(\.source))
            let text: String
            switch format {
            case .text: text = rendering.text(colour: output == nil && isTerminal(1) && getenv("NO_COLOR") == nil)
            case .json: text = rendering.json() + "\n"
            case .html: text = rendering.html()
            }
            try OutputBuffer.emit(text, to: output)
        }
    }

    /// A report to compare: what to call it, where it came from, its text.
    struct Input {
        var label: String
        var source: String
        var text: String
    }

    private func loadReports() throws -> [Input] {
        if let cluster, let corpus, let clusters {
            return try clusterReports(cluster, corpus: corpus, clusters: clusters)
        }
        if reports.count == 1, FileManager.default.isDirectory(reports[0]) {
            return try documents(in: corpusOptions.source(reports[0])) { _ in true }.map { Input(label: $0.id.description, source: $0.origin, text: $0.text) }
        }
        return try reports.map { path in
            Input(label: path, source: path, text: try InputReading.text(InputReading.bytes(of: path), source: path, options: corpusOptions.text))
        }
    }

    private func clusterReports(_ cluster: String, corpus: String, clusters: String) throws -> [Input] {
        let members = Set(try ClusterAssignments.members(of: cluster, in: clusters))
        guard !members.isEmpty else { throw CommandError("\(clusters): no document is in cluster \"\(cluster)\"") }
        let found = try documents(in: corpusOptions.source(corpus)) { members.contains($0.id) }
        if found.count < members.count {
            let missing = members.subtracting(found.map(\.id)).map(\.description).sorted()
            throw CommandError("\(corpus): cluster \"\(cluster)\" lists ids not in the corpus: \(missing.prefix(5).joined(separator: ", "))")
        }
        let outlets = found.map { $0.outlet ?? $0.id.description }
        return found.map { document in
            let outlet = document.outlet ?? document.id.description
            let label = outlets.filter { $0 == outlet }.count > 1 ? "\(outlet) (\(document.id))" : outlet
            return Input(label: label, source: document.origin, text: document.text)
        }
    }

    private func documents(in source: CorpusSource, where wanted: (Document) -> Bool) throws -> [Document] {
        var loading = CorpusLoading(source: source, skipInvalid: corpusOptions.skipInvalid) { printError("concord: \($0)") }
        var result: [Document] = []
        try loading.forEachDocument { if wanted($0) { result.append($0) } }
        return result
    }
}

extension FileManager {
    /// Whether `path` names a directory.
    func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
