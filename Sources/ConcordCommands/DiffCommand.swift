import ArgumentParser
import ConcordDiff
import ConcordText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `concord diff`: what changed between two versions of a report, word by word.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show, word by word, how one report differs from another.",
        discussion: """
        Prints the new report with deleted words as [-old words-] and added words as {+new words+} \
        (in red and green on a terminal; NO_COLOR turns colour off). A passage that moved is shown \
        once where it was, as [<moved…>], and once where it is now, as {>moved…<} (in yellow). Words are compared as \
        Concord normalizes them, so quote style, case, punctuation and transliteration variants of a \
        name (Deir ez-Zor / Deir Ezzor) are not differences unless --show-restyling is given.

        Exit status, as diff(1): 0 when the reports have the same words, 1 when they differ, \
        2 on trouble (a missing file, invalid UTF-8).

        Short runs of equal words stranded inside a rewritten passage are shown as part of the \
        change. Moved passages are found when they moved word for word.

        Example:
          concord diff Corpus/omar-oil-field/wire.txt Corpus/omar-oil-field/levant-daily.txt
        """
    )

    @Argument(help: ArgumentHelp("The old report.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The new report.", valueName: "new"))
    var new: String

    @Flag(name: .customLong("show-restyling"), help: "Also mark words that differ only in case, quotes, punctuation or the spelling of a name.")
    var showRestyling = false

    @Flag(name: .long, help: "Replace invalid UTF-8 with U+FFFD instead of stopping with an error.")
    var lossy = false

    func run() throws {
        let diff: WordDiff
        do {
            let oldText = try InputReading.text(InputReading.bytes(of: old), source: old, lossy: lossy)
            let newText = try InputReading.text(InputReading.bytes(of: new), source: new, lossy: lossy)
            diff = try WordDiff(old: oldText, new: newText, pipeline: TextPipeline(options: WordDiff.pipelineOptions))
        } catch let error as CommandError {
            printError("concord: \(error.message)")
            throw ExitCode(2)
        } catch {
            printError("concord: \(error)")
            throw ExitCode(2)
        }
        let colour = isTerminal(1) && getenv("NO_COLOR") == nil
        var output = OutputBuffer()
        output.write(DiffRendering(diff: diff, colour: colour, showRestyling: showRestyling).text())
        output.flush()
        if !diff.isExact { printError("concord: note: \(DiffRendering.approximationNote)") }
        let differs = diff.hasChanges || (showRestyling && diff.hunks.contains { if case .restyled = $0 { return true }; return false })
        if differs { throw ExitCode(1) }
    }
}

/// The text of a word diff for a terminal or a pipe.
struct DiffRendering {
    let diff: WordDiff
    let colour: Bool
    let showRestyling: Bool

    func text() -> String {
        let old = Array(diff.old.utf8), new = Array(diff.new.utf8)
        var result = ""
        for hunk in diff.hunks {
            switch hunk {
            case .same(_, let range):
                result += String(decoding: new[range], as: UTF8.self)
            case .restyled(let oldRange, let newRange):
                if showRestyling {
                    result += deleted(String(decoding: old[oldRange], as: UTF8.self))
                    result += inserted(String(decoding: new[newRange], as: UTF8.self))
                } else {
                    result += String(decoding: new[newRange], as: UTF8.self)
                }
            case .deleted(let range) where diff.moves.contains { $0.old == range }:
                result += style.marked(String(decoding: old[range], as: UTF8.self), open: "[<", close: ">]", colour: TerminalStyle.yellow)
            case .inserted(let range) where diff.moves.contains { $0.new == range }:
                result += style.marked(String(decoding: new[range], as: UTF8.self), open: "{>", close: "<}", colour: TerminalStyle.yellow)
            case .deleted(let range):
                result += deleted(String(decoding: old[range], as: UTF8.self))
            case .inserted(let range):
                result += inserted(String(decoding: new[range], as: UTF8.self))
            }
        }
        return result.hasSuffix("\n") ? result : result + "\n"
    }

    /// What the user is told when the search limit cut the diff short.
    static let approximationNote = "parts of the texts differ too much to search for the shortest diff "
        + "(more than \(WordDiff.searchLimit) word edits between matching passages); the diff there is correct but may show more change than needed"

    private var style: TerminalStyle { TerminalStyle(colour: colour) }
    private func deleted(_ text: String) -> String { style.marked(text, open: "[-", close: "-]", colour: TerminalStyle.red) }
    private func inserted(_ text: String) -> String { style.marked(text, open: "{+", close: "+}", colour: TerminalStyle.green) }
}
