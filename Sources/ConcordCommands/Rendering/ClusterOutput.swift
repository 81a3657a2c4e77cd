import ConcordCorpus
import ConcordSimilarity
import Foundation

/// Writes a clustering result: JSONL (one line per input document), JSON (clusters with their
/// members, parameters and accounting), or text for a person; and, for --dedup, the deduplicated
/// corpus with its map of removed ids.
struct ClusterOutput {
    let run: CorpusRun
    let report: ClusterReport
    /// Events mode's result, when it ran: the output groups events, with the copies nested.
    let events: EventReport?
    let path: String

    var records: [DocumentRecord] { run.pipeline.records }
    var settings: MatchingSettings { run.pipeline.settings }
    /// Events mode's settings (when it ran).
    let eventSettings: EventSettings

    /// Writes the result. The files (`file`, the removed map of `dedup`, `pairs`) are written all
    /// or nothing, after standard output: a failure anywhere leaves none of them.
    func write(format: ClusterCommand.OutputFormat, to file: String?, dedup: Bool, pairs: String?, pairFeatures: String?,
               quiet: Bool) throws {
        var files = OutputFiles()
        do {
            if let pairs { try files.stage(pairLines(), to: pairs) }
            if let pairFeatures, let events { try files.stage(pairFeatureLines(events), to: pairFeatures) }
            if let file, file != "-" {
                if dedup {
                    let (kept, removed) = deduplicated()
                    try files.stage(kept, to: file)
                    try files.stage(removed, to: Self.mapPath(for: file))
                } else {
                    try files.stage(rendered(format), to: file)
                }
            } else {
                try OutputBuffer.emit(rendered(format), to: nil)
            }
            try files.commit()
        } catch {
            files.discard()
            throw error
        }
        // The summary (with its timing) goes to standard error, so the output itself is the same
        // on every run and thread count.
        if !quiet { printError(summary().joined(separator: "\n")) }
    }

    private func rendered(_ format: ClusterCommand.OutputFormat) -> String {
        switch (format, events) {
        case (.jsonl, let events?): eventLines(events)
        case (.jsonl, nil): jsonLines()
        case (.json, let events?): eventJSON(events) + "\n"
        case (.json, nil): json() + "\n"
        case (.text, let events?): eventListing(events)
        case (.text, nil): listing()
        }
    }

    // MARK: - Machine-readable

    /// One line per document, `{"id":…,"cluster":…,"representative":…,"similarity":…}`.
    func jsonLines() -> String {
        let assignments = report.assignments
        return assignmentLines(cluster: { assignments[$0].cluster }, copies: nil,
                               representative: { assignments[$0].representative }, similarity: { assignments[$0].similarity })
    }

    /// One line per document, `{"id","cluster",["copies",]"representative","similarity"}` from
    /// the given per-document values, written as bytes: a million lines built as strings cost
    /// more than the clustering of small corpora.
    func assignmentLines(cluster: (Int) -> Int, copies: ((Int) -> Int)?, representative: (Int) -> Int,
                         similarity: (Int) -> Double) -> String {
        let records = records
        return Self.assignmentLines(count: records.count, id: { records[$0].id }, cluster: cluster, copies: copies,
                                    representative: representative, similarity: similarity)
    }

