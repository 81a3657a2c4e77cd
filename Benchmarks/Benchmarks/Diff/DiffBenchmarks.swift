import Benchmark
import BenchmarkSupport
import ConcordDiff
import ConcordSimilarity
import ConcordText

/// The word diff on real reports (issue targets, release build: 1 ms for two 1k-word articles,
/// 30 ms for two 50k-word texts):
///   WordDiff1kWords    a 1,000-word report against an edited copy (words replaced, a paragraph cut)
///   WordDiff50kWords   50,000 words of reports against an edited copy
/// Each iteration normalizes both texts and diffs them, with a warm pipeline.
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
            try TextPipeline(options: WordDiff.pipelineOptions)
        }
    }
}

/// A text of about `words` words from real reports, and an edited copy: one word in 40 replaced,
/// every tenth paragraph dropped, a sentence added every 25 paragraphs.
enum EditedReports {
    static func pair(words: Int) -> (String, String) {
        var paragraphs: [String] = []
        var count = 0
        for report in BenchmarkTexts.english() {
            for paragraph in report.split(separator: "\n", omittingEmptySubsequences: true) where count < words {
                paragraphs.append(String(paragraph))
                count += paragraph.split(separator: " ").count
            }
            if count >= words { break }
        }
        var generator = SplitMix64(seed: 3)
        var edited: [String] = []
        for (index, paragraph) in paragraphs.enumerated() where index % 10 != 9 {
            var tokens = paragraph.split(separator: " ").map(String.init)
            for position in tokens.indices where generator.next() % 40 == 0 { tokens[position] = "changed\(position)" }
            edited.append(tokens.joined(separator: " "))
            if index % 25 == 0 { edited.append("An added sentence with new detail, officials said.") }
        }
        return (paragraphs.joined(separator: "\n\n"), edited.joined(separator: "\n\n"))
    }
}
