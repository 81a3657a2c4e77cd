import ConcordCorpus
import ConcordSimilarity

/// Events mode's output: events, with the copy groups inside each.
extension ClusterOutput {
    /// One event: its number, representative, and its copy groups (in the order of their first
    /// report), each a list of reports in input order.
    struct Event {
        var number: Int
        var representative: Int
        var copyGroups: [[Int]]
        var size: Int { copyGroups.reduce(0) { $0 + $1.count } }
    }

    /// Events in number order.
    func events(_ events: EventReport) -> [Event] {
        var result: [Event] = []
        var groupPosition: [Int: Int] = [:]   // copy cluster → index in its event's copyGroups
        for (document, assignment) in events.assignments.enumerated() {
            if assignment.event == result.count {
                result.append(Event(number: assignment.event, representative: assignment.representative, copyGroups: []))
            }
            let copies = report.assignments[document].cluster
            if let position = groupPosition[copies] {
                result[assignment.event].copyGroups[position].append(document)
            } else {
                groupPosition[copies] = result[assignment.event].copyGroups.count
                result[assignment.event].copyGroups.append([document])
            }
        }
        return result
    }

    /// One line per document: `{"id","cluster","copies","representative","similarity"}`: the
    /// event, the copy cluster (numbered as in copies mode), the event's representative and the
    /// document's term-vector cosine with it.
    func eventLines(_ events: EventReport) -> String {
        let assignments = events.assignments, copies = report.assignments
        return assignmentLines(cluster: { assignments[$0].event }, copies: { copies[$0].cluster },
                               representative: { assignments[$0].representative }, similarity: { assignments[$0].similarity })
    }

    /// The events with their copy groups (`{"copies": N, "members": […]}`, N numbered as in copies
    /// mode) and members, the parameters of both modes, and what was read and skipped.
    func eventJSON(_ report: EventReport) -> String {
        let clusters = events(report).map { event in
            JSONWriting.object([
                "cluster": String(event.number),
                "representative": records[event.representative].id.json,
                "copy_groups": JSONWriting.array(event.copyGroups.map { group in
                    JSONWriting.object([
                        "copies": String(self.report.assignments[group[0]].cluster),
                        "members": JSONWriting.array(group.map { document in
                            JSONWriting.object(["id": records[document].id.json,
                                                "similarity": report.assignments[document].similarity.fixed(4)])
                        }),
                    ])
                }),
            ])
        }
        let parameters = JSONWriting.object(["copies": settings.json, "events": eventSettings.json])
        return json(clusters: clusters, parameters: parameters)
    }

    /// Events of two or more reports, largest first, each with its copy groups nested; then the
    /// reports alone in their event.
    func eventListing(_ report: EventReport) -> String {
        var lines: [String] = []
        let all = events(report)
        for event in all.filter({ $0.size > 1 }).sorted(by: { $0.size != $1.size ? $0.size > $1.size : $0.number < $1.number }) {
            lines.append("event \(event.number) · \(event.size) reports in \(event.copyGroups.count) wording\(event.copyGroups.count == 1 ? "" : "s")"
                         + " · representative \(records[event.representative].id.description.terminalSafe)")
            for group in event.copyGroups {
                let indent = group.count > 1 ? "      " : "  "
                if group.count > 1 { lines.append("    \(group.count) copies:") }
                for document in group {
                    let mark = document == event.representative ? "*" : " "
                    lines.append("\(indent)\(mark) \(report.assignments[document].similarity.fixed(3))  \(label(document))")
                }
            }
            lines.append("")
        }
        lines += Self.block(all.filter { $0.size == 1 }.map { label($0.representative) },
                            heading: "reports share their event with no other:")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every candidate pair of events mode with its features and probability, one JSON object per
    /// line: `{"a","b","probability", FEATURE: value…}`.
    func pairFeatureLines(_ report: EventReport) -> String {
        var text = ""
        for pair in report.pairs {
            var fields = ["\"a\":" + records[pair.first].id.json, "\"b\":" + records[pair.second].id.json,
                          "\"probability\":" + pair.probability.fixed(6)]
            for (name, value) in zip(EventPairModel.names, pair.features.values) { fields.append("\"\(name)\":" + value.fixed(6)) }
            text += "{" + fields.joined(separator: ",") + "}\n"
        }
        return text
    }
}
