import ArgumentParser
import ConcordText

/// A failure a user can act on: what went wrong, where (file and line when known), what to do.
struct CommandError: Error, CustomStringConvertible {
    var message: String

    init(_ message: String) { self.message = message }

    /// The text error of `source`, prefixed with where it happened.
    init(_ error: TextError, in source: String, line: Int? = nil) {
        let place = line.map { "\(source):\($0)" } ?? source
        message = "\(place): \(error)"
    }

    var description: String { message }
}

/// Prints `error` on standard error as `concord: …` and exits with status 1.
func fail(_ error: CommandError) -> ExitCode {
    printError("concord: \(error.message)")
    return ExitCode(1)
}
