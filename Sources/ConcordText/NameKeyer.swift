/// Computes name keys: the folded words of a name, concatenated. Transliteration variants of one
/// name share a key (Deir ez-Zor, Deir Ezzor, Dayr az-Zawr, دير الزور); see `NameFolding`.
///
/// Not thread-safe (owns a pipeline): use one per thread.
public final class NameKeyer {
    private let pipeline: TextPipeline

    public init() throws(TextError) {
        pipeline = try TextPipeline(options: .init(clean: false, nameFolding: .all))
    }

    /// The key of `name`: its words normalized and name-folded, articles dropped, joined without
    /// spaces (so that "Abu Kamal" and "Albukamal" can meet).
    ///
    /// - Complexity: O(*n*) in the name's length; each new spelling of a word is folded once.
    public func key(for name: String) throws(TextError) -> String {
        try pipeline.tokens(in: name).map { pipeline.text(of: $0) }.joined()
    }
}
