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

        Script fragments and page furniture (share and subscribe lines, "read more") are removed \
        from both reports first, as the other commands do, and the number of lines removed is said \
        on standard error; --raw compares the texts exactly as given.

        Short runs of equal words stranded inside a rewritten passage are shown as part of the \
        change; a run of eight or more equal words (a shared quote) is always shown as shared. \
        Moved passages are found when they moved word for word. A run longer than half a second \
        shows its progress on standard error when that is a terminal.

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

    @Flag(name: .long, help: "Compare the texts as given, script fragments and page furniture included.")
    var raw = false

    @OptionGroup
    var text: TextInputOptions

    func run() throws {
        var diff: WordDiff?
        try reportingErrors(source: "\(old), \(new)", status: ExitStatus.diffTrouble) {
            var oldText = try InputReading.text(InputReading.bytes(of: old), source: old, options: text)
            var newText = try InputReading.text(InputReading.bytes(of: new), source: new, options: text)
            if !raw {
                let cleaner = ScrapeCleaner()
                let (cleanOld, removedOld) = cleaner.removingJunk(from: oldText)
                let (cleanNew, removedNew) = cleaner.removingJunk(from: newText)
                oldText = cleanOld
                newText = cleanNew
                for (name, removed) in [(old, removedOld), (new, removedNew)] where !removed.isEmpty {
                    printError("concord: \(name): \(removed.count) script or page-furniture line\(removed.count == 1 ? "" : "s") left out (--raw keeps them)")
                }
            }
            let meter = ProgressMeter(shown: isTerminal(2))
            diff = try WordDiff(old: oldText, new: newText, pipeline: TextPipeline(options: WordDiff.pipelineOptions)) { read in
                if let read {
                    meter.show("concord: diff: reading words \(ProgressMeter.percent(read.done, of: read.total))", stage: "reading")
                } else {
                    meter.show("concord: diff: aligning words…", stage: "aligning")
                }
            }
            meter.clear()
        }
        guard let diff else { return }
        let colour = isTerminal(1) && getenv("NO_COLOR") == nil
        var output = OutputBuffer()
        output.write(DiffRendering(diff: diff, colour: colour, showRestyling: showRestyling).text())
        try reportingErrors(source: "standard output", status: ExitStatus.diffTrouble) { try output.finish() }
        if !diff.isExact { printError("concord: note: \(DiffRendering.approximationNote)") }
        let differs = diff.hasChanges || (showRestyling && diff.hunks.contains { if case .restyled = $0 { return true }; return false })
        if differs { throw ExitCode(1) }
    }
}
