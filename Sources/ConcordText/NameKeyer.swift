/// Computes name keys: the folded words of a name, concatenated. Transliteration variants of one
/// name share a key (Deir ez-Zor, Deir Ezzor, Dayr az-Zawr, دير الزور → "drzr"); see `NameFolding`.
///
/// Not thread-safe (owns ICU handles): use one per thread.
public final class NameKeyer {
    private let segmenter: WordSegmenter
    private let normalizer: WordNormalizer

    public init() {
        segmenter = WordSegmenter()
        normalizer = WordNormalizer()
    }

    /// The key of `name`: its words normalized, articles (al-, el-, ez-, …) and generic place nouns
    /// (nahiyat, qaryat, …) dropped, each word name-folded, joined without spaces so that
    /// "Abu Kamal" and "Albukamal" can meet. Only the last word keeps its final vowel class; a
    /// one-word name keeps a short u in a closed first syllable, and when it is short (two
    /// consonants or fewer) and Latin, its diphthongs too (Hit vs Hayt). A name that is a two- or
    /// three-letter capital code (DAM, OSM) is not a transliteration: its key is "#" and the code.
    ///
    /// - Complexity: O(*n*) in the name's length.
    public func key(for name: String) throws(TextError) -> String {
        try wordKeys(for: name).joined()
    }

    /// The key of `name` word by word, in order: ``key(for:)`` is their concatenation.
    ///
    /// - Complexity: O(*n*) in the name's length.
    package func wordKeys(for name: String) throws(TextError) -> [String] {
        let trimmed = name.trimmingSpaces()
        if (2...3).contains(trimmed.utf8.count), trimmed.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) {
            return ["#" + trimmed.lowercased()]
        }
        let utf8 = Array(name.utf8)
        var words = try segmenter.words(in: name).map { (segment) throws(TextError) in
            try normalizer.normalize(String(decoding: utf8[segment.start..<segment.end], as: UTF8.self))
        }
        words.removeAll { !$0.arabicScript && NameFolding.isArticle($0.nameForm) }
        if words.count > 1 {
            let specific = words.filter { $0.arabicScript || !NameFolding.isDescriptor($0.nameForm) }
            if !specific.isEmpty { words = specific }
        }
        let isWholeName = words.count == 1
        return words.indices.map { index in
            let word = words[index]
            var context = NameFolding.Context(isLast: index == words.count - 1, isWholeName: isWholeName)
            let folded = NameFolding.fold(word.nameForm, arabicScript: word.arabicScript, context: context)
            guard isWholeName, !word.arabicScript, folded.consonantCount <= 2 else { return folded.text }
            context.keepsDiphthong = true
            return NameFolding.fold(word.nameForm, arabicScript: word.arabicScript, context: context).text
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }
}
