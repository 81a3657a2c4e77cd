import ArgumentParser
import ConcordCorpus
import ConcordText

/// `concord normalize`: show the text exactly as matching sees it.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Show report text as Concord matches it: cleaned, normalized, name-folded.",
        discussion: """
        Reads the files given (or standard input, or --text) as UTF-8 and prints, for each line that \
        survives cleaning, its normalized words separated by spaces. Cleaning drops script fragments \
        and share/subscribe/"read more" lines; normalization applies NFKC_Casefold, folds Arabic \
        spelling, transliterates non-Latin script, and folds transliteration variants of names.

        Examples:
          concord normalize --text "Shelling near Deir ez-Zor and دير الزور"
          concord normalize --tokens report.txt        one token per line with byte offsets
          concord normalize --format json report.txt   tokens and removed lines as JSON
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("Files to read ('-' for standard input; none: standard input).", valueName: "file"))
    var files: [String] = []

    @Option(name: .long, help: "Normalize this text instead of reading files.")
    var text: String?

    @Flag(name: .long, help: "Print one token per line: start and end byte offsets, source text, normalized form.")
    var tokens = false

    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "text|json"))
    var format: Format = .text

    @Option(name: .long, help: .nameFolding)
    var names: NameFoldingScope = .properNames

    @Flag(name: .long, help: "Keep script fragments and page-furniture lines.")
    var noClean = false

    @Flag(name: .long, help: "Print removed lines (script, page furniture) on standard error.")
    var showRemoved = false

    @OptionGroup
    var input: TextInputOptions

    func validate() throws {
        if text != nil && !files.isEmpty {
            throw ValidationError("Give either --text or files, not both.")
        }
    }

    func run() throws {
        var output = OutputBuffer()
        defer { output.flush() }
        try reportingErrors(source: "ICU") {
            let pipeline = TextPipeline(options: .init(clean: !noClean, nameFolding: names))
            let sources: [(name: String, text: String)]
            if let text {
                sources = [("--text", text)]
            } else {
                let paths = files.isEmpty ? ["-"] : files
                sources = try paths.map { path throws(CommandError) in
                    let name = InputReading.displayName(path)
                    return (name, try InputReading.text(InputReading.bytes(of: path), source: name, options: input))
                }
            }
            for source in sources {
                if source.text.isEmpty {
                    printError("concord: \(source.name): empty input")
                    continue
                }
                if sources.count > 1 && format == .text { output.writeLine("==> \(source.name) <==") }
                do throws(TextError) {
                    try write(source, pipeline: pipeline, to: &output)
                } catch {
                    throw CommandError(error, in: source.name)
                }
            }
            try output.finish()
        }
    }

    private func write(_ source: (name: String, text: String), pipeline: TextPipeline,
                       to output: inout OutputBuffer) throws(TextError) {
        let document = try NormalizedDocument(source.text, pipeline: pipeline)
        if showRemoved {
            for line in document.removed {
                printError("removed \(line.reason.rawValue) line \(document.lineNumber(of: line.range.lowerBound)) of \(source.name): \(document.source(line.range))")
            }
        }
        switch (format, tokens) {
        case (.json, _):
            output.writeLine(document.json(name: source.name, pipeline: pipeline))
        case (.text, true):
            output.writeLine("start\tend\tsource\tnormalized")
            for token in document.tokens {
                output.writeLine("\(token.range.lowerBound)\t\(token.range.upperBound)\t\(document.source(token.range))\t\(pipeline.text(of: token))")
            }
        case (.text, false):
            for line in document.lines(pipeline: pipeline) { output.writeLine(line) }
        }
    }
}


/// A source text with its tokens and removed lines, for display.
private struct NormalizedDocument {
    let utf8: [UInt8]
    let tokens: [Token]
    let removed: [ScrapeCleaner.RemovedLine]

    init(_ text: String, pipeline: TextPipeline) throws(TextError) {
        utf8 = Array(text.utf8)
        tokens = try pipeline.tokens(in: text)
        removed = pipeline.options.clean ? pipeline.cleaner.clean(text).removed : []
    }

    func source(_ range: Range<Int>) -> String { String(decoding: utf8[range], as: UTF8.self) }

    func lineNumber(of offset: Int) -> Int { utf8[0..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } }

    /// The normalized words of each source line that has any, joined by spaces.
    func lines(pipeline: TextPipeline) -> [String] {
        var result: [String] = []
        var current: [String] = []
        var currentLine = -1
        var lineStarts: [Int] = [0]
        for (offset, byte) in utf8.enumerated() where byte == 0x0A { lineStarts.append(offset + 1) }
        var lineIndex = 0
        for token in tokens {
            while lineIndex + 1 < lineStarts.count, lineStarts[lineIndex + 1] <= token.range.lowerBound { lineIndex += 1 }
            if lineIndex != currentLine, !current.isEmpty {
                result.append(current.joined(separator: " "))
                current.removeAll()
            }
            currentLine = lineIndex
            current.append(pipeline.text(of: token))
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }

    func json(name: String, pipeline: TextPipeline) -> String {
        let tokenObjects = tokens.map { token in
            JSONWriting.object([
                "start": String(token.range.lowerBound), "end": String(token.range.upperBound),
                "source": JSONWriting.quoted(source(token.range)),
                "normalized": JSONWriting.quoted(pipeline.text(of: token)), "id": JSONWriting.hexID(token.id),
            ])
        }
        let removedObjects = removed.map { line in
            JSONWriting.object([
                "start": String(line.range.lowerBound), "end": String(line.range.upperBound),
                "reason": JSONWriting.quoted(line.reason.rawValue), "text": JSONWriting.quoted(source(line.range)),
            ])
        }
        return JSONWriting.object([
            "source": JSONWriting.quoted(name), "tokens": JSONWriting.array(tokenObjects),
            "removed": JSONWriting.array(removedObjects),
        ])
    }
}
