import ConcordDiff

extension CompareRendering {
    /// The comparison as a self-contained HTML page: one column per report, one row per passage
    /// in reading order; words a report adds are green, reference words it leaves out struck in
    /// red, passages it omits marked, and a passage a report moved linked both ways between its
    /// row and the row after which that report tells it.
    func html() -> String {
        let reports = collation.reports
        let counts = coverageCounts
        var page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="generator" content="concord \(Concord.version)">
        <title>Concord compare: \(escape(reports.map(\.label).joined(separator: " · ")))</title>
        <style>\(Self.styleSheet)</style>
        </head><body>
        <h1>\(reports.count) reports compared</h1>
        <p class="summary">\(collation.passages.count) passages: <b>\(counts.all)</b> shared by all, <b>\(counts.some)</b> by some, <b>\(counts.one)</b> in one report only.
        Words a report adds to the first report that has the passage are <ins>green</ins>; words it leaves out are <del>struck</del>.</p>

        """
        for note in notes { page += "<p class=\"note\">Note: \(escape(note))</p>\n" }
        page += differencesSection()
        page += "<table class=\"passages\"><thead><tr><th class=\"number\">§</th>"
        for (index, report) in reports.enumerated() {
            let adds = collation.additions(of: index).count, omits = collation.omissions(of: index).count
            page += "<th>\(Self.reportName(index)) \(escape(report.label))<div class=\"tally\">adds \(adds) · omits \(omits)</div></th>"
        }
        page += "</tr></thead><tbody>\n"
        let movedAfter = movedLinks()
        let omissions = reports.indices.map { Set(collation.omissions(of: $0)) }
        for (index, passage) in collation.passages.enumerated() {
            let coverage = collation.coverage(of: index)
            page += "<tr id=\"p\(index + 1)\" class=\"\(coverage.rawValue)\"><td class=\"number\"><a href=\"#p\(index + 1)\">\(index + 1)</a></td>"
            for report in reports.indices {
                var cell = ""
                if let segments = segments(passage: index, report: report) {
                    cell = segments.map { segment in
                        switch segment.kind {
                        case .same, .restyled: escape(segment.text)
                        case .reworded: "<span class=\"reworded\">reworded</span> " + escape(segment.text)
                        case .deleted: "<del>\(escape(segment.text))</del>"
                        case .inserted: "<ins>\(escape(segment.text))</ins>"
                        }
                    }.joined()
                    if let target = passage.movedIn.contains(report) ? previousPassage(of: index, in: report) : nil {
                        cell += " <a class=\"move\" href=\"#p\(target + 1)\">moved: in this report it follows §\(target + 1)</a>"
                    }
                    let classes = coverage == .one ? "unique" : passage.movedIn.contains(report) ? "moved" : "carried"
                    page += "<td class=\"\(classes)\">"
                } else {
                    page += omissions[report].contains(index) ? "<td class=\"omitted\">omitted" : "<td class=\"absent\">"
                }
                for moved in movedAfter[index * reports.count + report] ?? [] {
                    cell += " <a class=\"move\" href=\"#p\(moved + 1)\">§\(moved + 1) comes next here (moved)</a>"
                }
                page += cell + "</td>"
            }
            page += "</tr>\n"
        }
        page += "</tbody></table>\n</body></html>\n"
        return page
    }

    private func differencesSection() -> String {
        let differences = collation.rankedDifferences()
        guard !differences.isEmpty else { return "<h2>Numbers and names that differ</h2><p>None.</p>\n" }
        var section = "<h2>Numbers and names that differ</h2><ul class=\"differences\">\n"
        for (comparison, difference) in differences {
            let relation = difference.kind == .numberDetail ? "~" : "≠"
            section += "<li class=\"\(difference.kind.rawValue)\"><span class=\"kind\">\(difference.kind.rawValue)</span> "
                + "<a href=\"#p\(comparison.passage + 1)\">§\(comparison.passage + 1)</a> "
                + "\(Self.reportName(comparison.reference)) “\(escape(difference.referenceText))” \(relation) "
                + "\(Self.reportName(comparison.report)) “\(escape(difference.otherText))”</li>\n"
        }
        return section + "</ul>\n"
    }

    /// The passage that comes just before `passage` in `report`'s own order, if any.
    private func previousPassage(of passage: Int, in report: Int) -> Int? {
        guard let sentence = collation.passages[passage].sentences[report], sentence > 0 else { return nil }
        return collation.passages.firstIndex { $0.sentences[report] == sentence - 1 }
    }

    /// For each (passage, report), the moved passages that report tells right after it.
    private func movedLinks() -> [Int: [Int]] {
        var links: [Int: [Int]] = [:]
        for (index, passage) in collation.passages.enumerated() {
            for report in passage.movedIn {
                guard let previous = previousPassage(of: index, in: report) else { continue }
                links[previous * collation.reports.count + report, default: []].append(index)
            }
        }
        return links
    }

    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    private static let styleSheet = """
    body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5em;color:#1d1d1f;background:#fff}
    h1{font-size:1.4em;margin:0 0 .3em}h2{font-size:1.1em;margin:1.2em 0 .4em}
    .summary{color:#444}.note{background:#fff4ce;border-left:4px solid #e0a800;padding:.4em .8em}
    ins{background:#d6f5d6;color:#0a5d0a;text-decoration:none}del{background:#fbe0e0;color:#9b1c1c}
    ul.differences{padding-left:1.2em}ul.differences li{margin:.2em 0}
    .kind{display:inline-block;min-width:9em;font-size:.8em;text-transform:uppercase;letter-spacing:.04em;color:#555}
    li.number-conflict .kind{color:#b00020;font-weight:700}li.name .kind{color:#8a5a00;font-weight:700}
    table.passages{border-collapse:collapse;width:100%;table-layout:fixed}
    th,td{border:1px solid #d8d8dc;padding:.45em .6em;vertical-align:top;text-align:left}
    th{background:#f2f2f5;position:sticky;top:0}th .tally{font-weight:400;font-size:.8em;color:#666}
    td.number,th.number{width:2.5em;color:#888;text-align:right}
    td.unique{background:#eef6ff}td.moved{background:#fff8e6}
    td.omitted{background:repeating-linear-gradient(45deg,#fafafa,#fafafa 6px,#f0f0f0 6px,#f0f0f0 12px);color:#999;font-style:italic}
    .reworded{font-size:.75em;text-transform:uppercase;color:#8a5a00;border:1px solid #e3c98a;border-radius:3px;padding:0 .3em}
    tr.all td.carried{background:#fff}a.move{display:block;font-size:.8em;color:#8a5a00;margin-top:.3em}
    """
}
