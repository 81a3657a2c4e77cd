internal import Foundation

extension SentenceSimilarity {
    /// `text` as the measure reads it, as Unicode scalars: NFKC, full Unicode case folding,
    /// apostrophes (' ’ ‘) removed ("Kata'ib" → "kataib"), and every comma between two decimal
    /// digits removed ("1,000,000" → "1000000").
    ///
    /// Case folding is Unicode's full folding, Python's `str.casefold` (CaseFolding.txt statuses C
    /// and F): "Straße" and "STRASSE" both give "strasse".
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    static func normalized(_ text: String) -> [Unicode.Scalar] {
        let folded = text.utf8.allSatisfy { $0 < 0x80 }
            ? text.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 0x20)! : $0 }
            : caseFolded(compatibilityComposed(text))
        let unquoted = folded.filter { $0 != "'" && $0 != "\u{2019}" && $0 != "\u{2018}" }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(unquoted.count)
        for (index, scalar) in unquoted.enumerated() {
            if scalar == ",", index > 0, index + 1 < unquoted.count,
               isDecimalDigit(unquoted[index - 1]), isDecimalDigit(unquoted[index + 1]) {
                continue
            }
            result.append(scalar)
        }
        return result
    }

    /// NFKC of `text`.
    ///
    /// Foundation's NFKC on Linux composes a character outside the Basic Multilingual Plane with a
    /// following BMP combining mark as if it were the BMP character with the same low 16 bits
    /// (U+20417 U+0308 becomes U+04DE). Unicode composes no such pair, so the text is normalized in
    /// pieces cut between them: after each such character that stays outside the BMP and a
    /// starter under NFKC, when a BMP combining mark follows.
    static func compatibilityComposed(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0xF0 }) else { return text.precomposedStringWithCompatibilityMapping }
        let scalars = Array(text.unicodeScalars)
        var result = "", pieceStart = 0
        for index in scalars.indices.dropLast() where scalars[index].value > 0xFFFF
            && scalars[index + 1].value <= 0xFFFF && scalars[index + 1].properties.canonicalCombiningClass != .notReordered {
            guard let last = String(scalars[index]).precomposedStringWithCompatibilityMapping.unicodeScalars.last,
                  last.value > 0xFFFF, last.properties.canonicalCombiningClass == .notReordered else { continue }
            result += String(String.UnicodeScalarView(scalars[pieceStart...index])).precomposedStringWithCompatibilityMapping
            pieceStart = index + 1
        }
        return result + String(String.UnicodeScalarView(scalars[pieceStart...])).precomposedStringWithCompatibilityMapping
    }

    /// Full Unicode case folding of `text`.
    ///
    /// Foundation's case-insensitive folding is full case folding except in two places, corrected
    /// here: it folds Cherokee to lowercase where Unicode folds it to uppercase (for stability, as
    /// Cherokee lowercase letters arrived in Unicode 8), and it leaves the Cyrillic letter variants
    /// U+1C80–U+1C88 (Unicode 9) unfolded.
    static func caseFolded(_ text: String) -> [Unicode.Scalar] {
        text.folding(options: .caseInsensitive, locale: nil).unicodeScalars.map { scalar in
            switch scalar.value {
            case 0xAB70...0xABBF: Unicode.Scalar(scalar.value - 0xAB70 + 0x13A0)!
            case 0x13F8...0x13FD: Unicode.Scalar(scalar.value - 8)!
            case 0x1C80...0x1C88: cyrillicVariantFolds[Int(scalar.value - 0x1C80)]
            default: scalar
            }
        }
    }

    /// The case folds of U+1C80–U+1C88: ve, de, o, es, te, te, hard sign, yat, unblended uk.
    private static let cyrillicVariantFolds: [Unicode.Scalar] = [
        "\u{0432}", "\u{0434}", "\u{043E}", "\u{0441}", "\u{0442}", "\u{0442}", "\u{044A}", "\u{0463}", "\u{A64B}",
    ]
}
