import ConcordCorpus
import ConcordText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The stages of a matching run, in the order they run; hooks are told each one's time.
public enum PipelineStage: String, Sendable, CaseIterable {
    /// Reading and decoding the corpus (time spent sketching excluded).
    case read
    /// Text pipeline, shingles, fingerprints and MinHash signatures.
    case sketch
    /// LSH banding: candidate pairs.
    case candidates
    /// Exact scores of the candidates.
    case verify
    /// Average linkage over the verified pairs.
    case link
    /// Events mode: term vectors, nearest neighbours, pair probabilities, linkage into events.
    case events
}

/// Where a document came from: its id and the record it was read from ("file:line" or a path),
/// with its title and outlet when the input gave them (for listings).
public struct DocumentRecord: Sendable, Equatable {
    public var id: DocumentID
    public var origin: String
    public var title: String?
    public var outlet: String?

    public init(id: DocumentID, origin: String, title: String? = nil, outlet: String? = nil) {
        self.id = id
        self.origin = origin
        self.title = title
        self.outlet = outlet
    }
}

/// What a clustering run found.
public struct ClusterReport: Sendable {
    /// Where each document landed, in input order.
    public var assignments: [ClusterAssignment]
    public var bands: BandParameters
    public var candidatePairs: Int
    /// The verified pairs (first < second, in candidate order) with their exact scores.
    public var verified: [ScoredPair]
    public var cappedBuckets: Int
    /// Documents with no shingles (empty, or nothing left after cleaning): singletons.
    public var emptyDocuments: [Int]
}

/// One document of a corpus that matches another document: its position and exact score.
public struct IndexMatch: Sendable, Equatable {
    /// Position of the matching document (in the pipeline's input order).
    public var document: Int
    public var score: Double
}

/// Concord's one matching pipeline: read → sketch → candidates → verify → link. `concord cluster`,
/// `concord index` and `concord bench` all drive these stages; a hook (`observer`) is told each
/// stage's time, so the commands report timings without rebuilding any stage.
///
/// Documents are added in batches (sketched in parallel, stored in input order, each with its
/// `DocumentRecord`); `cluster()` then finds candidates, verifies them exactly and links them by
/// average linkage, and `matches(crossingAt:)` gives, for the documents added after a point (a
/// query batch), the verified matches before it (an index), by the very same candidate and
/// verification rules. Results do not depend on the number of threads.
public final class SimilarityPipeline {
    public let settings: MatchingSettings
    public let threads: Int
    /// The sketches, in input order.
    public private(set) var store: SketchStore
    /// Each document's id and origin, in input order.
    public private(set) var records: [DocumentRecord] = []
    /// The documents themselves, when the pipeline was made to keep them (for outputs that copy
    /// them, such as a deduplicated corpus); empty otherwise.
    public private(set) var documents: [Document] = []
    /// Bytes of text added (UTF-8).
    public private(set) var textBytes = 0
    /// The terms of every document's text and title, and its day, in input order, when the
    /// pipeline was made to collect them (events mode); `nil` otherwise.
    public private(set) var eventTerms: EventTerms?
    private let keepsDocuments: Bool
    private let readsDates: Bool
    private let observer: (PipelineStage, Double) -> Void
    private let sketchers: [DocumentSketcher]
    private let batches: [Batch]

    /// Documents read between two sketching rounds.
    public static let batchSize = 2048

    /// - Parameters:
    ///   - settings: what to match and how.
    ///   - threads: worker threads (at least 1); results are the same for any count.
    ///   - keepsDocuments: keep every added document in `documents`.
    ///   - collectsEventTerms: count every document's terms into `eventTerms` as it is sketched.
    ///   - readsDates: with `collectsEventTerms`, take each document's date (else none is read).
    ///   - observer: told each stage and the seconds it took, as stages finish.
    public init(settings: MatchingSettings, threads: Int, keepsDocuments: Bool = false,
                collectsEventTerms: Bool = false, readsDates: Bool = true,
                observer: @escaping (PipelineStage, Double) -> Void = { _, _ in }) throws(TextError) {
        self.settings = settings
        self.threads = max(1, threads)
        self.keepsDocuments = keepsDocuments
        self.readsDates = readsDates
        eventTerms = collectsEventTerms ? EventTerms() : nil
        self.observer = observer
        store = SketchStore(slots: settings.slots)
        let hasher = MinHasher(slots: settings.slots, scheme: settings.scheme, seed: settings.seed)
        var sketchers: [DocumentSketcher] = []
        for _ in 0..<self.threads {
            sketchers.append(try DocumentSketcher(shingles: settings.shingles, hasher: hasher, text: settings.text))
        }
        self.sketchers = sketchers
        batches = sketchers.map { _ in Batch(slots: settings.slots) }
    }

