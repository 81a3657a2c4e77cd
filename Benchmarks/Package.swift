// swift-tools-version: 6.1
//
// Concord's benchmark suite (ordo-one/benchmark). A package of its own so that `swift test` in the
// repository root never builds it. Run with: cd Benchmarks && swift package benchmark

import PackageDescription
import class Foundation.ProcessInfo
import struct Foundation.URL

// A path dependency is identified by its directory's name, which is whatever the clone is called.
let concord = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "ConcordBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Shared by the suites: tolerances for this noisy machine, and the benchmark texts.
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/Support"
        ),
        .executableTarget(
            name: "TextPipelineBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ConcordText", package: concord),
            ],
            path: "Benchmarks/TextPipeline",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SimilarityBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ConcordText", package: concord),
                .product(name: "ConcordCorpus", package: concord),
                .product(name: "ConcordSimilarity", package: concord),
            ],
            path: "Benchmarks/Similarity",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "DiffBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ConcordText", package: concord),
                .product(name: "ConcordDiff", package: concord),
                .product(name: "ConcordSimilarity", package: concord),
            ],
            path: "Benchmarks/Diff",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
