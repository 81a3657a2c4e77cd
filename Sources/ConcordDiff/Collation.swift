import ConcordText

/// Several reports of one event collated passage by passage: which sentences say the same thing
/// across reports, which passages every report carries, which only some or one, where a report
/// moved a passage, and what each report adds and omits.
///
/// Building it: each report is cleaned of page furniture and cut into sentences; each sentence is
/// measured once for ``SentenceSimilarity`` (its profile) and tokenized once by the word diff's
/// pipeline (`TokenizedText`), which its word diffs and number and name comparisons all read.
/// Sentences that share an uncommon word are scored with ``SentenceSimilarity`` (see ``affinity(_:_:)``); every
/// pair of reports is aligned (`SentenceAlignment`: in order, then moved passages); the aligned
/// pairs, strongest first, join sentences into passages that hold at most one sentence per report.
/// Passages are then laid out in one reading order that follows the first report and slots each
/// other report's own passages in after the passage they follow there.
///
/// Sentences with no letters or digits are left out: they say nothing to compare.
public struct Collation: Sendable {
    /// One report as collated.
    public struct Report: Sendable {
        /// The name shown for the report (an outlet, a file name).
        public let label: String
        /// The report's text.
        public let text: String
        /// Its sentences, as UTF-8 byte ranges of `text`.
        public let sentences: [Range<Int>]