    /// One thread's sketches of a batch, kept between batches so its storage is reused.
    private final class Batch {
        var store: SketchStore
        var terms = EventTerms.Batch()
        init(slots: Int) { store = SketchStore(slots: slots) }
    }

    /// Cores this process may use.
    public static var availableCores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    // MARK: - Reading and sketching

    /// Reads every document of `loading` and sketches it, in batches of `batchSize`; reports the
    /// `read` and `sketch` stages. Reserves the sketch store from the input's size first. With
    /// more than one thread, the next batch is read while one is sketched (`BatchReader`); `read`
    /// then counts the time reading held sketching up.
    ///
    /// - Parameter progress: called after each batch with the number of documents read so far.
    /// - Throws: what reading throws (`CorpusError`), or `TextError` from the text pipeline.
    /// - Complexity: O(total bytes), sketching spread over the threads.
    public func read(_ loading: inout CorpusLoading, progress: (Int) -> Void = { _ in }) throws {
        let started = Stopwatch.now, sketchedBefore = sketchSeconds
        if let bytes = loading.source.fileSize { reserveCapacity(forInputBytes: bytes) }
        try BatchReader.forEachBatch(of: &loading, size: Self.batchSize, overlapped: threads > 1) { batch in
            try add(batch)
            progress(records.count)
        }
        let sketched = sketchSeconds - sketchedBefore
        observer(.read, Stopwatch.now - started - sketched)
        observer(.sketch, sketched)
    }

    /// Seconds spent sketching so far.
    private var sketchSeconds = 0.0

    /// Sizes the sketch store for a corpus of about `bytes` bytes of input, so that adding it does
    /// not copy the store as it grows: English news runs about six bytes per word and one word
    /// shingle per word, and reports rarely run under a kilobyte. Memory is only reserved (see
    /// `SketchStore.reserveCapacity`), and never more than a quarter of physical memory.
    public func reserveCapacity(forInputBytes bytes: Int) {
        let limit = Self.physicalMemory / 4
        store.reserveCapacity(documents: min(bytes / 1024, limit / (4 * settings.slots)),
                              fingerprints: min(bytes / 5, limit / 4))
    }

    /// Bytes of physical memory.
    static var physicalMemory: Int { Int(sysconf(Int32(_SC_PHYS_PAGES))) * Int(sysconf(Int32(_SC_PAGESIZE))) }

    /// Sketches `documents` and appends them, in order.
    ///
    /// - Complexity: O(total bytes) spread over the threads.
    public func add(_ documents: [Document]) throws(TextError) {
        let started = Stopwatch.now
        defer { sketchSeconds += Stopwatch.now - started }
        records.append(contentsOf: documents.lazy.map { DocumentRecord(id: $0.id, origin: $0.origin, title: $0.title, outlet: $0.outlet) })
        textBytes += documents.reduce(0) { $0 + $1.text.utf8.count }
        if keepsDocuments { self.documents.append(contentsOf: documents) }
        let chunk = max(1, (documents.count + threads - 1) / threads)
        let parts = (documents.count + chunk - 1) / chunk
        if parts <= 1 {
            let sketcher = sketchers[0]
            if eventTerms != nil {
                let batch = batches[0]
                batch.terms.removeAll()
                for document in documents { try sketcher.sketch(document, into: &store, terms: &batch.terms, readsDates: readsDates) }
                eventTerms?.append(contentsOf: batch.terms)
            } else {
                for document in documents { try sketcher.sketch(document.text, into: &store) }
            }
            return
        }
        // Each thread sketches one run of the documents into its own batch, appended in order.
        let workers = UncheckedBox((sketchers, batches))
        let countsTerms = eventTerms != nil, readsDates = readsDates
        let results = parallelMap(parts, threads: threads) { part in
            let (sketcher, batch) = (workers.value.0[part], workers.value.1[part])
            batch.store.removeAll()
            batch.terms.removeAll()
            return Result { () throws(TextError) in
                for document in documents[(part * chunk)..<min(documents.count, (part + 1) * chunk)] {
                    if countsTerms {
                        try sketcher.sketch(document, into: &batch.store, terms: &batch.terms, readsDates: readsDates)
                    } else {
                        try sketcher.sketch(document.text, into: &batch.store)
                    }
                }
            }
        }
        for (part, result) in results.enumerated() {
            try result.get()
            store.append(contentsOf: batches[part].store)
            eventTerms?.append(contentsOf: batches[part].terms)
        }
    }

