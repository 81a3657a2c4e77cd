import Foundation
import Testing

/// `concord similarity` as a user runs it: the built executable, standard input in, lines out.
@Suite struct SimilarityCommandTests {
    private struct Outcome {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs the `concord` binary beside the test runner with `input` on standard input.
    private func concord(_ arguments: [String], input: Data = Data()) throws -> Outcome {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("concord-similarity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputFile = scratch.appendingPathComponent("stdin"), errorFile = scratch.appendingPathComponent("stderr")
        try input.write(to: inputFile)
        try Data().write(to: errorFile)
        let process = Process()
        process.executableURL = products.appendingPathComponent("concord")
        process.arguments = ["similarity"] + arguments
        let output = Pipe()
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: text, error: try String(contentsOf: errorFile, encoding: .utf8))
    }

    private let pairs = "Rockets hit the base.\tThe base was hit by rockets.\nRockets hit the base.\tThe bank kept rates unchanged.\n"

    @Test func printsOneScoreWithFourDecimalsPerPair() throws {
        let outcome = try concord([], input: Data(pairs.utf8))
        #expect(outcome.status == 0)
        #expect(outcome.output == "0.8017\n0.1243\n")
    }

    @Test func decidePrintsOneOrZeroAtTheThreshold() throws {
        #expect(try concord(["--decide"], input: Data(pairs.utf8)).output == "1\n0\n")
        #expect(try concord(["--decide", "--threshold", "0.85"], input: Data(pairs.utf8)).output == "0\n0\n")
    }

    @Test func crlfLineEndsAndAMissingFinalNewlineAreFine() throws {
        let outcome = try concord([], input: Data("Rockets hit the base.\tThe base was hit by rockets.\r\nA\t".utf8))
        #expect(outcome.output == "0.8017\n0.0000\n")
    }

    @Test func emptyInputPrintsNothing() throws {
        let outcome = try concord([])
        #expect(outcome.status == 0)
        #expect(outcome.output.isEmpty)
    }

    @Test func aLineWithoutATabIsAnErrorNamingTheLine() throws {
        let outcome = try concord([], input: Data("a\tb\nno tab here\n".utf8))
        #expect(outcome.status == 1)
        #expect(outcome.output == "0.0308\n")
        #expect(outcome.error.contains("<stdin>:2: no tab; each line must hold two sentences separated by a tab"))
        #expect(try concord([], input: Data("a\tb\n\n".utf8)).error.contains("<stdin>:2: an empty line;"))
    }

    @Test func invalidUTF8IsAnErrorWithItsLineAndByteOffset() throws {
        let outcome = try concord([], input: Data("a\tb\n".utf8) + Data([0x61, 0x09, 0x62, 0xFF, 0x0A]))
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("<stdin>:2: invalid UTF-8 at byte offset 3"))
        #expect(try concord(["--lossy"], input: Data([0x61, 0x09, 0x61, 0xFF, 0x0A])).output == "0.9948\n")
    }

    @Test func thresholdNeedsDecideAndAScoreFromZeroToOne() throws {
        #expect(try concord(["--threshold", "0.6"]).status == 64)
        let outcome = try concord(["--decide", "--threshold", "1.5"])
        #expect(outcome.status == 64)
        #expect(outcome.error.contains("--threshold must be a score from 0 to 1"))
    }

    @Test func helpShowsAnExample() throws {
        let outcome = try concord(["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.output.contains("printf 'Rockets hit the base.\\tThe base was hit.\\n' | concord similarity"))
    }
}
