/// What can go wrong in the text pipeline, with a message a person can act on.
public enum TextError: Error, Equatable, CustomStringConvertible {
    /// The input is not valid UTF-8; `offset` is the byte offset of the first bad sequence.
    case invalidUTF8(offset: Int)
    /// An ICU service failed: which one, and ICU's error name.
    case icu(String, String)

    public var description: String {
        switch self {
        case .invalidUTF8(let offset):
            return "invalid UTF-8 at byte offset \(offset) (use --lossy to replace bad bytes with U+FFFD)"
        case .icu(let what, let name):
            return "ICU \(what) failed: \(name) (is the system's libicu 72 installed? apt-get install libicu-dev)"
        }
    }
}
