import ArgumentParser
import ConcordSimilarity

/// `concord link`: average linkage over verified pairs, for a distributed run.
struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Cluster documents by average linkage over their verified pairs (the last stage of a distributed run).",
        discussion: """
        Reads sketch records (as `concord sketch` writes them) and verified pairs, \
        {"a":N,"b":N,"similarity":S} (as `concord verify` writes them), in any order and from any \
        number of files (- for standard input), and clusters the documents exactly as `concord \
        cluster` does: two groups merge only when the average exact score over all their member \
        pairs reaches --threshold. Average linkage never merges across connected components of \
        the verified pairs, so a distributed job can give each component, or any set of whole \
        components, to its own link; every document of a component needs its record.

        One line per record, in order of n: {"id","cluster","representative","similarity","n"}, \
        where cluster is the n of the cluster's first document (a batch job numbers the clusters \
        from these), representative the id of the member most similar to the rest, and similarity \
        the member's exact score against it.

        Give the matching options given to `concord sketch`.

        Example:
          cat sketches.jsonl verified.jsonl | concord link > clusters.jsonl
        """
    )

    @OptionGroup
    var files: StageFileOptions

    @OptionGroup(title: "Matching")
    var matching: MatchingOptions

    func run() throws {
        try reportingErrors(source: files.inputs.joined(separator: ", ")) {
            let settings = matching.settings
            let input = try StageInput(paths: files.inputs, settings: settings, requiresScores: true)
            // In candidate order, each pair once, as one machine hands them to the linkage.
            var verified: [ScoredPair] = []
            for pair in input.pairs.sorted(by: { ($0.first, $0.second) < ($1.first, $1.second) }) {
                if let last = verified.last, last.first == pair.first, last.second == pair.second { continue }
                verified.append(ScoredPair(first: Int32(pair.first), second: Int32(pair.second), score: pair.score!))
            }
            let records = input.records
            let assignments = AverageLinkage.link(input.store(slots: settings.slots), verified: verified,
                                                  threshold: settings.threshold, measure: settings.measure)
            // Clusters are numbered by their first member: that member's n names the cluster.
            var firstMember: [Int] = []
            for (document, assignment) in assignments.enumerated() where assignment.cluster == firstMember.count {
                firstMember.append(document)
            }
            let lines = ClusterOutput.assignmentLines(
                count: records.count, id: { records[$0].id }, cluster: { records[firstMember[assignments[$0].cluster]].position },
                copies: nil, representative: { assignments[$0].representative }, similarity: { assignments[$0].similarity },
                position: { records[$0].position })
            try OutputBuffer.emit(lines, to: files.output)
        }
    }
}
