import ArgumentParser
import ConcordDiff
import ConcordText

/// `concord similarity`: the alignment score of each sentence pair on standard input.
struct SimilarityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similarity",
        abstract: "Score tab-separated sentence pairs from standard input, one score per line.",
        discussion: """
        Each input line holds two sentences separated by a tab; everything after the first tab is \
        the second sentence. The score, from 0 to 1 with four decimals, says how likely the two \
        sentences are to report the same thing: it combines the words they share (after case \
        folding and light suffix stripping), shared three-word runs, shared character trigrams, \
        numbers found in only one of them, and their longest common word sequence. A pair in which \
        either sentence has no letters or digits scores 0.

        With --decide each line is 1 (the pair says the same thing) or 0 instead, at threshold 0.5 \
        unless --threshold says otherwise. On the MSRP paraphrase corpus (train split, 4,076 pairs) \
        the decisions at 0.5 agree with the human labels on 75.7% of pairs.

        Exactly one line is printed per input line, so the output pairs up with the input; a line \
        without a tab (an empty line included) is an error naming its line number.

        Example:
          printf 'Rockets hit the base.\\tThe base was hit.\\n' | concord similarity
        """
    )

    @Flag(name: .long, help: "Print 1 when a pair scores at least the threshold, else 0.")
    var decide = false

    @Option(name: .long, help: ArgumentHelp("The score at which --decide prints 1 (default: 0.5).", valueName: "score"))
    var threshold: Double?

    @OptionGroup
    var text: TextInputOptions

    func validate() throws {
        guard let threshold else { return }
        guard decide else { throw ValidationError("--threshold applies only with --decide.") }
        guard (0...1).contains(threshold) else {
            throw ValidationError("--threshold must be a score from 0 to 1, got \(threshold).")
        }
    }

    func run() throws {
        let similarity = SentenceSimilarity()
        let profiler = SentenceSimilarity.Profiler()
        let cut = threshold ?? SentenceSimilarity.defaultThreshold
        var output = OutputBuffer()
        defer { output.flush() }
        try reportingErrors(source: "<stdin>") {
            try InputReading.forEachStandardInputPair(options: self.text, of: "sentences") { a, b, _ in
                if let failure = output.failure { throw failure }
                let score = try similarity.score(a, b, profiler: profiler)
                output.writeLine(decide ? (score >= cut ? "1" : "0") : score.fixed(4))
            }
            try output.finish()
        }
    }
}
