import ArgumentParser
import ConcordText

/// `concord match`: whether two names are spellings of one entity, one decision per input line.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Decide whether the two names on each line of standard input are one entity's spellings.",
        discussion: """
        Each input line holds two names separated by a tab. The output is one line per input \
        line: 1 when the names are spellings of one person or place, 0 when not (--score prints \
        the similarity from 0 to 1 instead, with four decimals). It is the interface of \
        ../shared/eval/score_names.py --match-cmd.

        The names are compared by their keys (see concord key) with an edit distance in which \
        the differences transliteration leaves are cheap: vowels, glides, an h, a doubled letter, \
        q/g/j, s/sh, m/n, d/t; words may be joined, split or reordered. Use keys to match text \
        at scale and this command to decide about two names: it reaches spellings that keys \
        cannot, at the price of some look-alike names of different places.

        Example:
          printf 'Qaddafi\\tGadhafi\\nHama\\tHoms\\n' | concord match
        """
    )

    @Flag(name: .long, help: "Print the similarity (0 to 1, four decimals) instead of 1 or 0.")
    var score = false

    @Option(name: .long, help: ArgumentHelp("The similarity at which a pair is printed as 1 (default: 0.8).", valueName: "score"))
    var threshold: Double?

    @OptionGroup
    var text: TextInputOptions

    func validate() throws {
        guard let threshold else { return }
        guard !score else { throw ValidationError("--threshold applies only without --score.") }
        guard (0...1).contains(threshold) else {
            throw ValidationError("--threshold must be a similarity from 0 to 1, got \(threshold).")
        }
    }

    func run() throws {
        let matcher = NameMatcher()
        let cut = threshold ?? NameMatcher.defaultThreshold
        var output = OutputBuffer()
        defer { output.flush() }
        try reportingErrors(source: "<stdin>") {
            try InputReading.forEachStandardInputPair(options: text, of: "names") { a, b, lineNumber in
                if let failure = output.failure { throw failure }
                do throws(TextError) {
                    let similarity = try matcher.similarity(a, b)
                    output.writeLine(score ? similarity.fixed(4) : (similarity >= cut ? "1" : "0"))
                } catch {
                    throw CommandError(error, in: "<stdin>", line: lineNumber)
                }
            }
            try output.finish()
        }
    }
}
