import Benchmark
import BenchmarkSupport
import ConcordCorpus
import ConcordSimilarity

/// Events mode's stages (`concord cluster --mode events`), on real reports of known events: the
/// AllSides roundups (1,479 reports of 505 events, each event told by two or three outlets in
/// their own words, with titles and dates), read as `concord` reads them, one thread.
///
///   EventsSketchWithoutTerms, EventsSketchWithTerms   the sketch stage of copies mode and of events
///                                                     mode (which also counts every report's terms);
///                                                     the difference is what counting costs
///   EventsCluster                                     the events stage: term vectors, nearest
///                                                     neighbours, pair probabilities, average linkage
func eventBenchmarks() {
    let corpus = EventCorpus.shared

    for collectsTerms in [false, true] {
        Benchmark(collectsTerms ? "EventsSketchWithTerms" : "EventsSketchWithoutTerms") { benchmark in
            for _ in benchmark.scaledIterations {
                let pipeline = try! SimilarityPipeline(settings: MatchingSettings(), threads: 1, collectsEventTerms: collectsTerms)
                try! pipeline.add(corpus.documents)
                blackHole(pipeline.store.count)
            }
        }
    }

    Benchmark("EventsCluster") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(EventClustering.cluster(terms: corpus.terms, copies: corpus.copies, settings: EventSettings(),
                                              threads: 1).assignments.count)
        }
    }
}

/// The events benchmark corpus, read and sketched once: its documents, their terms as events mode
/// collects them, and the copy clusters events start from.
final class EventCorpus: Sendable {
    static let shared = EventCorpus()

    let documents: [Document]
    let terms: EventTerms
    let copies: [ClusterAssignment]

    init() {
        let path = BenchmarkTexts.sharedPath("events/allsides_roundups.jsonl") ?? BenchmarkTexts.corpusPath
        var loading = CorpusLoading(source: CorpusSource(path: path), skipInvalid: false) { print("note: \($0)") }
        var documents: [Document] = []
        try! loading.forEachDocument { documents.append($0) }
        let pipeline = try! SimilarityPipeline(settings: MatchingSettings(), threads: 1, collectsEventTerms: true)
        try! pipeline.add(documents)
        copies = pipeline.cluster().assignments
        terms = pipeline.eventTerms!
        self.documents = documents
    }
}
