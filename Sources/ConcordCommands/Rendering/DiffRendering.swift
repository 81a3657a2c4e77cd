import ConcordDiff

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
                result += text(new[range])
            case .restyled(let oldRange, let newRange):
                if showRestyling {
                    result += deleted(text(old[oldRange]))
                    result += inserted(text(new[newRange]))
                } else {
                    result += text(new[newRange])
                }
            case .deleted(let range) where diff.moves.contains { $0.old == range }:
                result += style.marked(text(old[range]), open: "[<", close: ">]", colour: TerminalStyle.yellow)
            case .inserted(let range) where diff.moves.contains { $0.new == range }:
                result += style.marked(text(new[range]), open: "{>", close: "<}", colour: TerminalStyle.yellow)
            case .deleted(let range):
                result += deleted(text(old[range]))
            case .inserted(let range):
                result += inserted(text(new[range]))
            }
        }
        return result.hasSuffix("\n") ? result : result + "\n"
    }

    /// What the user is told when the search limit cut the diff short.
    static let approximationNote = "parts of the texts differ too much to search for the shortest diff "
        + "(more than \(WordDiff.searchLimit) word edits between matching passages); the diff there is correct but may show more change than needed"

    /// Report text as shown: control characters escaped (see `terminalSafe`).
    private func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self).terminalSafe }

    private var style: TerminalStyle { TerminalStyle(colour: colour) }
    private func deleted(_ text: String) -> String { style.marked(text, open: "[-", close: "-]", colour: TerminalStyle.red) }
    private func inserted(_ text: String) -> String { style.marked(text, open: "{+", close: "+}", colour: TerminalStyle.green) }
}
