import ArgumentParser
import Foundation

/// What to tell a user whose first argument looks like a mistyped command: `concord` clusters its
/// first argument by default, so without this `concord clsuter` would answer "clsuter: No such
/// file or directory".
enum CommandSuggestion {
    /// The message for `argument` when it is a bare word (letters and hyphens) that names neither
    /// a command nor an existing file; nil otherwise.
    ///
    /// - Complexity: O(*c* · *n* · *m*) for *c* commands of length *n* and an argument of length *m*.
    static func message(for argument: String, commands: [String], fileExists: (String) -> Bool) -> String? {
        guard !argument.isEmpty, argument.allSatisfy({ $0.isLetter || $0 == "-" }), !argument.hasPrefix("-"),
              !commands.contains(argument), !fileExists(argument) else { return nil }
        let ranked = commands.map { (command: $0, distance: editDistance(argument.lowercased(), $0)) }
            .sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.command < $1.command }
        if let best = ranked.first, best.distance <= max(1, best.command.count / 3) {
            return "unknown command '\(argument)'; did you mean '\(best.command)'?"
        }
        return "'\(argument)' is neither a command nor a file; the commands are \(commands.joined(separator: ", ")) (see concord --help)"
    }

    /// Levenshtein distance, with a swap of two neighbouring letters counting as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}

extension Concord {
    /// Runs `concord`, first catching a mistyped command (exit status 64, as for any usage error).
    public static func main() {
        let commands = configuration.subcommands.map { $0._commandName }
        if let first = CommandLine.arguments.dropFirst().first,
           let message = CommandSuggestion.message(for: first, commands: commands, fileExists: { FileManager.default.fileExists(atPath: $0) }) {
            printError("concord: \(message)")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(nil)
    }
}
