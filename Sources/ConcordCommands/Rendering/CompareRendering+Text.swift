import ConcordDiff

extension CompareRendering {
    /// The comparison for a terminal or a pipe.
    func text(colour: Bool) -> String {
        let style = TerminalStyle(colour: colour)
        let reports = collation.reports
        let counts = coverageCounts
        var out = "Compared \(reports.count) reports: \(collation.passages.count) passages, \(counts.all) shared by all, "
            + "\(counts.some) by some, \(counts.one) in one report only.\n"
        for (index, report) in reports.enumerated() {
            out += "  \(Self.reportName(index)) \(report.label.terminalSafe)  (\(report.sentences.count) sentences)\n"
        }
        for note in notes { out += style.warning("Note: \(note)") + "\n" }

        let differences = collation.rankedDifferences()
        out += "\nNumbers and names that differ" + (differences.isEmpty ? ": none.\n" : " (conflicts first):\n")
        for (comparison, difference) in differences {
            let label: String
            switch difference.kind {
            case .numberConflict: label = style.deleted("conflict")
            case .name: label = style.moved("name    ")
            case .numberDetail: label = "detail  "
            }
            let relation = difference.kind == .numberDetail ? "~" : "≠"
            out += "  \(label)  \(Self.passageName(comparison.passage))  \(Self.reportName(comparison.reference)) \"\(difference.referenceText.terminalSafe)\"  \(relation)  \(Self.reportName(comparison.report)) \"\(difference.otherText.terminalSafe)\"\n"
        }

        out += "\nWhat each report adds and omits:\n"
        for index in reports.indices {
            let adds = collation.additions(of: index), omits = collation.omissions(of: index)
            out += "  \(Self.reportName(index)) \(reports[index].label.terminalSafe): adds \(Self.list(adds)); omits \(Self.list(omits))\n"
        }

        out += "\nPassages:\n"
        for (index, passage) in collation.passages.enumerated() {
            out += "\(Self.passageName(index))  \(coverageLine(index))"
            if !passage.movedIn.isEmpty { out += style.moved("  moved in " + passage.movedIn.map(Self.reportName).joined(separator: " ")) }
            out += "\n"
            for report in passage.reports {
                let body = segments(passage: index, report: report)!.map { segment in
                    switch segment.kind {
                    case .same, .restyled: segment.text.terminalSafe
                    case .reworded: style.moved("(reworded) ") + segment.text.terminalSafe
                    case .deleted: style.marked(segment.text.terminalSafe, open: "[-", close: "-]", colour: TerminalStyle.red)
                    case .inserted: style.marked(segment.text.terminalSafe, open: "{+", close: "+}", colour: TerminalStyle.green)
                    }
                }.joined()
                out += "    \(Self.reportName(report)) \(body)\n"
            }
        }
        return out
    }

    private func coverageLine(_ index: Int) -> String {
        let carriers = collation.passages[index].reports.map(Self.reportName).joined(separator: " ")
        switch collation.coverage(of: index) {
        case .all: return "shared by all"
        case .one: return "only in \(carriers)"
        case .some:
            let missing = collation.reports.indices.filter { !collation.passages[index].reports.contains($0) }
            return "shared by \(carriers); not in \(missing.map(Self.reportName).joined(separator: " "))"
        }
    }

    private static func list(_ passages: [Int]) -> String {
        passages.isEmpty ? "nothing" : "\(passages.count) (\(passages.map(passageName).joined(separator: " ")))"
    }
}
