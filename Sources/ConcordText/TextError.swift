/// What can go wrong in the text pipeline, with a message a person can act on.
public enum TextError: Error, Equatable, CustomStringConvertible {
    /// The input is not valid UTF-8; `offset` is the byte offset of the first bad sequence, `likely`
    /// the encoding ICU's detector takes the input for, when it has a guess.
    case invalidUTF8(offset: Int, likely: String? = nil)
    /// A NUL (a NUL byte, or `\u0000` in JSON) at a 1-based line (when known) and byte column: a NUL
    /// marks binary input.
    case nul(line: Int?, column: Int)
    /// `--encoding` names no charset ICU knows.
    case unknownEncoding(String)
    /// The input is not valid in the encoding it is read in; `offset` is the first bad byte.
    case invalidEncoding(String, offset: Int)
    /// The input looks like UTF-16 or UTF-32 (named) without a byte-order mark.
    case unmarkedUnicode(String)
    /// An ICU service failed: which one, and ICU's error name.
    case icu(String, String)

    public var description: String {
        switch self {
        case .invalidUTF8(let offset, let likely):
            return "invalid UTF-8 at byte offset \(offset)" + Self.encodingAdvice(likely: likely)
        case .nul(let line, let column):
            let place = line.map { "line \($0), column \(column)" } ?? "column \(column)"
            return "binary input (NUL at \(place)): a NUL byte or \\u0000 marks binary data and Concord reads text; UTF-16 or UTF-32 text needs a byte-order mark or --encoding"
        case .unknownEncoding(let name):
            return "unknown encoding \"\(name)\" (give a name ICU knows, such as windows-1252, ISO-8859-6 or UTF-16LE; `uconv -l` lists them)"
        case .invalidEncoding(let name, let offset):
            return "not valid \(name) at byte offset \(offset) (use --lossy to replace bad bytes with U+FFFD)"
        case .unmarkedUnicode(let name):
            return "looks like \(name) text without a byte-order mark; read it with --encoding \(name)"
        case .icu(let what, let name):
            return "ICU \(what) failed: \(name) (is the system's libicu 72 installed? apt-get install libicu-dev)"
        }
    }

    /// What to do about invalid UTF-8: the likely encoding and `--encoding`, when there is a guess,
    /// and `--lossy`; starts with a separator to follow a message.
    package static func encodingAdvice(likely: String?) -> String {
        guard let likely else { return " (use --lossy to replace bad bytes with U+FFFD)" }
        return "; it looks like \(likely): read it with --encoding \(likely), or use --lossy to replace bad bytes with U+FFFD"
    }
}