    /// Appends documents sketched earlier (an index read from disk), with their records. Their
    /// sketches must have been made with `settings`' sketch settings.
    public func append(records: [DocumentRecord], sketches: SketchStore) {
        precondition(records.count == sketches.count && sketches.slots == settings.slots)
        self.records.append(contentsOf: records)
        store.append(contentsOf: sketches)
    }

    // MARK: - Matching

    /// The LSH candidate pairs that pass the signature-agreement floor; with `split`, only pairs
    /// of one document before it and one at or after it. Reports the `candidates` stage.
    ///
    /// - Complexity: O(*b* · *m*) for *b* bands and *m* documents, plus the pairs found.
    public func candidates(crossingAt split: Int? = nil) -> CandidatePairs {
        let started = Stopwatch.now
        defer { observer(.candidates, Stopwatch.now - started) }
        return CandidatePairs.find(in: store, bands: settings.resolvedBands, threads: threads,
                                   bucketCap: settings.bucketCap, crossingAt: split, minimumAgreement: settings.minimumAgreement)
    }

    /// The candidates whose exact score reaches the threshold (after the signature-agreement
    /// floor, unless the candidates passed it when found). Reports the `verify` stage.
    ///
    /// - Complexity: O(Σ (*n*a + *n*b)) over the candidate pairs, split across the threads.
    public func verify(_ candidates: CandidatePairs) -> [ScoredPair] {
        let started = Stopwatch.now
        defer { observer(.verify, Stopwatch.now - started) }
        return Verification.verify(candidates.pairs, store: store, measure: settings.measure, threshold: settings.threshold,
                                   threads: threads,
                                   minimumAgreement: candidates.minimumAgreement >= settings.minimumAgreement ? 0 : settings.minimumAgreement)
    }

    /// Average linkage over `verified`: where each document lands. Reports the `link` stage.
    ///
    /// - Complexity: see `AverageLinkage.cluster`.
    public func link(_ verified: [ScoredPair]) -> [ClusterAssignment] {
        let started = Stopwatch.now
        defer { observer(.link, Stopwatch.now - started) }
        return AverageLinkage.link(store, verified: verified, threshold: settings.threshold, measure: settings.measure)
    }

    /// Forgets every document added so far (records, sketches, kept documents, event terms), keeping
    /// the storage, so that one pipeline can sketch a stream batch by batch.
    package func removeAll() {
        store.removeAll()
        records.removeAll(keepingCapacity: true)
        documents.removeAll(keepingCapacity: true)
        if eventTerms != nil { eventTerms = EventTerms() }
        textBytes = 0
    }

    /// Clusters every document added so far: candidates, verification, linkage.
    public func cluster() -> ClusterReport {
        let candidates = candidates()
        let verified = verify(candidates)
        let assignments = link(verified)
        return ClusterReport(assignments: assignments, bands: settings.resolvedBands, candidatePairs: candidates.pairs.count,
                             verified: verified, cappedBuckets: candidates.cappedBuckets,
                             emptyDocuments: (0..<store.count).filter { store.shingleCount($0) == 0 })
    }

    /// Groups the documents into events (see `EventClustering`), from the terms collected while
    /// sketching and the copies `report` found. Reports the `events` stage. The pipeline must
    /// have been made with `collectsEventTerms`; the terms are handed over (their memory becomes
    /// the term vectors'), so this is called once.
    public func events(copies report: ClusterReport, settings: EventSettings, model: EventPairModel = .fitted,
                       keepsPairFeatures: Bool = false) -> EventReport {
        precondition(eventTerms != nil, "events(copies:settings:) needs a pipeline made with collectsEventTerms")
        let started = Stopwatch.now
        defer { observer(.events, Stopwatch.now - started) }
        let terms = eventTerms!
        eventTerms = nil
        return EventClustering.cluster(terms: terms, copies: report.assignments, settings: settings, model: model,
                                       keepsPairFeatures: keepsPairFeatures, threads: threads)
    }

    /// For each document at or after `split` (in order), the documents before `split` it matches:
    /// the verified pairs that `cluster()` would find between the two parts, best first (ties in
    /// input order).
    ///
    /// - Complexity: that of `candidates` and `verify`, plus sorting each document's matches.
    public func matches(crossingAt split: Int) -> [[IndexMatch]] {
        var found = [[IndexMatch]](repeating: [], count: max(0, store.count - split))
        for pair in verify(candidates(crossingAt: split)) {
            found[Int(pair.second) - split].append(IndexMatch(document: Int(pair.first), score: Double(pair.score)))
        }
        return found.map { $0.sorted { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document } }
    }
}

/// Monotonic seconds, for stage timings.
package enum Stopwatch {
    package static var now: Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
