import Foundation
import Testing

@Suite struct DiffCommandTests {
    func files(_ old: String, _ new: String) throws -> (String, String) {
        let directory = try ConcordProcess.temporaryDirectory()
        let a = directory.appendingPathComponent("old.txt"), b = directory.appendingPathComponent("new.txt")
        try Data(old.utf8).write(to: a)
        try Data(new.utf8).write(to: b)
        return (a.path, b.path)
    }

    @Test func sameWordsExitZero() throws {
        let (a, b) = try files("Rockets hit the base.\n", "Rockets hit the base.\n")
        let outcome = try ConcordProcess.run(["diff", a, b])
        #expect(outcome.status == 0)
        #expect(outcome.text == "Rockets hit the base.\n")
    }

    @Test func changedWordsAreMarkedAndExitOne() throws {
        let (a, b) = try files("At least eight rockets hit the base.\n", "At least 10 rockets hit the base.\n")
        let outcome = try ConcordProcess.run(["diff", a, b])
        #expect(outcome.status == 1)
        #expect(outcome.text == "At least [-eight-] {+10+} rockets hit the base.\n")
    }

    @Test func restylingIsHiddenUnlessAskedFor() throws {
        let (a, b) = try files("“Eight rockets” hit Deir ez-Zor.\n", "\"Eight rockets\" hit Deir Ezzor.\n")
        #expect(try ConcordProcess.run(["diff", a, b]).status == 0)
        let shown = try ConcordProcess.run(["diff", "--show-restyling", a, b])
        #expect(shown.status == 1)
        #expect(shown.text.contains("[-“Eight-]"))
    }

    @Test func aMovedParagraphIsShownAsAMove() throws {
        let first = "Rockets hit the base near the oil field on Monday night."
        let second = "The coalition said nobody was hurt in the attack."
        let (a, b) = try files(first + "\n\n" + second + "\n", second + "\n\n" + first + "\n")
        let outcome = try ConcordProcess.run(["diff", a, b])
        #expect(outcome.status == 1)
        #expect(outcome.text.contains("[<"))
        #expect(outcome.text.contains("{>"))
        #expect(!outcome.text.contains("[-"))
    }

    @Test func troubleExitsTwo() throws {
        let (a, _) = try files("x", "y")
        let outcome = try ConcordProcess.run(["diff", a, "no-such-file.txt"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("no-such-file.txt"))
    }

    /// A scraped copy's page script and share line are not "added text": diff cleans both
    /// reports as the other commands do, says how many lines it left out, and --raw keeps them.
    @Test func pageFurnitureIsLeftOutUnlessRaw() throws {
        let article = "Rockets hit the base on Monday.\n\nOfficials said nobody was hurt.\n"
        let scraped = "Rockets hit the base on Monday.\ncnxps.cmd.push(function () { cnxps({ playerId: '36af7c51' }).render('4c4d856e'); });\n\n"
            + "Officials said nobody was hurt.\nShare this article on Facebook\n"
        let (a, b) = try files(article, scraped)
        let cleaned = try ConcordProcess.run(["diff", a, b])
        #expect(cleaned.status == 0)
        #expect(!cleaned.text.contains("cnxps"))
        #expect(cleaned.error.contains("new.txt: 2 script or page-furniture lines left out (--raw keeps them)"))
        let raw = try ConcordProcess.run(["diff", "--raw", a, b])
        #expect(raw.status == 1)
        #expect(raw.text.contains("cnxps.cmd.push"))
        #expect(raw.error.isEmpty)
    }
}
