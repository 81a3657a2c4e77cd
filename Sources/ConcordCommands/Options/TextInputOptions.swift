import ArgumentParser

/// How input text is decoded; shared by every command that reads text.
struct TextInputOptions: ParsableArguments {
    @Flag(name: .long, help: "Replace invalid UTF-8 with U+FFFD (and count the replacements) instead of stopping with an error that names the place.")
    var lossy = false
}
