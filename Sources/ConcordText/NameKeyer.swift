/// Computes name keys: the folded words of a name, concatenated. Transliteration variants of one
/// name share a key (Deir ez-Zor, Deir Ezzor, Dayr az-Zawr, دير الزور → "drzr"); see `NameFolding`.
///
/// Not thread-safe (owns ICU handles): use one per thread.
public final class NameKeyer {
    private let segmenter: WordSegmenter
    private let normalizer: WordNormalizer

    public init() throws(TextError) {
        segmenter = try WordSegmenter()
        normalizer = try WordNormalizer()
    }

    /// The key of `name`: its words normalized, articles (al-, el-, ez-, …) and generic place nouns
    /// (nahiyat, qaryat, …) dropped, each word name-folded, joined without spaces so that
    /// "Abu Kamal" and "Albukamal" can meet. Only the last word keeps its final vowel class.
    ///
    /// - Complexity: O(*n*) in the name's length.
    public func key(for name: String) throws(TextError) -> String {
        let utf8 = Array(name.utf8)
        var words = try segmenter.words(in: name).map { (segment) throws(TextError) in
            try normalizer.normalize(String(decoding: utf8[segment.start..<segment.end], as: UTF8.self))
        }
        words.removeAll { !$0.arabicScript && NameFolding.isArticle($0.nameForm) }
        if words.count > 1 {
            let specific = words.filter { $0.arabicScript || !NameFolding.isDescriptor($0.nameForm) }
            if !specific.isEmpty { words = specific }
        }
        return words.indices.map { index in
            NameFolding.fold(words[index].nameForm, arabicScript: words[index].arabicScript,
                             isLast: index == words.count - 1)
        }.joined()
    }
}
