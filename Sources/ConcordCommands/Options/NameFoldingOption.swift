import ArgumentParser
import ConcordText

extension NameFoldingScope: ExpressibleByArgument {}

extension ArgumentHelp {
    /// The help of `--names`, the same wherever the option is declared.
    static let nameFolding = ArgumentHelp("""
        Which words are name-folded (reduced to a consonant skeleton, so Deir ez-Zor and Deir Ezzor \
        match): proper-names (capitalized words that are not English function words, except a lone \
        capitalized word opening a sentence, and non-Latin words), capitalized (every capitalized \
        word), all (every word), or none.
        """, valueName: "scope")
}
