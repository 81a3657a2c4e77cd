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
