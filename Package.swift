// swift-tools-version: 6.1
//
// Concord: find overlapping news reports across outlets and show how they differ.
// The benchmark suite lives in its own package under Benchmarks/ so that `swift test` never builds it.

import PackageDescription

let package = Package(
    name: "Concord",
    products: [
        .executable(name: "concord", targets: ["concord"]),
        .library(name: "ConcordText", targets: ["ConcordText"]),
        .library(name: "ConcordCorpus", targets: ["ConcordCorpus"]),
        .library(name: "ConcordSimilarity", targets: ["ConcordSimilarity"]),
        .library(name: "ConcordDiff", targets: ["ConcordDiff"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Link flags for the system's ICU 72 (Debian's libicu-dev). No headers: only CICUShim's .c
        // file includes ICU, so no Swift module ever sees ICU types next to Foundation's own ICU copy.
        .systemLibrary(
            name: "CSystemICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // A plain-C facade over the ICU calls Concord needs: opaque handles and C scalar types only.
        .target(
            name: "CICUShim",
            dependencies: ["CSystemICU"]
        ),
        // Text pipeline: cleaning, normalization, name keys, tokens and sentences.
        .target(
            name: "ConcordText",
            dependencies: ["CICUShim"]
        ),
        // Reading corpora: JSONL, CSV, directories of text files; streamed.
        .target(
            name: "ConcordCorpus",
            dependencies: ["ConcordText"]
        ),
        // Similarity: shingles, MinHash, LSH banding, verification, clustering.
        .target(
            name: "ConcordSimilarity",
            dependencies: ["ConcordText", "ConcordCorpus"]
        ),
        .target(
            name: "ConcordDiff",
            dependencies: ["ConcordText"]
        ),
        // The `concord` subcommands, as a library so tests can drive them.
        .target(
            name: "ConcordCommands",
            dependencies: [
                "ConcordText",
                "ConcordCorpus",
                "ConcordSimilarity",
                "ConcordDiff",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "concord",
            dependencies: ["ConcordCommands"]
        ),
        .testTarget(
            name: "ConcordTextTests",
            dependencies: ["ConcordText"]
        ),
        .testTarget(
            name: "ConcordCorpusTests",
            dependencies: ["ConcordCorpus"]
        ),
        .testTarget(
            name: "ConcordSimilarityTests",
            dependencies: ["ConcordSimilarity", "ConcordText", "ConcordCorpus"]
        ),
        .testTarget(
            name: "ConcordCommandsTests",
            dependencies: ["ConcordCommands", "ConcordText"],
            exclude: ["Help"]
        ),
        .testTarget(
            name: "ConcordDiffTests",
            dependencies: ["ConcordDiff", "ConcordSimilarity", "ConcordText"]
        ),
    ]
)
