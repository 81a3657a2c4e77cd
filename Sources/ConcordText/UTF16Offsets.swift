/// Maps ICU's UTF-16 offsets back to UTF-8 byte offsets.
enum UTF16Offsets {
    /// `text` as UTF-16 units, and for every UTF-16 offset that starts a scalar (and the end) the
    /// matching UTF-8 byte offset.
    ///
    /// - Complexity: O(*n*) in the text's scalars.
    static func units(of text: String) -> (units: [UInt16], utf8Offsets: [Int]) {
        let units = Array(text.utf16)
        var utf8Offsets = [Int](repeating: 0, count: units.count + 1)
        var utf16Index = 0, utf8Index = 0
        for scalar in text.unicodeScalars {
            utf8Offsets[utf16Index] = utf8Index
            utf16Index += UTF16.width(scalar)
            utf8Index += UTF8.width(scalar)
        }
        utf8Offsets[utf16Index] = utf8Index
        return (units, utf8Offsets)
    }
}
