/// Decides whether two names are spellings of one person or place, where their exact keys
/// (``NameKeyer``) may differ: "Qaddafi" and "Gadhafi", "Khashmar" and "Kashmar", "Gholam Reza"
/// and "Gholamreza".
///
/// Both names are reduced to their keys word by word (articles and descriptors dropped, each word
/// a consonant skeleton in which most transliteration conventions already agree). The keys are
/// then compared by an edit distance whose costs follow what transliteration still confuses after
/// folding: vowel marks and glides are cheap (y, w, and j, which German, Polish and Czech write for
/// y: "Betlejem"), an h is cheap (kh/k, -ah), a doubled letter is
/// cheap, and so are the consonants that one language's spelling merges and another's keeps apart
/// (q/j for Egyptian and Gulf g, s/sh, m/n, d/t, s/z). Any other consonant costs a full edit. The
/// words are compared joined, so joins and splits cost nothing, in the order given and sorted, so
/// "SURNAME, Given" meets "Given Surname".
///
/// The similarity is 1 − distance ÷ the weight of the heavier key; names match at
/// ``defaultThreshold``. Not thread-safe (owns a ``NameKeyer``): use one per thread.
public final class NameMatcher {
    /// The similarity at or above which two names are judged one entity's spellings.
    public static let defaultThreshold = 0.8

    private let keyer = NameKeyer()

    public init() {}

    /// Whether `a` and `b` are spellings of one name: their ``similarity(_:_:)`` reaches
    /// ``defaultThreshold``.
    ///
    /// - Complexity: as ``similarity(_:_:)``.
    public func matches(_ a: String, _ b: String) throws(TextError) -> Bool {
        try similarity(a, b) >= Self.defaultThreshold
    }

    /// How alike two names are as transliterations, from 0 to 1 (1 for equal keys).
    ///
    /// - Complexity: O(*n* · *m*) in the lengths of the two keys, after O(*n* + *m*) to key them.
    public func similarity(_ a: String, _ b: String) throws(TextError) -> Double {
        let wordsA = try keyer.wordKeys(for: a), wordsB = try keyer.wordKeys(for: b)
        let inOrder = Self.similarity(Array(wordsA.joined().utf8), Array(wordsB.joined().utf8))
        guard wordsA.count > 1 || wordsB.count > 1 else { return inOrder }
        let sorted = Self.similarity(Array(wordsA.sorted().joined().utf8), Array(wordsB.sorted().joined().utf8))
        return max(inOrder, sorted)
    }

    /// The similarity of two keys.
    static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        if a == b { return 1 }
        let weight = max(a.reduce(0) { $0 + indelCost($1) }, b.reduce(0) { $0 + indelCost($1) })
        guard weight > 0 else { return 0 }
        return max(0, 1 - distance(a, b) / weight)
    }

    /// The weighted edit distance between two keys.
    ///
    /// - Complexity: O(*n* · *m*) time, O(*m*) memory.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Double {
        var previous = [Double](repeating: 0, count: b.count + 1)
        for j in b.indices { previous[j + 1] = previous[j] + insertionCost(b, at: j) }
        var current = previous
        for i in a.indices {
            current[0] = previous[0] + insertionCost(a, at: i)
            for j in b.indices {
                current[j + 1] = min(previous[j] + substitutionCost(a[i], b[j]),
                                     previous[j + 1] + insertionCost(a, at: i),
                                     current[j] + insertionCost(b, at: j))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// What inserting or deleting `key[index]` costs: less when it doubles its neighbour.
    private static func insertionCost(_ key: [UInt8], at index: Int) -> Double {
        let letter = key[index]
        if (index > 0 && key[index - 1] == letter) || (index + 1 < key.count && key[index + 1] == letter) { return 0.2 }
        return indelCost(letter)
    }

    /// What inserting or deleting one letter of a key costs.
    private static func indelCost(_ letter: UInt8) -> Double {
        switch letter {
        case UInt8(ascii: "a"), UInt8(ascii: "i"), UInt8(ascii: "u"), UInt8(ascii: "e"), UInt8(ascii: "o"): 0.3
        case UInt8(ascii: "h"), UInt8(ascii: "y"), UInt8(ascii: "w"), UInt8(ascii: "j"): 0.5
        default: 1
        }
    }

    /// What replacing one key letter with another costs.
    private static func substitutionCost(_ x: UInt8, _ y: UInt8) -> Double {
        if x == y { return 0 }
        let pair = x < y ? (x, y) : (y, x)
        if cheapPairs.contains(where: { $0 == pair }) { return 0.5 }
        let vowels = "aeiouyw".utf8
        if vowels.contains(x) && vowels.contains(y) { return 0.2 }
        return min(1, indelCost(x) + indelCost(y))
    }

    /// Consonants that transliterations of one name still write differently after folding, as
    /// (smaller, larger) byte pairs: Egyptian g against Gulf q (j/q), kh against k (h/q), sh
    /// against s ($/s), m/n, d/t, d/z, s/z, t/s, j/y.
    private static let cheapPairs: [(UInt8, UInt8)] = ["jq", "hq", "$s", "mn", "dt", "dz", "sz", "st", "jy", "hj"].map { pair in
        let bytes = Array(pair.utf8)
        return (min(bytes[0], bytes[1]), max(bytes[0], bytes[1]))
    }
}
