import ArgumentParser
import ConcordCorpus
import Foundation

/// Options that say how to read a corpus; shared by the commands that read one.
struct CorpusInputOptions: ParsableArguments {
    @Option(name: .customLong("input-format"), help: ArgumentHelp(
        "Input format: auto (a directory, or by extension: .csv, .tsv, else JSONL), jsonl, csv, tsv, directory.",
        valueName: "format"))
    var inputFormat: CorpusFormat = .auto

    @Option(name: .customLong("id-field"), help: "JSONL key or CSV column of document ids.")
    var idField = "id"

    @Option(name: .customLong("text-field"), help: "JSONL key or CSV column of document texts.")
    var textField = "text"

    @Option(name: .customLong("title-field"), help: ArgumentHelp("""
        JSONL key or CSV column of titles (shown in listings; events mode matches on them); a CSV \
        header must have the column this names. (default: title)
        """, valueName: "field"))
    var titleField: String?

    @Option(name: .customLong("date-field"), help: ArgumentHelp("""
        JSONL key or CSV column of dates (ISO 8601); none ignores dates; a CSV header must have the \
        column this names. (default: date)
        """, valueName: "field"))
    var dateField: String?

    /// Whether dates are read (`--date-field none` turns them off).
    var readsDates: Bool { dateField != "none" }

    @Option(name: .long, help: ArgumentHelp(
        "For a directory: extensions of the files to read, comma-separated ('*' for all files).",
        valueName: "list"))
    var extensions = "txt"

    @OptionGroup
    var text: TextInputOptions

    /// Replace invalid UTF-8 (`--lossy`).
    var lossy: Bool { text.lossy }

    @Flag(name: .customLong("skip-invalid"), help: "Skip malformed lines and rows (each one is reported) instead of stopping.")
    var skipInvalid = false

    func validate() throws {
        guard idField != textField else {
            throw ValidationError("--id-field and --text-field both name '\(idField)': a document's id and its text come from two fields.")
        }
    }

    /// The source for `path`.
    func source(_ path: String) -> CorpusSource {
        let list = extensions == "*" ? [] : extensions.split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        var fields = CorpusFields(id: idField, text: textField)
        if let titleField {
            fields.title = titleField
            fields.namedColumns.append(titleField)
        }
        if let dateField, readsDates {
            fields.date = dateField
            fields.namedColumns.append(dateField)
        }
        return CorpusSource(path: path, format: inputFormat, fields: fields,
                            extensions: Set(list), lossy: lossy, encoding: text.encoding)
    }

    /// The sample corpus shipped with Concord: `Corpus/` in the current directory, or beside the
    /// package the executable was built in.
    static func defaultCorpus() -> String? {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: "Corpus") { return "Corpus" }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = directory.appendingPathComponent("Corpus")
            if fileManager.fileExists(atPath: candidate.appendingPathComponent("README.md").path) { return candidate.path }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }
}

extension CorpusFormat: ExpressibleByArgument {}
