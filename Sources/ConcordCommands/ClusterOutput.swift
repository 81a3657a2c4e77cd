import ConcordCorpus
import ConcordSimilarity
import Foundation

/// Writes a clustering result: JSONL (one line per input document), JSON (clusters with their
/// members, parameters and accounting), or text for a person; and, for --dedup, the deduplicated
/// corpus with its map of removed ids.
struct ClusterOutput {
    let result: ClusterRun.Result
    let path: String
    let options: ClusterOptions

    func write(format: ClusterCommand.OutputFormat, to file: String?, dedup: Bool, corpus: CorpusInputOptions,
               quiet: Bool) throws {
        var text = ""
        if dedup, let file {
            try writeDeduplicated(to: file, corpus: corpus)
        } else {
            switch format {
            case .jsonl: text = jsonLines()
            case .json: text = json() + "\n"
            case .text: text = listing()
            }
            try emit(text, to: file)
        }
        // The summary (with its timing) goes to standard error, so the output itself is the same
        // on every run and thread count.
        if !quiet { printError(summary().joined(separator: "\n")) }
    }

    private func emit(_ text: String, to file: String?) throws { try OutputBuffer.emit(text, to: file) }

    // MARK: - Machine-readable

    /// One line per document, `{"id":…,"cluster":…,"representative":…,"similarity":…}`, written
    /// as bytes: a million lines built as strings cost more than the clustering of small corpora.
    func jsonLines() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(result.ids.count * 80)
        for (index, assignment) in result.report.assignments.enumerated() {
            bytes.append(contentsOf: #"{"id":"#.utf8)
            Self.appendJSON(result.ids[index], to: &bytes)
            bytes.append(contentsOf: #","cluster":"#.utf8)
            bytes.append(contentsOf: String(assignment.cluster).utf8)
            bytes.append(contentsOf: #","representative":"#.utf8)
            Self.appendJSON(result.ids[assignment.representative], to: &bytes)
            bytes.append(contentsOf: #","similarity":"#.utf8)
            bytes.append(contentsOf: assignment.similarity.fixed(4).utf8)
            bytes.append(contentsOf: "}\n".utf8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func json() -> String {
        let clusters = members().map { cluster in
            JSONWriting.object([
                "cluster": String(cluster.number),
                "representative": Self.json(result.ids[cluster.representative]),
                "members": JSONWriting.array(cluster.members.map { member in
                    JSONWriting.object(["id": Self.json(result.ids[member.document]), "similarity": member.similarity.fixed(4)])
                }),
            ])
        }
        let report = result.report
        return JSONWriting.object([
            "input": JSONWriting.quoted(path),
            "documents": String(result.ids.count),
            "clusters": JSONWriting.array(clusters),
            "parameters": parametersJSON(),
            "candidate_pairs": String(report.candidatePairs),
            "verified_pairs": String(report.verifiedPairs),
            "capped_buckets": String(report.cappedBuckets),
            "empty": JSONWriting.array(report.emptyDocuments.map { Self.json(result.ids[$0]) }),
            "skipped": JSONWriting.array(result.accounting.skippedFiles.map {
                JSONWriting.object(["id": JSONWriting.quoted($0.id), "reason": JSONWriting.quoted($0.reason)])
            }),
            "invalid": JSONWriting.array(result.accounting.invalid.map { JSONWriting.quoted($0.description) }),
        ])
    }

    func parametersJSON() -> String {
        let shingles: String
        switch options.shingles {
        case .words(let n): shingles = "\"words:\(n)\""
        case .characters(let n): shingles = "\"characters:\(n)\""
        }
        let bands = result.report.bands
        return JSONWriting.object([
            "shingles": shingles, "slots": String(options.slots), "scheme": JSONWriting.quoted(options.scheme.rawValue),
            "seed": String(options.seed), "threshold": options.threshold.fixed(4),
            "measure": JSONWriting.quoted(options.measure.rawValue), "bands": String(bands.bands), "rows": String(bands.rows),
            "names": JSONWriting.quoted(options.text.nameFolding.rawValue), "clean": options.text.clean ? "true" : "false",
        ])
    }

    /// "word 5-shingles" or "character 7-shingles", for the summary.
    static func describe(_ shingles: ShingleKind) -> String {
        switch shingles {
        case .words(let n): "word \(n)-shingles"
        case .characters(let n): "character \(n)-shingles"
        }
    }

    static func json(_ id: Document.ID) -> String {
        switch id {
        case .string(let text): return JSONWriting.quoted(text)
        case .integer(let value): return String(value)
        }
    }

    static func appendJSON(_ id: Document.ID, to bytes: inout [UInt8]) {
        switch id {
        case .string(let text): JSONWriting.appendQuoted(text, to: &bytes)
        case .integer(let value): bytes.append(contentsOf: String(value).utf8)
        }
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
        for (document, assignment) in result.report.assignments.enumerated() {
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
            lines.append("cluster \(cluster.number) · \(cluster.members.count) reports · representative \(result.ids[cluster.representative])")
            for member in cluster.members {
                let mark = member.document == cluster.representative ? "*" : " "
                lines.append("  \(mark) \(member.similarity.fixed(3))  \(result.ids[member.document])")
            }
            lines.append("")
        }
        let singletons = clusters.filter { $0.members.count == 1 }.map { "\(result.ids[$0.representative])" }
        if !singletons.isEmpty {
            lines.append("\(singletons.count) reports match no other:")
            for id in singletons { lines.append("    \(id)") }
            lines.append("")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The run in a few lines: counts, parameters, accounting, time.
    func summary() -> [String] {
        let report = result.report
        let sizes = members().map(\.members.count)
        let multi = sizes.filter { $0 > 1 }
        var lines = [
            "\(result.ids.count.grouped) documents from \(path) → \(sizes.count.grouped) clusters "
                + "(\(multi.count.grouped) with 2 or more reports, largest \(sizes.max() ?? 0))",
            "  matching: \(options.measure.rawValue) ≥ \(options.threshold.fixed(2)) on \(Self.describe(options.shingles)), "
                + "LSH \(report.bands) over \(options.slots) slots; \(report.candidatePairs.grouped) candidate pairs, "
                + "\(report.verifiedPairs.grouped) verified",
        ]
        if report.cappedBuckets > 0 {
            lines.append("  note: \(report.cappedBuckets) oversized LSH buckets were paired only with their first \(options.bucketCap) members")
        }
        if !report.emptyDocuments.isEmpty {
            let shown = report.emptyDocuments.prefix(5).map { "\(result.ids[$0])" }.joined(separator: ", ")
            lines.append("  empty after cleaning (kept as singletons): \(report.emptyDocuments.count) — \(shown)\(report.emptyDocuments.count > 5 ? ", …" : "")")
        }
        let accounting = result.accounting
        if !accounting.skippedFiles.isEmpty { lines.append("  skipped files: \(accounting.skippedFiles.count) (listed above)") }
        if !accounting.invalid.isEmpty { lines.append("  skipped invalid lines: \(accounting.invalid.count) (listed above)") }
        if accounting.replacedCharacters > 0 { lines.append("  replaced invalid characters with U+FFFD in \(accounting.replacedCharacters) places") }
        let rate = Double(result.ids.count) / max(result.totalSeconds, 1e-9)
        lines.append("  time \(result.totalSeconds.fixed(2)) s (\(Int(rate).grouped) documents/s, \(options.threads) threads): "
            + "read \(result.readSeconds.fixed(2)), sketch \(result.sketchSeconds.fixed(2)), candidates \(report.candidateSeconds.fixed(2)), "
            + "verify \(report.verifySeconds.fixed(2)), cluster \(report.clusterSeconds.fixed(2))")
        return lines
    }

    // MARK: - Deduplicated corpus

    /// Writes the representatives' records (JSONL, input order) to `file`, and every removed id with
    /// the id that replaced it to the map beside it (`NAME.removed.jsonl`).
    func writeDeduplicated(to file: String, corpus: CorpusInputOptions) throws {
        let assignments = result.report.assignments
        var kept = ""
        var index = 0
        try CorpusSource(path: path, format: corpus.inputFormat, fields: CorpusFields(id: corpus.idField, text: corpus.textField),
                         extensions: corpus.source(path).extensions, lossy: corpus.lossy).forEachRecord { record in
            guard case .document(let document) = record else { return }
            defer { index += 1 }
            guard index < assignments.count, assignments[index].representative == index else { return }
            var fields: KeyValuePairs<String, String> = ["id": Self.json(document.id), "text": JSONWriting.quoted(document.text)]
            if document.title != nil || document.outlet != nil || document.date != nil || document.url != nil {
                fields = ["id": Self.json(document.id), "text": JSONWriting.quoted(document.text),
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
                "removed": Self.json(result.ids[document]), "kept": Self.json(result.ids[assignment.representative]),
                "similarity": assignment.similarity.fixed(4),
            ]) + "\n"
        }
        try emit(kept, to: file)
        try emit(removed, to: Self.mapPath(for: file))
    }

    static func mapPath(for file: String) -> String {
        let base = file.hasSuffix(".jsonl") ? String(file.dropLast(6)) : file
        return base + ".removed.jsonl"
    }
}
