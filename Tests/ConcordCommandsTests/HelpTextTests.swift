import Foundation
import Testing

/// Help text is product copy: each command's whole `--help` is compared with the text reviewed in
/// `Tests/ConcordCommandsTests/Help/`, so a contradiction between help and behaviour cannot creep
/// back unseen. After a deliberate change, review the new text and record it with
/// `CONCORD_RECORD_HELP=1 swift test --filter HelpTextTests`.
@Suite struct HelpTextTests {
    static let commands: [[String]] = [
        [], ["cluster"], ["diff"], ["compare"], ["index"], ["index", "add"], ["index", "query"], ["index", "stats"],
        ["sketch"], ["verify"], ["link"], ["normalize"], ["key"], ["match"], ["bench"], ["similarity"],
    ]

    static let directory = ConcordProcess.repository.appendingPathComponent("Tests/ConcordCommandsTests/Help")

    @Test(arguments: commands)
    func helpMatchesTheReviewedText(command: [String]) throws {
        let outcome = try ConcordProcess.run(command + ["--help"])
        #expect(outcome.status == 0)
        let file = Self.directory.appendingPathComponent((command.isEmpty ? ["concord"] : command).joined(separator: "-") + ".txt")
        if ProcessInfo.processInfo.environment["CONCORD_RECORD_HELP"] != nil {
            try outcome.output.write(to: file)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(outcome.text == expected, "concord \(command.joined(separator: " ")) --help differs from \(file.lastPathComponent)")
    }

    @Test(arguments: ["clsuter", "compre", "indx"])
    func aMistypedCommandIsNamedWithTheRightOne(typo: String) throws {
        let outcome = try ConcordProcess.run([typo])
        #expect(outcome.status == 64)
        #expect(outcome.error.contains("did you mean"))
        #expect(!outcome.error.contains("No such file"))
    }

    @Test func aFileNamedLikeAWordIsStillClustered() throws {
        let directory = try ConcordProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(#"{"id": "a", "text": "Rockets hit the base."}"#.utf8).write(to: directory.appendingPathComponent("reports"))
        let outcome = try ConcordProcess.run(["reports", "-q"], in: directory)
        #expect(outcome.status == 0)
        #expect(outcome.text.contains("a"))
    }
}
