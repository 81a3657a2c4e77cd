import ConcordCorpus

/// Lines for standard output, streamed through `OutputBuffer` (every write checked), or for a
/// file, collected and then written all or nothing (`OutputFiles`), so a failed run never leaves
/// a file that looks whole.
struct LineOutput {
    private let file: String?
    private var buffer = OutputBuffer()
    private var collected = ""

    /// - Parameter file: the output file; `nil` or "-" for standard output.
    init(to file: String?) { self.file = file == "-" ? nil : file }

    /// Writes `text` and a line break.
    ///
    /// - Throws: the first failed write to standard output.
    mutating func writeLine(_ text: String) throws {
        guard file == nil else {
            collected += text
            collected += "\n"
            return
        }
        buffer.writeLine(text)
        if let failure = buffer.failure { throw failure }
    }

    /// Writes what is left: the file, or the rest of standard output.
    mutating func finish() throws {
        guard let file else { return try buffer.finish() }
        try OutputFiles.write(collected, to: file)
    }
}
