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

/// Exit statuses of every `concord` command, and the one place errors are mapped to them.
enum ExitStatus {
    /// The input cannot be used, or an output cannot be written.
    static let trouble: Int32 = 1
    /// `concord diff`'s trouble status, as diff(1)'s (1 means the texts differ).
    static let diffTrouble: Int32 = 2
}

/// Runs a command's work: every error becomes a `concord: …` message on standard error and the
/// exit status `status`; a text error names `source`. An `ExitCode` the work throws passes through
/// (`diff` exits 1 when the texts differ).
func reportingErrors(source: String, status: Int32 = ExitStatus.trouble, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        let message: String
        switch error {
        case let error as TextError: message = CommandError(error, in: source).message
        default: message = "\(error)"
        }
        printError("concord: \(message)")
        throw ExitCode(status)
    }
}
