import ArgumentParser
import ConcordText

/// `concord key`: one name key per input line.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Print the name key of each line of standard input, one key per line.",
        discussion: """
        Transliteration variants of one name get the same key: Deir ez-Zor, Deir Ezzor, \
        Dayr az-Zawr, Deir al-Zour and دير الزور all give one key, while Hama and Homs stay apart. \
        A key is the concatenation of the folded words of the name (articles such as al-, el-, ez- \
        dropped); it is the same folding that matching applies to names in report text.

        Exactly one line is printed per input line (an empty line gives an empty key), so the \
        output pairs up with the input: the interface of ../shared/eval/score_names.py --key-cmd.

        Example:
          printf 'Deir ez-Zor\\nDayr az-Zawr\\nدير الزور\\n' | concord key
        """
    )

    @OptionGroup
    var text: TextInputOptions

    func run() throws {
        var output = OutputBuffer()
        defer { output.flush() }
        try reportingErrors(source: "<stdin>") {
            let keyer = NameKeyer()
            try InputReading.forEachStandardInputLine(options: text) { name, lineNumber in
                if let failure = output.failure { throw failure }
                do throws(TextError) {
                    output.writeLine(try keyer.key(for: name))
                } catch {
                    throw CommandError(error, in: "<stdin>", line: lineNumber)
                }
            }
            try output.finish()
        }
    }
}
