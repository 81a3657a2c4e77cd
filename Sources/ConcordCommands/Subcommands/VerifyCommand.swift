import ArgumentParser
import ConcordSimilarity

/// `concord verify`: exact scores of candidate pairs, for a distributed run.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Score candidate pairs exactly on their shingle sets and keep those that match (the verify stage of a distributed run).",
        discussion: """
        Reads sketch records (as `concord sketch` writes them) and candidate pairs, \
        {"a":N,"b":N}, naming documents by their records' n, in any order and from any number of \
        files (- for standard input). Each pair is checked as `concord cluster` checks it: pairs \
        whose signatures agree on too few slots are dropped, the others are scored exactly \
        (--measure) and kept when they reach --threshold. Each kept pair is written, in input \
        order, as {"a":N,"b":N,"similarity":S} with a < b and S a 32-bit float that reads back \
        exactly; `concord link` reads these lines.

        Give the matching options given to `concord sketch`: a record sketched with other \
        settings is refused, and so is a pair whose record is missing.

        Example:
          cat sketches.jsonl candidates.jsonl | concord verify > verified.jsonl
        """
    )

    @OptionGroup
    var files: StageFileOptions

    @OptionGroup(title: "Matching")
    var matching: MatchingOptions

    @Flag(name: [.short, .long], help: "No summary on standard error.")
    var quiet = false

    func run() throws {
        try reportingErrors(source: files.inputs.joined(separator: ", ")) {
            let settings = matching.settings
            let input = try StageInput(paths: files.inputs, settings: settings)
            let candidates = input.pairs.map { UInt64($0.first) << 32 | UInt64($0.second) }
            let verified = Verification.verify(candidates, store: input.store(slots: settings.slots), measure: settings.measure,
                                               threshold: settings.threshold, threads: matching.threadCount,
                                               minimumAgreement: settings.minimumAgreement)
            var output = LineOutput(to: files.output)
            for pair in verified {
                try output.writeLine(StageRecord.pairLine(first: input.records[Int(pair.first)].position,
                                                          second: input.records[Int(pair.second)].position, score: pair.score))
            }
            try output.finish()
            if !quiet { printError("concord: \(verified.count.grouped) of \(candidates.count.grouped) candidate pairs verified") }
        }
    }
}
