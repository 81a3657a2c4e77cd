/// The normalized form of one word and where it came from.
public struct NormalizedWord: Equatable, Sendable {
    /// Lowercase ASCII letters and digits (and `.` between digits); may be empty.
    public var text: String
    /// `true` when the word had letters of a script other than Latin (Arabic, Persian, …), so its
    /// Latin form is a transliteration.
    public var fromNonLatinScript: Bool
}

/// Normalizes single words for matching: Unicode NFKC_Casefold, Arabic orthographic folding,
/// transliteration of non-Latin letters to Latin, removal of diacritics, and folding of apostrophes,
/// ayn/hamza marks, dots and thousands separators inside words.
///
/// ASCII words never reach ICU: they are lowercased directly. Not thread-safe (owns an ICU
/// transliterator): use one per thread.
public final class WordNormalizer {
    /// ICU transform taking any script to plain ASCII Latin.
    public static let transliteratorID = "Any-Latin; Latin-ASCII"

    private let transliterator: ICUTransliterator

    public init() throws(TextError) {
        transliterator = try ICUTransliterator(Self.transliteratorID)
    }

    /// The normalized form of `word`.
    ///
    /// - Complexity: O(*n*) in the word's length; words with non-ASCII characters make three ICU
    ///   calls (casefold, script check, transliteration), so callers cache per distinct word.
    public func normalize(_ word: Substring.UTF8View) throws(TextError) -> NormalizedWord {
        if word.allSatisfy({ $0 < 0x80 }) {
            return NormalizedWord(text: Self.asciiForm(word), fromNonLatinScript: false)
        }
        let folded = try ICU.nfkcCasefold(Array(String(Substring(word)).utf16))
        let arabicFolded = ArabicFolding.fold(String(decoding: folded, as: UTF16.self))
        let nonLatin = arabicFolded.unicodeScalars.contains { scalar in
            guard scalar.properties.isAlphabetic else { return false }
            let script = ICU.scriptCode(scalar)
            return script != ICU.latinScript && script != ICU.commonScript && script != ICU.inheritedScript
        }
        let latin = try transliterator.transliterate(Array(arabicFolded.utf16))
        let ascii = String(decoding: latin, as: UTF16.self).utf8
        return NormalizedWord(text: Self.asciiForm(ascii), fromNonLatinScript: nonLatin)
    }

    /// Convenience over a whole string.
    public func normalize(_ word: String) throws(TextError) -> NormalizedWord {
        try normalize(Substring(word).utf8)
    }

    /// Lowercase letters and digits of an ASCII-ish word. Apostrophes, ayn and hamza marks, dots
    /// between letters (U.S.) and commas between digits (1,000) are removed; a dot between digits
    /// stays (3.5). Any byte that is not an ASCII letter or digit is dropped.
    ///
    /// - Complexity: O(*n*).
    static func asciiForm(_ bytes: some Collection<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var previous: UInt8 = 0
        var iterator = bytes.makeIterator()
        var current = iterator.next()
        while let byte = current {
            let next = iterator.next()
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                output.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                output.append(byte)
            case UInt8(ascii: "."):
                if isDigit(previous), let next, isDigit(next) { output.append(byte) }
            default:
                break
            }
            previous = byte
            current = next
        }
        return String(decoding: output, as: UTF8.self)
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
