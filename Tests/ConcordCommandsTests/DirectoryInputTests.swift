#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// A directory corpus loses nothing without a word: links are followed, loops and unreadable
/// entries are listed with their reasons, and file names that are not UTF-8 keep their bytes.
@Suite struct DirectoryInputTests {
    /// A corpus directory `c` with a report in a subdirectory, a symbolic link to a report elsewhere,
    /// a loop, a broken link, an unreadable subdirectory and a file name that is not UTF-8; and `link`,
    /// a symbolic link to `c`.
    static func tree() throws -> URL {
        let root = try ConcordProcess.temporaryDirectory()
        let corpus = root.appendingPathComponent("c"), manager = FileManager.default
        try manager.createDirectory(at: corpus.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try manager.createDirectory(at: corpus.appendingPathComponent("locked"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        func save(_ text: String, _ path: String) throws { try Data(text.utf8).write(to: root.appendingPathComponent(path)) }
        try save("Rockets hit the base near the oil field.", "c/a.txt")
        try save("Floods closed the road to the city.", "c/sub/b.txt")
        try save("The council met on Tuesday.", "c/locked/hidden-from-nobody.txt")
        try save("A report kept outside the corpus.", "elsewhere/outside.txt")
        try manager.createSymbolicLink(atPath: corpus.appendingPathComponent("linked.txt").path, withDestinationPath: "../elsewhere/outside.txt")
        try manager.createSymbolicLink(atPath: corpus.appendingPathComponent("sub/loop").path, withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: corpus.appendingPathComponent("broken.txt").path, withDestinationPath: "/nonexistent/x.txt")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: "c")
        let latin1 = Array(corpus.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let descriptor = latin1.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
        #expect(descriptor >= 0)
        _ = "Caf\u{E9} report.".withCString { write(descriptor, $0, strlen($0)) }
        close(descriptor)
        chmod(corpus.appendingPathComponent("locked").path, 0o000)
        return root
    }

    /// Runs as an unprivileged user when this process is root (root reads any directory), so the
    /// unreadable directory really is unreadable.
    static var unprivileged: [String] {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
            ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    }

    @Test func aLinkedCorpusIsReadWholeAndEverySkipIsListed() throws {
        let root = try Self.tree()
        defer { chmod(root.appendingPathComponent("c/locked").path, 0o755); try? FileManager.default.removeItem(at: root) }
        let outcome = try ConcordProcess.run(["cluster", root.appendingPathComponent("link").path, "--format", "json", "-q"],
                                             launcher: Self.unprivileged)
        #expect(outcome.status == 0, "\(outcome.error)")
        let json = outcome.text
        #expect(json.contains(#""documents":4,"#))
        for id in ["a.txt", "sub/b.txt", "linked.txt", #"caf\udce9.txt"#] { #expect(json.contains(#"{"id":"\#(id)","#), "\(id)") }
        #expect(json.contains(#"{"id":"broken.txt","reason":"a broken symbolic link"}"#))
        #expect(json.contains(#"{"id":"sub/loop","reason":"a symbolic link loop"#))
        #expect(json.contains(#"{"id":"locked","reason":"a directory that cannot be read: Permission denied"}"#))
        #expect(outcome.error.contains("skipped locked: a directory that cannot be read"))
    }

    @Test func aFileNameThatIsNotUTF8KeepsItsBytes() throws {
        let root = try Self.tree()
        defer { chmod(root.appendingPathComponent("c/locked").path, 0o755); try? FileManager.default.removeItem(at: root) }
        let outcome = try ConcordProcess.run(["cluster", root.appendingPathComponent("c").path, "-o", "-", "--format", "jsonl", "-q"],
                                             launcher: Self.unprivileged)
        #expect(outcome.status == 0, "\(outcome.error)")
        // The byte E9 is written as the escape U+DCE9 (PEP 383), which Python turns back into the byte.
        #expect(outcome.text.contains(#"{"id":"caf\udce9.txt","#))
        let listing = try ConcordProcess.run(["cluster", root.appendingPathComponent("c").path, "-q"], launcher: Self.unprivileged)
        #expect(listing.text.contains(#"caf\xE9.txt"#))
    }
}
