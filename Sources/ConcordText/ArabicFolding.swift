/// Orthographic folding of Arabic-script words, applied before transliteration so that spelling
/// conventions ICU would carry into Latin letters are gone first.
///
/// Letters (table in `fold(_:)`):
/// - alef forms أ إ آ ٱ → ا; yeh forms ى ی ې ێ ئ → ي; waw forms ؤ ۆ ۇ ۋ → و; keheh ک → ك;
///   Kurdish ە → ا, ڕ → ر, ڵ → ل; ٹ → ت, ڤ → ف; ھ ہ → ه; Arabic-Indic digits → ASCII digits;
/// - tatweel ـ, every harakah (U+064B–U+065F) and superscript alef U+0670 are removed;
/// - ة (taa marbuta), ه and ح all become the placeholder `H`, an upper-case Latin letter that ICU
///   passes through unchanged, so that a following letter cannot form a digraph with it (ICU writes
///   ك+ه as "kh", the same as خ).
///
/// Syllables: a و or ي right after a non-initial alef starts a new syllable and is a consonant;
/// it becomes the placeholder `W` or `Y`. The article ال at the start of a word of five or more
/// letters is split off.
enum ArabicFolding {
    /// Placeholders that survive transliteration; `NameFolding` reads them, `plainForm` lowercases them.
    static let placeholderH: Unicode.Scalar = "H"
    static let placeholderW: Unicode.Scalar = "W"
    static let placeholderY: Unicode.Scalar = "Y"

    static let alef: Unicode.Scalar = "\u{0627}"
    static let lam: Unicode.Scalar = "\u{0644}"
    static let waw: Unicode.Scalar = "\u{0648}"
    static let yeh: Unicode.Scalar = "\u{064A}"

    /// Whether a scalar is in one of the Arabic blocks (after NFKC, presentation forms are gone).
    static func isArabicScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF: return true
        default: return false
        }
    }

    /// The folded form of one scalar: `nil` to drop it, otherwise its replacement.
    ///
    /// - Complexity: O(1).
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673, 0x06D5: return alef
        case 0x0649, 0x06CC, 0x06D0, 0x06CE, 0x0626: return yeh
        case 0x0624, 0x06C6, 0x06C7, 0x06CB, 0x06C8: return waw
        case 0x06A9: return "\u{0643}"
        case 0x0695: return "\u{0631}"
        case 0x06B5: return lam
        case 0x0679: return "\u{062A}"
        case 0x06A4: return "\u{0641}"
        case 0x0629, 0x0647, 0x062D, 0x06BE, 0x06C1, 0x06C0, 0x06C3: return placeholderH
        case 0x0640, 0x064B...0x065F, 0x0670: return nil
        case 0x0660...0x0669: return Unicode.Scalar(0x30 + scalar.value - 0x0660)
        case 0x06F0...0x06F9: return Unicode.Scalar(0x30 + scalar.value - 0x06F0)
        default: return scalar
        }
    }

    /// An Arabic-script word after folding: its letters, and whether a leading article was split off.
    struct FoldedWord: Equatable, Sendable {
        var text: String
        var hadArticle: Bool
    }

    /// Folds a (casefolded) word: letter table, consonantal waw/yeh after alef, article split.
    ///
    /// - Complexity: O(*n*) in the number of scalars.
    static func foldWord(_ word: String) -> FoldedWord {
        var scalars: [Unicode.Scalar] = []
        for scalar in word.unicodeScalars {
            guard let folded = fold(scalar) else { continue }
            if folded == waw || folded == yeh, scalars.count >= 2, scalars[scalars.count - 1] == alef,
               isArabicLetterOrPlaceholder(scalars[scalars.count - 2]) {
                scalars.append(folded == waw ? placeholderW : placeholderY)
            } else {
                scalars.append(folded)
            }
        }
        var hadArticle = false
        if scalars.count >= 5, scalars[0] == alef, scalars[1] == lam {
            scalars.removeFirst(2)
            hadArticle = true
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return FoldedWord(text: String(text), hadArticle: hadArticle)
    }

    static func isArabicLetterOrPlaceholder(_ scalar: Unicode.Scalar) -> Bool {
        isArabicScript(scalar) || scalar == placeholderH || scalar == placeholderW || scalar == placeholderY
    }
}
