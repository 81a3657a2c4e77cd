import ArgumentParser
import ConcordCorpus
import ConcordSimilarity
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

/// Runs a command's work, turning every library error into a `concord: …` message and exit 1;
/// text errors are attributed to `source`.
func reportingErrors(source: String, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as CommandError {
        throw fail(error)
    } catch let error as CorpusError {
        throw fail(CommandError(error.description))
    } catch let error as IndexError {
        throw fail(CommandError(error.description))
    } catch let error as TextError {
        throw fail(CommandError(error, in: source))
    }
}

/// Prints `error` on standard error as `concord: …` and exits with status 1.
func fail(_ error: CommandError) -> ExitCode {
    printError("concord: \(error.message)")
    return ExitCode(1)
}
