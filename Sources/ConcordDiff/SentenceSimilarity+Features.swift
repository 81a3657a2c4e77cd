extension SentenceSimilarity {
    /// The five lexical measurements of a sentence pair that the score combines.
    ///
    /// "Words" are the tokens of the normalized sentences (see `words(in:)`); "stems" are the
    /// words after light suffix stripping (see `stem(_:)`). All five are symmetric in the pair.
    public struct Features: Equatable, Sendable {
        /// Distinct stems the sentences share, over the distinct stems of the sentence with more.
        public var wordOverlap: Double
        /// The same over runs of three consecutive stems; 0 when either sentence has fewer than
        /// three words.
        public var wordTrigramOverlap: Double
        /// Jaccard similarity of the sets of character trigrams of the words joined by single
        /// spaces, with a space at each end (so word starts and ends count).
        public var characterTrigramJaccard: Double
        /// How many distinct number words (words starting with a digit) appear in only one of the
        /// sentences.
        public var unsharedNumbers: Int
        /// The longest common subsequence of the two stem sequences, over the longer sequence.
        public var commonSubsequence: Double

        /// Features with the given values, for computing a score from known measurements.
        public init(wordOverlap: Double, wordTrigramOverlap: Double, characterTrigramJaccard: Double,
                    unsharedNumbers: Int, commonSubsequence: Double) {
            self.wordOverlap = wordOverlap
            self.wordTrigramOverlap = wordTrigramOverlap
            self.characterTrigramJaccard = characterTrigramJaccard
            self.unsharedNumbers = unsharedNumbers
            self.commonSubsequence = commonSubsequence
        }
    }

    /// The features of a sentence pair, or `nil` when either sentence has no letters or digits.
    ///
    /// - Parameters:
    ///   - a: one sentence.
    ///   - b: the other sentence.
    /// - Returns: the five measurements ``score(of:)`` combines.
    /// - Complexity: O(*n* + *m* + *w*·*v*) for sentences of *n* and *m* characters and *w* and *v*
    ///   words.
    public func features(_ a: String, _ b: String) -> Features? {
        let wordsA = Self.words(in: a), wordsB = Self.words(in: b)
        guard !wordsA.isEmpty, !wordsB.isEmpty else { return nil }
        var ids = StemIDs()
        let stemsA = wordsA.map { ids.id(of: Self.stem($0)) }
        let stemsB = wordsB.map { ids.id(of: Self.stem($0)) }
        let numbersA = Set(wordsA.filter { Self.isDigit($0[0]) })
        let numbersB = Set(wordsB.filter { Self.isDigit($0[0]) })
        return Features(
            wordOverlap: Self.overlap(Set(stemsA), Set(stemsB)),
            wordTrigramOverlap: Self.overlap(Self.trigrams(stemsA), Self.trigrams(stemsB)),
            characterTrigramJaccard: Self.jaccard(Self.characterTrigrams(wordsA), Self.characterTrigrams(wordsB)),
            unsharedNumbers: numbersA.symmetricDifference(numbersB).count,
            commonSubsequence: Double(Self.longestCommonSubsequence(stemsA, stemsB)) / Double(max(stemsA.count, stemsB.count))
        )
    }

    /// Small integer ids for the stems of one pair, so sets and comparisons work on integers.
    struct StemIDs {
        private var ids: [Word: Int] = [:]

        mutating func id(of stem: Word) -> Int {
            if let id = ids[stem] { return id }
            let id = ids.count
            ids[stem] = id
            return id
        }
    }

    /// Three consecutive stem ids.
    struct Trigram: Hashable {
        var first: Int, second: Int, third: Int
    }

    /// Shared elements over the size of the larger set; 0 when either set is empty.
    static func overlap<Element>(_ a: Set<Element>, _ b: Set<Element>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return Double(a.intersection(b).count) / Double(max(a.count, b.count))
    }

    /// Shared elements over all elements.
    static func jaccard<Element>(_ a: Set<Element>, _ b: Set<Element>) -> Double {
        Double(a.intersection(b).count) / Double(a.union(b).count)
    }

    /// The distinct runs of three consecutive stems.
    static func trigrams(_ stems: [Int]) -> Set<Trigram> {
        guard stems.count >= 3 else { return [] }
        return Set((0...(stems.count - 3)).map { Trigram(first: stems[$0], second: stems[$0 + 1], third: stems[$0 + 2]) })
    }

    /// The distinct scalar trigrams of " " + the words joined by " " + " ", each packed into 63
    /// bits (21 per scalar, enough for every code point).
    static func characterTrigrams(_ words: [Word]) -> Set<UInt64> {
        var text: [Unicode.Scalar] = [" "]
        for word in words {
            text.append(contentsOf: word)
            text.append(" ")
        }
        var result = Set<UInt64>(minimumCapacity: text.count)
        for start in 0...(text.count - 3) {
            result.insert(UInt64(text[start].value) << 42 | UInt64(text[start + 1].value) << 21 | UInt64(text[start + 2].value))
        }
        return result
    }

    /// The length of the longest common subsequence of `a` and `b`, in O(|b|) memory.
    static func longestCommonSubsequence(_ a: [Int], _ b: [Int]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
