import ArgumentParser
import ConcordText

/// How input text is decoded; shared by every command that reads text.
struct TextInputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("""
        Read input in this encoding, any name ICU knows (windows-1252, ISO-8859-6, UTF-16LE, …; \
        default UTF-8). A UTF-8, UTF-16 or UTF-32 byte-order mark is always honoured.
        """, valueName: "name"))
    var encoding: String?

    @Flag(name: .long, help: "Replace invalid bytes in texts with U+FFFD (and count the replacements) instead of stopping with an error that names the place; an id keeps its bytes.")
    var lossy = false

    func validate() throws {
        if let encoding {
            do {
                _ = try Transcoder(encoding: encoding, lossy: false)
            } catch {
                throw ValidationError("--encoding: \(error)")
            }
        }
    }
}
