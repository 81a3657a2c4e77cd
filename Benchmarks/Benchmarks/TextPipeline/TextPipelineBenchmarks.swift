import Benchmark
import BenchmarkSupport
import ConcordText
import Foundation

/// Throughput of the text pipeline (cleaning, word segmentation, normalization, name folding).
///
/// Every workload is exactly 1 MiB of UTF-8 text, so the `throughput` metric (iterations per
/// second) reads directly as MiB/s on one core.
///   NormalizeEnglish1MiB          real English news reports, vocabulary cache warm (steady state)
///   NormalizeEnglish1MiBColdCache the same with a new pipeline per pass (ICU handles, empty cache)
///   NormalizeArabic1MiB           Arabic-script text (a report and place names), cache warm
///   NormalizeArabic1MiBColdCache  the same with a new pipeline per pass
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 200,
        thresholds: NoisyMachineThresholds.all.merging([.peakMemoryResident: BenchmarkThresholds(relative: [.p90: 50.0])]) { $1 }
    )

    let english = Workload.english()
    let arabic = Workload.arabic()

    Benchmark("NormalizeEnglish1MiB") { benchmark, pipeline in
        for _ in benchmark.scaledIterations { blackHole(try Workload.tokenCount(english, pipeline)) }
    } setup: {
        TextPipeline()
    }

    Benchmark("NormalizeEnglish1MiBColdCache") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try Workload.tokenCount(english, TextPipeline())) }
    }

    Benchmark("NormalizeArabic1MiB") { benchmark, pipeline in
        for _ in benchmark.scaledIterations { blackHole(try Workload.tokenCount(arabic, pipeline)) }
    } setup: {
        TextPipeline()
    }

    Benchmark("NormalizeArabic1MiBColdCache") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try Workload.tokenCount(arabic, TextPipeline())) }
    }
}

/// The benchmark texts: real reports, cut to exactly 1 MiB.
enum Workload {
    static let size = 1 << 20
    /// English news reports.
    static func english() -> [String] { cut(BenchmarkTexts.english()) }

    /// Arabic-script text: the Arabic report in Corpus/ and the Arabic-script place names.
    static func arabic() -> [String] {
        cut(BenchmarkTexts.corpus { $0.contains("arabic") } + [BenchmarkTexts.arabicNames().joined(separator: "، ")])
    }

    /// Documents repeated in order until they hold exactly `size` bytes (the last one trimmed at a
    /// character boundary).
    static func cut(_ texts: [String]) -> [String] {
        precondition(!texts.isEmpty, "no benchmark text found")
        var result: [String] = []
        var total = 0
        var index = 0
        while total < size {
            let text = texts[index % texts.count]
            index += 1
            let room = size - total
            if text.utf8.count <= room {
                result.append(text)
                total += text.utf8.count
            } else {
                var bytes = Array(text.utf8.prefix(room))
                while let last = bytes.last, last & 0xC0 == 0x80 || last >= 0xC0 { bytes.removeLast() }
                bytes += Array(repeating: UInt8(ascii: " "), count: room - bytes.count)
                result.append(String(decoding: bytes, as: UTF8.self))
                total += room
            }
        }
        return result
    }

    static func tokenCount(_ documents: [String], _ pipeline: TextPipeline) throws -> Int {
        var count = 0
        for document in documents { count += try pipeline.tokens(in: document).count }
        return count
    }
}
