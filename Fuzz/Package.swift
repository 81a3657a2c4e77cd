// swift-tools-version: 6.1
//
// Concord's libFuzzer harnesses. A package of its own (as Benchmarks/ is) so that `swift test` in the
// repository root never builds it. Build and run with `Fuzz/run` (see Fuzz/README.md): every target,
// Concord's libraries included, is compiled with `-sanitize=fuzzer,address` from the command line,
// so that libFuzzer sees coverage in the code under test, not only in the harnesses.

import PackageDescription
import struct Foundation.URL

// A path dependency is identified by its directory's name, which is whatever the clone is called.
let concord = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

/// One harness: an executable whose main.swift hands its test function to libFuzzer's driver
/// (`runFuzzer`). SwiftPM gives every executable a main of its own, so libFuzzer's `main` is not
/// used; `LLVMFuzzerRunDriver` parses the same flags.
func harness(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: concord) }
    )
}

let package = Package(
    name: "ConcordFuzz",
    dependencies: [
        .package(path: "../"),
    ],
    targets: [
        // The declaration of libFuzzer's driver entry point.
        .target(name: "CFuzzDriver"),
        // The driver call, scratch files for the readers, the checks' failure report, a CSV writer.
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"]),
        harness("FuzzJSONL", ["ConcordCorpus"]),
        harness("FuzzCSV", ["ConcordCorpus"]),
        harness("FuzzIndexFile", ["ConcordSimilarity", "ConcordCorpus"]),
        harness("FuzzTextPipeline", ["ConcordText"]),
        harness("FuzzWordDiff", ["ConcordDiff", "ConcordText"]),
    ]
)
