/// Orthographic folding of Arabic-script text, applied before transliteration so that spelling
/// conventions that ICU would carry into Latin letters are gone first.
///
/// - Alef forms (أ إ آ ٱ ٲ ٳ) become bare alef ا; hamza seats ؤ → و and ئ → ي; lone hamza ء goes.
/// - Taa marbuta ة and its Persian/Urdu forms (ۀ ۃ), and the Kurdish ە and ھ, become ه.
/// - Alef maksura ى and the Persian/Kurdish yeh forms (ی ې ێ) become ي; keheh ک becomes ك.
/// - Kurdish/Persian vowel letters ۆ ۇ ۈ ۋ become و; ڵ → ل, ڕ → ر.
/// - Tatweel ـ and every harakah (U+064B–U+065F, superscript alef U+0670) are removed.
/// - Arabic-Indic and Persian digits become ASCII digits.
public enum ArabicFolding {
    /// Whether a scalar is in one of the Arabic blocks (after NFKC, presentation forms are gone).
    @inlinable
    public static func isArabicScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF: return true
        default: return false
        }
    }

    /// The folded form of one scalar: `nil` to drop it, otherwise its replacement.
    ///
    /// - Complexity: O(1).
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: return "\u{0627}"
        case 0x0624: return "\u{0648}"
        case 0x0626: return "\u{064A}"
        case 0x0621: return nil
        case 0x0629, 0x06C0, 0x06C3, 0x06D5, 0x06BE, 0x06C1: return "\u{0647}"
        case 0x0649, 0x06CC, 0x06D0, 0x06CE: return "\u{064A}"
        case 0x06A9: return "\u{0643}"
        case 0x06C6, 0x06C7, 0x06C8, 0x06CB: return "\u{0648}"
        case 0x06B5: return "\u{0644}"
        case 0x0695: return "\u{0631}"
        case 0x0640: return nil
        case 0x064B...0x065F, 0x0670: return nil
        case 0x0660...0x0669: return Unicode.Scalar(0x30 + scalar.value - 0x0660)
        case 0x06F0...0x06F9: return Unicode.Scalar(0x30 + scalar.value - 0x06F0)
        default: return scalar
        }
    }

    /// `text` with every Arabic-script scalar folded; other scalars pass through.
    ///
    /// - Complexity: O(*n*) in the number of scalars.
    public static func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let folded = fold(scalar) { result.append(folded) }
        }
        return String(result)
    }
}
