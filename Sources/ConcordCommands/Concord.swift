import ArgumentParser

/// The `concord` command: find overlapping news reports across outlets and show how they differ.
public struct Concord: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "concord",
        abstract: "Find overlapping news reports across outlets and show how they differ.",
        discussion: """
        Concord normalizes report text with ICU (so that Deir ez-Zor, Deir Ezzor, Dayr az-Zawr and \
        دير الزور give the same tokens), removes scraped junk, and matches reports by their wording.

        Start with:
          concord cluster                          group the sample reports in Corpus/
          concord compare Corpus/omar-oil-field    what each report adds, omits, counts
          concord normalize --tokens --text "Shelling near Deir ez-Zor"
                                                   show what matching sees
          concord key < names.txt                  one name key per input line

        Exit status: 0 on success; 1 when the input cannot be used or an output cannot be \
        written (the message names the file and line); 64 for a usage error. `concord diff` \
        exits as diff(1): 1 when the texts differ, 2 on trouble.
        """,
        version: version,
        subcommands: [ClusterCommand.self, DiffCommand.self, CompareCommand.self, IndexCommand.self, SketchCommand.self, VerifyCommand.self, LinkCommand.self, NormalizeCommand.self, KeyCommand.self, MatchCommand.self, BenchCommand.self, SimilarityCommand.self],
        defaultSubcommand: ClusterCommand.self
    )

    public init() {}
}