        /// The text of sentence `index`.
        public func sentence(_ index: Int) -> String {
            let utf8 = text.utf8
            let range = sentences[index]
            return String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)], as: UTF8.self)
        }
    }

    /// Sentences of different reports that say the same thing, or one sentence no other report has.
    public struct Passage: Sendable {
        /// For each report, the index of its sentence in this passage, or `nil`.
        public var sentences: [Int?]
        /// The report the others are compared with: the first, in input order, that has it.
        public var reference: Int
        /// The reports in which this passage stands out of the shared reading order.
        public var movedIn: [Int]

        /// The reports that carry the passage, in input order.
        public var reports: [Int] { sentences.indices.filter { sentences[$0] != nil } }
    }

    /// The default least affinity for aligning two sentences: 0.35, below the paraphrase
    /// decision threshold (0.5), because independently written reports restate a point in their
    /// own words: on AllSides roundups, sentences that report the same ruling score 0.37–0.48.
    /// The one-to-one, in-order alignment keeps the lower bar from pairing unrelated sentences.
    public static let defaultThreshold = 0.35

    /// Limits and thresholds of a collation.
    public struct Options: Sendable {
        /// The least affinity at which two sentences are aligned.
        public var threshold: Double
        /// At most this many sentence pairs are scored; beyond it, the collation says how many
        /// were not (``notes``).
        public var pairBudget: Int
        /// At most this many shared-word counts (Σ *f*² over the words used) find candidate
        /// pairs; beyond it, the words found in the most sentences are left out, and the
        /// collation says so (``notes``). Ordinary reports stay far below it; it keeps long
        /// inputs about linear.
        public var countingBudget: Int

        public init(threshold: Double = Collation.defaultThreshold, pairBudget: Int = 2_000_000,
                    countingBudget: Int = 200_000_000) {
            self.threshold = threshold
            self.pairBudget = pairBudget
            self.countingBudget = countingBudget
        }
    }

    /// The reports, in input order.
    public let reports: [Report]
    /// The least affinity at which sentences were aligned.
    public let threshold: Double
    /// The passages, in the shared reading order.
    public let passages: [Passage]
    /// Each aligned sentence compared with its passage's reference sentence, by passage then report.
    public let comparisons: [PassageComparison]
    /// What bounded the work, if anything did ("… sentence pairs were not scored"); empty when the
    /// collation is complete.
    public let notes: [String]

    /// A stage of a collation, for progress reports.
    public enum Stage: String, Sendable {
        case reading = "reading sentences"
        case scoring = "scoring sentence pairs"
        case aligning = "aligning reports"
        case comparing = "comparing passages"
    }

    /// Receives progress: the stage, and how much of it is done out of how much (bytes read,
    /// sentences scored, report pairs aligned, passages compared). Called often; throttle it.
    public typealias Progress = (_ stage: Stage, _ done: Int, _ total: Int) -> Void

    /// Collates `reports` (label, text), in the order given.
    ///
    /// - Parameters:
    ///   - reports: at least two reports.
    ///   - options: thresholds and limits.
    ///   - progress: told of each stage as it advances.
    /// - Complexity: O(*b*) to read *b* bytes, plus O(*p* · *w*²) to score *p* candidate sentence
    ///   pairs of *w* words (pairs share an uncommon word; bounded by `options.pairBudget`), plus
    ///   O(*n*² · *c* log *c*) to align *n* reports with *c* candidate pairs each.
    public init(reports input: [(label: String, text: String)], options: Options = Options(),
                progress: Progress = { _, _, _ in }) throws(TextError) {
        let pipeline = TextPipeline(options: WordDiff.pipelineOptions)
        let segmenter = try SentenceSegmenter()
        let profiler = SentenceSimilarity.Profiler(pipeline: pipeline)
        var reports: [Report] = [], texts: [[TokenizedText]] = [], profiles: [[SentenceSimilarity.Profile]] = []
        let totalBytes = input.reduce(0) { $0 + $1.text.utf8.count }
        var bytesRead = 0
        for (label, text) in input {
            var sentences: [Range<Int>] = [], reportTexts: [TokenizedText] = [], reportProfiles: [SentenceSimilarity.Profile] = []
            var copy = text
            let outcome = copy.withUTF8 { buffer in
                Result { () throws(TextError) -> [Range<Int>] in
                    var sentences: [Range<Int>] = []
                    for range in pipeline.cleaner.clean(buffer).kept {
                        sentences += try segmenter.sentences(in: buffer, range: range)
                    }
                    return sentences
                }
            }
            let bytes = Array(text.utf8)
            for range in try outcome.get() {
                progress(.reading, bytesRead + range.lowerBound, totalBytes)
                let sentence = try TokenizedText(String(decoding: bytes[range], as: UTF8.self), pipeline: pipeline)
                guard let profile = profiler.profile(tokens: sentence.tokens) else { continue }
                sentences.append(range)
                reportTexts.append(sentence)
                reportProfiles.append(profile)
            }
            bytesRead += bytes.count
            reports.append(Report(label: label, text: text, sentences: sentences))
            texts.append(reportTexts)
            profiles.append(reportProfiles)
        }
        var notes: [String] = []
        let scored = CandidateScoring(profiles: profiles, budget: options.pairBudget, countingBudget: options.countingBudget,
                                      progress: progress)
        if let limit = scored.loweredCommonLimit {
            notes.append("words found in more than \(limit) sentences were not used to find shared passages (a bound on the work for long inputs); some shared passages may show as unique")
        }
        if scored.unscoredPairs > 0 {
            notes.append("\(scored.unscoredPairs) candidate sentence pairs were not scored (limit \(options.pairBudget)); some shared passages may show as unique")
        }
        let grouping = PassageGrouping(sentenceCounts: profiles.map(\.count),
                                       alignments: scored.alignments(threshold: options.threshold, progress: progress))
        var passages = grouping.passages
        PassageOrder.arrange(&passages, sentenceCounts: profiles.map(\.count))
        self.reports = reports
        self.threshold = options.threshold
        self.passages = passages
        self.comparisons = try PassageComparison.all(passages: passages, sentences: texts, names: NameMatcher(), progress: progress)
        self.notes = notes
    }

    /// How strongly two sentences align: their ``SentenceSimilarity`` score, or, when the shorter
    /// has at least ``containmentMinimumWords`` distinct stems and at least 80% of them appear in
    /// the longer, that share. The second rule keeps a sentence that repeats another and adds a
    /// clause aligned with it, where the paraphrase score (trained on pairs labelled different
    /// when one adds a fact) would not.
    ///
    /// - Complexity: as ``SentenceSimilarity/score(_:_:)-(Profile,Profile)``.
    package static func affinity(_ a: SentenceSimilarity.Profile, _ b: SentenceSimilarity.Profile) -> Double {
        let score = SentenceSimilarity().score(a, b)
        let smaller = min(a.stemSet.count, b.stemSet.count)
        guard smaller >= containmentMinimumWords else { return score }
        let contained = Double(SortedIDs.intersectionCount(a.stemSet, b.stemSet)) / Double(smaller)
        return contained >= 0.8 ? max(score, contained) : score
    }

    /// The fewest distinct stems a sentence has for containment alone to align it.
    static let containmentMinimumWords = 5
}
