import ConcordText

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
    /// A sentence's words are the tokens of the text pipeline the diff reads it with
    /// (`WordDiff.pipelineOptions`), each in its plain normalized form (NFKC_Casefold, Arabic
    /// folding, non-Latin script transliterated; apostrophes and the commas inside numbers
    /// dropped), before name folding, so a sentence is normalized once for both the alignment
    /// score and the word diff. Each distinct word is measured once per profiler.
    ///
    /// Not thread-safe: use one profiler per thread, and compare only its own profiles.
    public final class Profiler {
        /// The pipeline whose tokens are profiled.
        let pipeline: TextPipeline
        /// What is known of each plain term of `pipeline`, by term index.
        private var words: [WordInfo?] = []
        private var stemIDs: [Word: Int32] = [:]
        /// Stem ids must fit in 21 bits to pack three into a trigram key.
        private static let stemLimit = 1 << 21

        /// One distinct word: its scalars, its stem's id, and whether it is a number.
        private struct WordInfo {
            var scalars: Word
            var stem: Int32
            var isNumber: Bool
        }

        /// A profiler with a pipeline of its own and no stems numbered yet.
        public init() {
            pipeline = TextPipeline(options: WordDiff.pipelineOptions)
        }

        /// A profiler that reads the tokens of `pipeline` (made with `WordDiff.pipelineOptions`).
        package init(pipeline: TextPipeline) {
            self.pipeline = pipeline
        }

        /// The profile of `sentence`, or `nil` when it has no words.
        ///
        /// - Complexity: O(*n*) in the length of the sentence.
        public func profile(_ sentence: String) throws(TextError) -> Profile? {
            profile(tokens: try pipeline.tokens(in: sentence))
        }

        /// The profile of a sentence that this profiler's pipeline tokenized, or `nil` when it
        /// has no words.
        ///
        /// - Complexity: O(*w*) in its words, plus O(*l*) per word this profiler has not seen.
        func profile(tokens: [Token]) -> Profile? {
            var numbers: [Int32] = [], stems: [Int32] = []
            var line: [Unicode.Scalar] = [" "]   // the words joined by spaces, a space at each end
            stems.reserveCapacity(tokens.count)
            for token in tokens {
                let word = info(of: token.plainTerm)
                guard !word.scalars.isEmpty else { continue }
                stems.append(word.stem)
                if word.isNumber { numbers.append(word.stem) }
                line += word.scalars
                line.append(" ")
            }
            guard !stems.isEmpty else { return nil }
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
                characterTrigrams: Self.sortedUnique(Self.characterTrigrams(line)),
                numbers: Self.sortedUnique(numbers)
            )
        }

        /// What is known of plain term `term`, measured on first sight.
        private func info(of term: Int32) -> WordInfo {
            let index = Int(term)
            if index < words.count, let known = words[index] { return known }
            if index >= words.count { words.append(contentsOf: repeatElement(nil, count: index + 1 - words.count)) }
            let scalars = Array(pipeline.text(ofTerm: term).unicodeScalars)
            let made = WordInfo(scalars: scalars, stem: id(of: SentenceSimilarity.stem(scalars)),
                                isNumber: scalars.first.map(SentenceSimilarity.isDigit) ?? false)
            words[index] = made
            return made
        }

        private func id(of stem: Word) -> Int32 {
            if let id = stemIDs[stem] { return id }
            precondition(stemIDs.count < Self.stemLimit, "a profiler numbers at most 2,097,152 distinct stems")
            let id = Int32(stemIDs.count)
            stemIDs[stem] = id
            return id
        }

        /// The scalar trigrams of `line`, each packed into 63 bits (21 per scalar, enough for
        /// every code point); repeated trigrams are repeated.
        private static func characterTrigrams(_ line: [Unicode.Scalar]) -> [UInt64] {
            (0...(line.count - 3)).map {
                UInt64(line[$0].value) << 42 | UInt64(line[$0 + 1].value) << 21 | UInt64(line[$0 + 2].value)
            }
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
}
