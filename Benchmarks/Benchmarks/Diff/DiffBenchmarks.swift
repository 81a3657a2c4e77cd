import Benchmark
import BenchmarkSupport
import ConcordDiff
import ConcordSimilarity
import ConcordText

/// The word diff and the n-report comparison on real reports (issue targets, release build: 1 ms
/// for two 1k-word articles, 30 ms for two 50k-word texts, 50 ms to compare ten 1k-word reports):
///   WordDiff1kWords        a 1,000-word report against an edited copy (words replaced, a paragraph cut)
///   WordDiff50kWords       50,000 words of reports against an edited copy
///   CompareTenReports1kWords  ten edited versions of a 1,000-word report collated: sentences cut,
///                          scored, aligned, grouped into passages, each compared word by word
/// Each WordDiff iteration normalizes both texts and diffs them, with a warm pipeline; each
/// compare iteration does the whole collation, ICU handles included.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput],
        warmupIterations: 1,
        maxDuration: .seconds(2),
        maxIterations: 500,
        thresholds: NoisyMachineThresholds.all
    )

    for words in [1_000, 50_000] {
        let (old, new) = EditedReports.pair(words: words)
        Benchmark("WordDiff\(words / 1000)kWords") { benchmark, pipeline in
            for _ in benchmark.scaledIterations {
                blackHole(try WordDiff(old: old, new: new, pipeline: pipeline).hunks.count)
            }
        } setup: {
            TextPipeline(options: WordDiff.pipelineOptions)
        }
    }

    let reports = EditedReports.versions(words: 1_000, count: 10)
    Benchmark("CompareTenReports1kWords") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Collation(reports: reports).passages.count)
        }
    }
}

/// Texts of about `words` words from real reports, edited the way outlets edit wire copy.
enum EditedReports {
    /// The original and an edited copy: one word in 40 replaced, every tenth paragraph dropped, a
    /// sentence added every 25 paragraphs.
    static func pair(words: Int) -> (String, String) {
        let paragraphs = original(words: words)
        var generator = SplitMix64(seed: 3)
        let edited = edit(paragraphs, dropping: 9, using: &generator)
        return (paragraphs.joined(separator: "\n\n"), edited.joined(separator: "\n\n"))
    }

    /// `count` versions of one report, each dropping a different tenth of the paragraphs,
    /// replacing one word in 40, adding a sentence every 25 paragraphs and moving its third
    /// paragraph near the end, labelled "outlet-1" … .
    static func versions(words: Int, count: Int) -> [(label: String, text: String)] {
        let paragraphs = original(words: words)
        return (0..<count).map { version in
            var generator = SplitMix64(seed: UInt64(version))
            var edited = edit(paragraphs, dropping: version % 10, using: &generator)
            if edited.count > 5 { edited.insert(edited.remove(at: 2), at: edited.count - 2) }
            return ("outlet-\(version + 1)", edited.joined(separator: "\n\n"))
        }
    }

    private static func original(words: Int) -> [String] {
        var paragraphs: [String] = []
        var count = 0
        for report in BenchmarkTexts.english() {
            for paragraph in report.split(separator: "\n", omittingEmptySubsequences: true) where count < words {
                paragraphs.append(String(paragraph))
                count += paragraph.split(separator: " ").count
            }
            if count >= words { break }
        }
        return paragraphs
    }

    private static func edit(_ paragraphs: [String], dropping dropped: Int, using generator: inout SplitMix64) -> [String] {
        var edited: [String] = []
        for (index, paragraph) in paragraphs.enumerated() where index % 10 != dropped {
            var tokens = paragraph.split(separator: " ").map(String.init)
            for position in tokens.indices where generator.next() % 40 == 0 { tokens[position] = "changed\(position)" }
            edited.append(tokens.joined(separator: " "))
            if index % 25 == 0 { edited.append("An added sentence with new detail, officials said.") }
        }
        return edited
    }
}