    /// `assignmentLines` for `count` documents named by `id`; with `position`, each line ends with
    /// the document's `"n"` (as `concord link` writes them).
    static func assignmentLines(count: Int, id: (Int) -> DocumentID, cluster: (Int) -> Int, copies: ((Int) -> Int)?,
                                representative: (Int) -> Int, similarity: (Int) -> Double,
                                position: ((Int) -> Int)? = nil) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 96)
        for document in 0..<count {
            bytes.append(contentsOf: #"{"id":"#.utf8)
            id(document).appendJSON(to: &bytes)
            bytes.append(contentsOf: #","cluster":"#.utf8)
            bytes.append(contentsOf: String(cluster(document)).utf8)
            if let copies {
                bytes.append(contentsOf: #","copies":"#.utf8)
                bytes.append(contentsOf: String(copies(document)).utf8)
            }
            bytes.append(contentsOf: #","representative":"#.utf8)
            id(representative(document)).appendJSON(to: &bytes)
            bytes.append(contentsOf: #","similarity":"#.utf8)
            bytes.append(contentsOf: similarity(document).fixed(4).utf8)
            if let position {
                bytes.append(contentsOf: #","n":"#.utf8)
                bytes.append(contentsOf: String(position(document)).utf8)
            }
            bytes.append(contentsOf: "}\n".utf8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One line per verified pair, `{"a":…,"b":…,"similarity":…}`, in candidate order.
    func pairLines() -> String {
        var bytes: [UInt8] = []
        for pair in report.verified {
            bytes.append(contentsOf: #"{"a":"#.utf8)
            records[Int(pair.first)].id.appendJSON(to: &bytes)
            bytes.append(contentsOf: #","b":"#.utf8)
            records[Int(pair.second)].id.appendJSON(to: &bytes)
            bytes.append(contentsOf: #","similarity":"#.utf8)
            bytes.append(contentsOf: Double(pair.score).fixed(4).utf8)
            bytes.append(contentsOf: "}\n".utf8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func json() -> String {
        let clusters = members().map { cluster in
            JSONWriting.object([
                "cluster": String(cluster.number),
                "representative": records[cluster.representative].id.json,
                "members": JSONWriting.array(cluster.members.map { member in
                    JSONWriting.object(["id": records[member.document].id.json, "similarity": member.similarity.fixed(4)])
                }),
            ])
        }
        return json(clusters: clusters, parameters: settings.json)
    }

    /// The JSON result around `clusters` (already JSON): the input, the parameters and what was
    /// read, matched and skipped.
    func json(clusters: [String], parameters: String) -> String {
        JSONWriting.object([
            "input": JSONWriting.quoted(path),
            "documents": String(records.count),
            "clusters": JSONWriting.array(clusters),
            "parameters": parameters,
            "candidate_pairs": String(report.candidatePairs),
            "verified_pairs": String(report.verified.count),
            "capped_buckets": String(report.cappedBuckets),
            "empty": JSONWriting.array(report.emptyDocuments.map { records[$0].id.json }),
            "skipped": JSONWriting.array(run.accounting.skippedFiles.map {
                JSONWriting.object(["id": JSONWriting.quoted($0.id), "reason": JSONWriting.quoted($0.reason)])
            }),
            "invalid": JSONWriting.array(run.accounting.invalid.map { JSONWriting.quoted($0.description) }),
        ])
    }

    // MARK: - For a person

    struct Cluster {
        var number: Int
        var representative: Int
        var members: [(document: Int, similarity: Double)]
    }

    /// Clusters in number order, members in input order.
    func members() -> [Cluster] {
        var clusters: [Cluster] = []
        for (document, assignment) in report.assignments.enumerated() {
            if assignment.cluster == clusters.count {
                clusters.append(Cluster(number: assignment.cluster, representative: assignment.representative, members: []))
            }
            clusters[assignment.cluster].members.append((document, assignment.similarity))
        }
        return clusters
    }

    func listing() -> String {
        var lines: [String] = []
        let clusters = members()
        let groups = clusters.filter { $0.members.count > 1 }.sorted {
            $0.members.count != $1.members.count ? $0.members.count > $1.members.count : $0.number < $1.number
        }
        for cluster in groups {
            lines.append("cluster \(cluster.number) · \(cluster.members.count) reports · representative \(records[cluster.representative].id.description.terminalSafe)")
            for member in cluster.members {
                let mark = member.document == cluster.representative ? "*" : " "
                lines.append("  \(mark) \(member.similarity.fixed(3))  \(label(member.document))")
            }
            lines.append("")
        }
        lines += Self.block(clusters.filter { $0.members.count == 1 }.map { label($0.representative) },
                            heading: "reports match no other:")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The closing block of a listing: `labels` under "N HEADING", then a blank line; nothing
    /// when there are none.
    static func block(_ labels: [String], heading: String) -> [String] {
        labels.isEmpty ? [] : ["\(labels.count) \(heading)"] + labels.map { "    \($0)" } + [""]
    }

    /// A document as a listing shows it: its id, then its title and outlet when the input gave
    /// them, made safe for a terminal.
    func label(_ document: Int) -> String {
        let record = records[document]
        let about = [record.title, record.outlet].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " · ")
        return (record.id.description + (about.isEmpty ? "" : "  — " + about)).terminalSafe
    }

    /// The run in a few lines: counts, parameters, accounting, time.
    func summary() -> [String] {
        let sizes = members().map(\.members.count)
        let multi = sizes.filter { $0 > 1 }
        let copies = "\(sizes.count.grouped) clusters (\(multi.count.grouped) with 2 or more reports, largest \(sizes.max() ?? 0))"
        var lines: [String]
        if let events {
            let eventSizes = self.events(events).map(\.size)
            lines = [
                "\(records.count.grouped) documents from \(path) → \(eventSizes.count.grouped) events "
                    + "(\(eventSizes.filter { $0 > 1 }.count.grouped) with 2 or more reports, largest \(eventSizes.max() ?? 0)); "
                    + "copies: \(copies)",
                "  events: \(eventSettings.summary); \(events.candidatePairs.grouped) candidate pairs",
            ]
            if eventSettings.dateWindow != nil {
                if events.datedReports + events.unreadableDates == 0 {
                    lines.append("  dates: none in the input (--date-field names the field)")
                } else {
                    var dates = "  dates: \(events.datedReports.grouped) of \(records.count.grouped) reports dated"
                    if events.unreadableDates > 0 {
                        dates += "; \(events.unreadableDates.grouped) dates not in ISO 8601 (YYYY-MM-DD) were ignored"
                    }
                    lines.append(dates)
                }
            }
        } else {
            lines = ["\(records.count.grouped) documents from \(path) → \(copies)"]
            if Self.findsAlmostNothing(documents: records.count, inClusters: multi.reduce(0, +)) {
                lines.append("  note: almost no report shares its wording with another. Reports of one event written "
                             + "independently share little wording; --mode events groups them by their words, names and titles.")
            }
        }
        lines.append("  matching: \(settings.summary); \(report.candidatePairs.grouped) candidate pairs, "
                     + "\(report.verified.count.grouped) verified")
        if report.cappedBuckets > 0 {
            lines.append("  note: \(report.cappedBuckets) oversized LSH buckets were paired only with their first \(settings.bucketCap) members")
        }
        if !report.emptyDocuments.isEmpty {
            let shown = report.emptyDocuments.prefix(5).map { "\(records[$0].id)" }.joined(separator: ", ")
            lines.append("  empty after cleaning (kept as singletons): \(report.emptyDocuments.count) — \(shown)\(report.emptyDocuments.count > 5 ? ", …" : "")")
        }
        let accounting = run.accounting
        if !accounting.skippedFiles.isEmpty { lines.append("  skipped files: \(accounting.skippedFiles.count) (listed above)") }
        if !accounting.invalid.isEmpty { lines.append("  skipped invalid lines: \(accounting.invalid.count) (listed above)") }
        if accounting.replacedCharacters > 0 { lines.append("  replaced invalid characters with U+FFFD in \(accounting.replacedCharacters) places") }
        let total = run.elapsed, threads = run.pipeline.threads
        let rate = Double(records.count) / max(total, 1e-9)
        lines.append("  time \(total.fixed(2)) s (\(Int(rate).grouped) documents/s, \(threads) thread\(threads == 1 ? "" : "s")): \(run.stageSummary)")
        return lines
    }

    /// Whether copies mode found (almost) nothing in a corpus large enough to judge: at least 20
    /// documents, under 2% of them in clusters of two or more.
    static func findsAlmostNothing(documents: Int, inClusters: Int) -> Bool {
        documents >= 20 && Double(inClusters) < 0.02 * Double(documents)
    }

    // MARK: - Deduplicated corpus

    /// The representatives' records (JSONL, input order), and every removed id with the id that
    /// replaced it (for the map beside the file, `NAME.removed.jsonl`). The records are the
    /// documents the run kept as it read them: the corpus is not read again.
    func deduplicated() -> (kept: String, removed: String) {
        let assignments = report.assignments
        var kept = ""
        for (index, document) in run.pipeline.documents.enumerated() where assignments[index].representative == index {
            var fields: KeyValuePairs<String, String> = ["id": document.id.json, "text": JSONWriting.quoted(document.text)]
            if document.title != nil || document.outlet != nil || document.date != nil || document.url != nil {
                fields = ["id": document.id.json, "text": JSONWriting.quoted(document.text),
                          "title": document.title.map(JSONWriting.quoted) ?? "null",
                          "outlet": document.outlet.map(JSONWriting.quoted) ?? "null",
                          "date": document.date.map(JSONWriting.quoted) ?? "null",
                          "url": document.url.map(JSONWriting.quoted) ?? "null"]
            }
            kept += JSONWriting.object(fields) + "\n"
        }
        var removed = ""
        for (document, assignment) in assignments.enumerated() where assignment.representative != document {
            removed += JSONWriting.object([
                "removed": records[document].id.json, "kept": records[assignment.representative].id.json,
                "similarity": assignment.similarity.fixed(4),
            ]) + "\n"
        }
        return (kept, removed)
    }

    static func mapPath(for file: String) -> String {
        let base = file.hasSuffix(".jsonl") ? String(file.dropLast(6)) : file
        return base + ".removed.jsonl"
    }
}
