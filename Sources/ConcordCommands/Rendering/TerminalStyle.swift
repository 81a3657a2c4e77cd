/// ANSI colours for terminal output, or none.
struct TerminalStyle {
    static let red = "31", green = "32", yellow = "33"
    let colour: Bool

    func deleted(_ text: String) -> String { paint(text, Self.red) }
    func moved(_ text: String) -> String { paint(text, Self.yellow) }
    func warning(_ text: String) -> String { paint(text, Self.yellow) }

    func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    /// `text` between markers (and in colour), leading whitespace kept outside so text stays readable.
    func marked(_ text: String, open: String, close: String, colour code: String) -> String {
        let leading = text.prefix { $0.isWhitespace }
        let body = text.dropFirst(leading.count)
        return body.isEmpty ? String(leading) : String(leading) + paint(open + body + close, code)
    }
}

extension StringProtocol {
    /// The text with every control character other than line feed, tab and the carriage return of
    /// a CRLF line break written as a visible escape (`\u{1B}`), so an id or a report that holds
    /// terminal escape sequences is shown, never obeyed, by the terminal that displays it.
    ///
    /// - Complexity: O(*n*) in the length of the text; a text without control characters is returned as it is.
    var terminalSafe: String {
        let scalars = Array(unicodeScalars)
        func isShown(_ index: Int) -> Bool {
            !scalars[index].isTerminalControl || (scalars[index] == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n")
        }
        guard !scalars.indices.allSatisfy(isShown) else { return String(self) }
        var result = ""
        for index in scalars.indices {
            if isShown(index) {
                result.unicodeScalars.append(scalars[index])
            } else {
                result += "\\u{" + String(scalars[index].value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }
}

extension Unicode.Scalar {
    /// C0 and C1 control characters and DEL, except line feed and tab.
    var isTerminalControl: Bool {
        (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value)
    }
}
