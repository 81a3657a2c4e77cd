import Foundation
import Testing

@Suite struct NormalizeCommandTests {
    @Test func normalizesTextWithFoldedNames() throws {
        let outcome = try ConcordProcess.run(["normalize", "--text", "Shelling hit Deir ez-Zor and دير الزور."])
        #expect(outcome.status == 0)
        #expect(outcome.text == "shelling hit dr zr and dr zr\n")
    }

    @Test func showsTokensWithByteOffsets() throws {
        let outcome = try ConcordProcess.run(["normalize", "--tokens", "--text", "Rockets hit Albukamal"])
        #expect(outcome.text.split(separator: "\n") == ["start\tend\tsource\tnormalized", "0\t7\tRockets\trockets",
                                                        "8\t11\thit\thit", "12\t21\tAlbukamal\tbqml"])
    }

    @Test func invalidUTF8IsAnErrorWithItsByteOffset() throws {
        let outcome = try ConcordProcess.run(["normalize"], input: Data([0x61, 0x62, 0xFF, 0x63]))
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("<stdin>: invalid UTF-8 at byte offset 2"))
    }

    @Test func lossyReplacesInvalidUTF8() throws {
        let outcome = try ConcordProcess.run(["normalize", "--lossy", "--names", "none"], input: Data([0x61, 0x62, 0xFF, 0x63]))
        #expect(outcome.status == 0)
        #expect(outcome.text == "ab c\n")
    }

    @Test func emptyInputIsReported() throws {
        let outcome = try ConcordProcess.run(["normalize"])
        #expect(outcome.status == 0)
        #expect(outcome.text.isEmpty)
        #expect(outcome.error.contains("empty input"))
    }

    @Test func nulBytesMeanBinaryInput() throws {
        let outcome = try ConcordProcess.run(["normalize"], input: Data("ab\u{0}cd".utf8))
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("<stdin>: binary input (NUL at line 1, column 3)"))
    }

    @Test func aTenMegabyteLineIsNormalized() throws {
        let line = String(repeating: "rockets hit the base ", count: 500_000)
        let outcome = try ConcordProcess.run(["normalize"], input: Data(line.utf8))
        #expect(outcome.status == 0)
        #expect(outcome.output.count == 500_000 * "rockets hit the base ".utf8.count)
    }

    @Test func aMissingFileIsNamed() throws {
        let outcome = try ConcordProcess.run(["normalize", "no-such-report.txt"])
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("no-such-report.txt: No such file or directory"))
    }

    static let seedReport = ConcordProcess.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/corpus/seed/omar-oil-field-2021-06-28.txt")

    /// The sample corpus's scraped republication: one script line and two furniture lines.
    @Test func theSampleRepublicationLosesItsScriptAndFurnitureLines() throws {
        try expectRemoved(ConcordProcess.repository.appendingPathComponent("Corpus/omar-oil-field/levant-daily.txt"),
                          script: 1, furniture: 2)
    }

    /// The real scraped report in `../shared`: two script lines.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: NormalizeCommandTests.seedReport.path), "needs \(NormalizeCommandTests.seedReport.path)"))
    func theScrapedReportLosesItsScriptLines() throws {
        try expectRemoved(Self.seedReport, script: 2, furniture: 0)
    }

    /// Checks that `normalize --show-removed` reports `script` and `furniture` removed lines of the
    /// report at `url` and prints none of the script.
    func expectRemoved(_ url: URL, script: Int, furniture: Int) throws {
        let outcome = try ConcordProcess.run(["normalize", "--show-removed", url.path])
        #expect(outcome.status == 0)
        #expect(outcome.error.components(separatedBy: "removed script line").count == script + 1)
        #expect(outcome.error.components(separatedBy: "removed page-furniture line").count == furniture + 1)
        #expect(!outcome.text.contains("cnxps"))
    }
}

@Suite struct KeyCommandTests {
    @Test func printsOneKeyPerLine() throws {
        let names = "Deir ez-Zor\nDayr az-Zawr\n\nدير الزور\nHama\nHoms\n"
        let outcome = try ConcordProcess.run(["key"], input: Data(names.utf8))
        #expect(outcome.status == 0)
        #expect(outcome.text.split(separator: "\n", omittingEmptySubsequences: false) == ["drzr", "drzr", "", "drzr", "hma", "hums", ""])
    }

    @Test func handlesWindowsLineEndingsAndAMissingFinalNewline() throws {
        let outcome = try ConcordProcess.run(["key"], input: Data("Albukamal\r\nAbu Kamal".utf8))
        #expect(outcome.text == "bqml\nbqml\n")
    }

    @Test func invalidUTF8NamesTheLine() throws {
        let outcome = try ConcordProcess.run(["key"], input: Data([0x41, 0x0A, 0x42, 0xC3, 0x0A]))
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("<stdin>:2: invalid UTF-8 at byte offset 1"))
    }
}

@Suite struct MatchCommandTests {
    @Test func printsOneDecisionPerLineOrAScore() throws {
        let pairs = "Qaddafi\tGadhafi\nHama\tHoms\r\nDeir ez-Zor\tدير الزور"
        let decided = try ConcordProcess.run(["match"], input: Data(pairs.utf8))
        #expect(decided.status == 0)
        #expect(decided.text == "1\n0\n1\n")
        let scored = try ConcordProcess.run(["match", "--score"], input: Data(pairs.utf8))
        #expect(scored.text.split(separator: "\n").map { Double($0)! }.count == 3)
        #expect(scored.text.hasSuffix("1.0000\n"))
        let strict = try ConcordProcess.run(["match", "--threshold", "0.9"], input: Data(pairs.utf8))
        #expect(strict.text == "0\n0\n1\n")
    }

    @Test func aLineWithoutATabAndABadThresholdAreErrors() throws {
        let missing = try ConcordProcess.run(["match"], input: Data("Qaddafi\tGadhafi\nHama\n".utf8))
        #expect(missing.status == 1)
        #expect(missing.error.contains("<stdin>:2: no tab"))
        let range = try ConcordProcess.run(["match", "--threshold", "2"])
        #expect(range.status == 64)
        #expect(range.error.contains("--threshold must be a similarity from 0 to 1"))
    }
}
