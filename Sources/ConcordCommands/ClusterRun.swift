import ConcordCorpus
import ConcordSimilarity

/// One clustering run over a corpus: read (streamed, in batches), sketch, cluster.
struct ClusterRun {
    /// Everything the outputs need.
    struct Result {
        var ids: [Document.ID]
        var tokenCounts: [Int]
        var report: ClusterReport
        var accounting: CorpusLoading.Accounting
        var readSeconds: Double
        var sketchSeconds: Double
        var totalSeconds: Double
        var bytes: Int
    }

    let source: CorpusSource
    let skipInvalid: Bool
    let options: ClusterOptions
    let progress: Bool
    static let batchSize = 2048

    func execute() throws -> Result {
        let started = Stopwatch.now
        let clusterer = try NearDuplicateClusterer(options: options)
        if let bytes = source.fileSize { clusterer.reserveCapacity(forInputBytes: bytes) }
        var loading = CorpusLoading(source: source, skipInvalid: skipInvalid)
        var ids: [Document.ID] = []
        var batch: [String] = []
        var bytes = 0
        var lastProgress = started
        func flush() throws {
            try clusterer.add(batch)
            batch.removeAll(keepingCapacity: true)
            if progress && Stopwatch.now - lastProgress > 0.5 {
                lastProgress = Stopwatch.now
                let rate = Double(ids.count) / max(lastProgress - started, 1e-9)
                printErrorInPlace("concord: read \(ids.count.grouped) documents (\(Int(rate).grouped)/s)")
            }
        }
        try loading.forEachDocument { document in
            ids.append(document.id)
            bytes += document.text.utf8.count
            batch.append(document.text)
            if batch.count >= Self.batchSize { try flush() }
        }
        try flush()
        let readDone = Stopwatch.now
        if progress { printErrorInPlace("concord: clustering \(ids.count.grouped) documents…") }
        let report = clusterer.cluster()
        if progress { printErrorInPlace("") }
        let store = clusterer.store
        return Result(ids: ids, tokenCounts: store.tokenCounts.map(Int.init), report: report,
                      accounting: loading.accounting, readSeconds: readDone - started - clusterer.sketchSeconds,
                      sketchSeconds: clusterer.sketchSeconds, totalSeconds: Stopwatch.now - started, bytes: bytes)
    }
}
