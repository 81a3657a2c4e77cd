import Foundation
import Testing
@testable import ConcordText

@Suite struct ScrapeCleanerTests {
    let cleaner = ScrapeCleaner()

    func keptText(_ text: String) -> [String] {
        let utf8 = Array(text.utf8)
        return cleaner.clean(text).kept.map { String(decoding: utf8[$0], as: UTF8.self) }
    }

    @Test(arguments: [
        "cnxps.cmd.push(function () { cnxps({ playerId: '36af7c51' }).render('4c4d856e'); });",
        "if(window.location.pathname.indexOf(\"656089\") != -1){console.log(\"x\");document.getElementsByClassName(\"d\")[0].style.display =\"none\";}",
        "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });",
    ])
    func removesScriptLines(line: String) {
        #expect(cleaner.clean(line).removed.map(\.reason) == [.script])
    }

    @Test(arguments: [
        "Share this article", "Subscribe to our newsletter", "Read more: Iran-backed militias expand in Syria",
        "Click here to follow us on Telegram", "ADVERTISEMENT", "Facebook Twitter WhatsApp", "Share:",
    ])
    func removesPageFurniture(line: String) {
        #expect(cleaner.clean(line).removed.map(\.reason) == [.pageFurniture])
    }

    @Test(arguments: [
        "The US-led Coalition did not respond to an inquiry but was looking into the reports at the time of writing.",
        "Share prices fell sharply on Monday after the central bank raised rates by half a point, the steepest rise since 2008.",
        "Subscribers to the state broadcaster said the service was cut (for two hours) after the strike; officials denied it.",
        "The function of the base, officials said, is to support the Syrian Democratic Forces.",
        "Read the full statement, he told reporters.",
    ])
    func keepsArticleSentences(line: String) {
        #expect(cleaner.clean(line).removed.isEmpty)
    }

    static let seedReport = "seed/omar-oil-field-2021-06-28.txt"

    /// On the sample corpus's scraped republication: its script line and its two furniture lines
    /// go, every other line stays.
    @Test func cleansTheSampleRepublication() throws {
        try expectCleaned(SharedCorpus.sample("omar-oil-field/levant-daily.txt"), removed: [
            "cnxps": .script, "Share this article": .pageFurniture, "Subscribe to our newsletter": .pageFurniture,
        ])
    }

    /// On the real scraped report: both script lines go, every sentence of the article stays.
    @Test(.enabled(if: SharedCorpus.has(ScrapeCleanerTests.seedReport), "needs ../shared/corpus/\(ScrapeCleanerTests.seedReport)"))
    func cleansTheOmarOilFieldReport() throws {
        try expectCleaned(SharedCorpus.file(Self.seedReport), removed: ["cnxps": .script, "window.location": .script])
    }

    /// Checks that cleaning the report at `url` removes exactly one line holding each key of
    /// `removed`, for that reason, and keeps every other line.
    func expectCleaned(_ url: URL, removed: [String: ScrapeCleaner.Reason]) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        let utf8 = Array(text.utf8)
        let result = cleaner.clean(text)
        let removedLines = result.removed.map { (String(decoding: utf8[$0.range], as: UTF8.self), $0.reason) }
        #expect(removedLines.count == removed.count)
        for (marker, reason) in removed {
            #expect(removedLines.filter { $0.0.contains(marker) }.map(\.1) == [reason], "\(marker)")
        }
        let kept = keptText(text).joined(separator: "\n")
        let articleLines = text.split(separator: "\n").filter { line in !removed.keys.contains { line.contains($0) } }
        for line in articleLines { #expect(kept.contains(line)) }
    }

    /// The eight-bytes-at-a-time count against splitting on spaces and tabs, for words that
    /// straddle chunk boundaries, separators at either end, runs of separators and the limit.
    @Test func countsWordsAsSplittingDoes() {
        let lines = ["", " ", "a", "one two", "  lead and trail  ", "tab\tseparated\t\twords", "exactly8 bytes12",
                     "a b c d e f g h i j k l m n o p q r s t", "longwordlongwordlongword x", "é ü\u{A0}ñ  …"]
        for line in lines {
            for limit in [1, 3, 15, 100] {
                let expected = min(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).count, limit)
                var copy = line
                copy.withUTF8 { #expect(ScrapeCleaner.wordCount($0, upTo: limit) == expected, "\(line) up to \(limit)") }
            }
        }
    }

    @Test func keptRangesPointIntoTheOriginal() {
        let text = "First line.\nShare this article\nLast line."
        let utf8 = Array(text.utf8)
        let result = cleaner.clean(text)
        #expect(result.kept.map { String(decoding: utf8[$0], as: UTF8.self) } == ["First line.", "Last line."])
        #expect(result.removed.map { String(decoding: utf8[$0.range], as: UTF8.self) } == ["Share this article"])
    }

    @Test func handlesALongSingleLine() {
        let line = String(repeating: "word ", count: 2_000_000)
        let result = cleaner.clean(line)
        #expect(result.kept.count == 1)
    }
}
