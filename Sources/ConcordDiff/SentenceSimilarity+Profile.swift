extension SentenceSimilarity {
    /// A sentence measured once, so that it can be scored against many others cheaply: its stem
    /// sequence and the sorted sets the features are computed from.
    ///
    /// Made by a ``Profiler``; only profiles from the same profiler can be compared, because stems
    /// are numbered per profiler.
    public struct Profile: Sendable {
        /// The profiler that numbered the stems.
        let profiler: ObjectIdentifier
        /// The stem ids in sentence order.
        let stems: [Int32]
        /// The distinct stem ids, sorted.
        let stemSet: [Int32]
        /// The distinct runs of three consecutive stems, packed 21 bits per id, sorted.
        let stemTrigrams: [UInt64]
        /// The distinct character trigrams (see ``characterTrigrams(_:)``), sorted.
        let characterTrigrams: [UInt64]
        /// The distinct stem ids of number words (words starting with a digit), sorted.
        let numbers: [Int32]

        /// How many words the sentence has.
        public var wordCount: Int { stems.count }
    }

    /// Measures sentences into ``Profile``s that share one numbering of stems.
    ///
    /// Not thread-safe: use one profiler per thread, and compare only its own profiles.
    public final class Profiler {
        private var stemIDs: [Word: Int32] = [:]
        /// Stem ids must fit in 21 bits to pack three into a trigram key.
        private static let stemLimit = 1 << 21

        /// A profiler with no stems numbered yet.
        public init() {}

        /// The profile of `sentence`, or `nil` when it has no letters or digits.
        ///
        /// - Complexity: O(*n*) in the length of the sentence.
        public func profile(_ sentence: String) -> Profile? {
            let words = SentenceSimilarity.words(in: sentence)
            guard !words.isEmpty else { return nil }
            var numbers: [Int32] = []
            let stems = words.map { word -> Int32 in
                let id = id(of: SentenceSimilarity.stem(word))
                if SentenceSimilarity.isDigit(word[0]) { numbers.append(id) }
                return id
            }
            var trigrams: [UInt64] = []
            if stems.count >= 3 {
                for start in 0...(stems.count - 3) {
                    trigrams.append(UInt64(stems[start]) << 42 | UInt64(stems[start + 1]) << 21 | UInt64(stems[start + 2]))
                }
            }
            return Profile(
                profiler: ObjectIdentifier(self),
                stems: stems,
                stemSet: Self.sortedUnique(stems),
                stemTrigrams: Self.sortedUnique(trigrams),
                characterTrigrams: Self.sortedUnique(SentenceSimilarity.characterTrigrams(words)),
                numbers: Self.sortedUnique(numbers)
            )
        }

        private func id(of stem: Word) -> Int32 {
            if let id = stemIDs[stem] { return id }
            precondition(stemIDs.count < Self.stemLimit, "a profiler numbers at most 2,097,152 distinct stems")
            let id = Int32(stemIDs.count)
            stemIDs[stem] = id
            return id
        }

        private static func sortedUnique<ID: Comparable>(_ ids: [ID]) -> [ID] {
            var sorted = ids.sorted()
            var kept = 0
            for index in sorted.indices where index == 0 || sorted[index] != sorted[kept - 1] {
                sorted[kept] = sorted[index]
                kept += 1
            }
            sorted.removeLast(sorted.count - kept)
            return sorted
        }
    }

    /// The scalar trigrams of " " + the words joined by " " + " ", each packed into 63 bits (21
    /// per scalar, enough for every code point); repeated trigrams are repeated.
    static func characterTrigrams(_ words: [Word]) -> [UInt64] {
        var text: [Unicode.Scalar] = [" "]
        for word in words {
            text.append(contentsOf: word)
            text.append(" ")
        }
        return (0...(text.count - 3)).map {
            UInt64(text[$0].value) << 42 | UInt64(text[$0 + 1].value) << 21 | UInt64(text[$0 + 2].value)
        }
    }
}
