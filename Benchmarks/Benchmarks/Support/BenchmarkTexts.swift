import Foundation

/// Real report texts for the benchmarks: the labelled corpus in ../shared when it is there, the
/// repository's own Corpus/ otherwise (with a printed note).
public enum BenchmarkTexts {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The path of a file in ../shared/corpus, or `nil` (with a printed note) when it is absent.
    public static func sharedPath(_ relativePath: String) -> String? {
        let url = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/\(relativePath)")
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            print("note: \(url.path) is absent; using Corpus/ instead")
            return nil
        }
        return url.path
    }

    /// The path of the repository's sample corpus, Corpus/.
    public static var corpusPath: String { repository.appendingPathComponent("Corpus").path }

    /// The `text` fields of a JSONL file in ../shared/corpus, or `nil` when it is absent.
    public static func shared(_ relativePath: String) -> [String]? {
        guard let path = sharedPath(relativePath), let data = try? String(contentsOfFile: path, encoding: .utf8) else {
            return nil
        }
        return data.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["text"] as? String
        }
    }

    /// English news reports.
    public static func english() -> [String] {
        shared("events/allsides_roundups.jsonl") ?? corpus { !$0.contains("arabic") }
    }

    /// The Corpus/ reports whose paths pass `include`, in path order.
    public static func corpus(_ include: (String) -> Bool) -> [String] {
        let corpus = URL(fileURLWithPath: corpusPath)
        let files = (FileManager.default.enumerator(atPath: corpus.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".txt") && include($0) }.sorted()
        return files.compactMap { try? String(contentsOf: corpus.appendingPathComponent($0), encoding: .utf8) }
    }

    /// The Arabic-script place names of ../shared/corpus/names, or none when absent.
    public static func arabicNames() -> [String] {
        let url = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/names/variants_public.tsv")
        guard let data = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var names: [String] = []
        for line in data.split(separator: "\n") {
            let cells: [Substring] = line.split(separator: "\t")
            if cells.count > 2 && cells[2] == "Arab" { names.append(String(cells[1])) }
        }
        return names
    }
}
