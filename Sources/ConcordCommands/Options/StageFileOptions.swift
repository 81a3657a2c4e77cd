import ArgumentParser

/// The inputs and output of `concord verify` and `concord link`: files of stage records (see
/// `StageRecord`), and where the result goes.
struct StageFileOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Files of sketch records and pairs, in any order (default: standard input).", valueName: "input"))
    var inputs: [String] = ["-"]

    @Option(name: [.short, .long], help: ArgumentHelp("Write the result to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        try OutputSafety.check(outputs: output.map { [("-o", $0)] } ?? [], inputs: inputs)
    }
}
