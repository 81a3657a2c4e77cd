import Benchmark
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
        thresholds: [.wallClock: .relaxed, .throughput: .relaxed]
    )

    let english = Workload.english()
    let arabic = Workload.arabic()

    Benchmark("NormalizeEnglish1MiB") { benchmark, pipeline in
        for _ in benchmark.scaledIterations { blackHole(try Workload.tokenCount(english, pipeline)) }
    } setup: {
        try TextPipeline()
    }

    Benchmark("NormalizeEnglish1MiBColdCache") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try Workload.tokenCount(english, TextPipeline())) }
    }

    Benchmark("NormalizeArabic1MiB") { benchmark, pipeline in
        for _ in benchmark.scaledIterations { blackHole(try Workload.tokenCount(arabic, pipeline)) }
    } setup: {
        try TextPipeline()
    }

    Benchmark("NormalizeArabic1MiBColdCache") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try Workload.tokenCount(arabic, TextPipeline())) }
    }
}

/// The benchmark texts: real reports, cut to exactly 1 MiB.
enum Workload {
    static let size = 1 << 20
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// English news from the AllSides roundups in ../shared, or Concord's own Corpus/ when absent.
    static func english() -> [String] {
        let shared = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/events/allsides_roundups.jsonl")
        if let data = try? String(contentsOf: shared, encoding: .utf8) {
            let texts = data.split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["text"] as? String
            }
            return cut(texts)
        }
        print("note: \(shared.path) is absent; using Corpus/ for the English workload")
        return cut(corpusReports { !$0.contains("arabic") })
    }

    /// Arabic-script text: the Arabic report in Corpus/ and the Arabic-script names in ../shared.
    static func arabic() -> [String] {
        var texts = corpusReports { $0.contains("arabic") }
        let names = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/names/variants_public.tsv")
        if let data = try? String(contentsOf: names, encoding: .utf8) {
            var arabicNames: [String] = []
            for line in data.split(separator: "\n") {
                let cells: [Substring] = line.split(separator: "\t")
                if cells.count > 2 && cells[2] == "Arab" { arabicNames.append(String(cells[1])) }
            }
            texts.append(arabicNames.joined(separator: "، "))
        }
        return cut(texts)
    }

    static func corpusReports(_ include: (String) -> Bool) -> [String] {
        let corpus = repository.appendingPathComponent("Corpus")
        let files = (FileManager.default.enumerator(atPath: corpus.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".txt") && include($0) }.sorted()
        return files.compactMap { try? String(contentsOf: corpus.appendingPathComponent($0), encoding: .utf8) }
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
