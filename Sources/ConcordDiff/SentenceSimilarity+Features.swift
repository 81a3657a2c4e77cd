import ConcordText

extension SentenceSimilarity {
    /// The five lexical measurements of a sentence pair that the score combines.
    ///
    /// "Words" are the tokens of the normalized sentences (see ``Profiler``); "stems" are the
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
    ///   - profiler: the profiler to measure them with; `nil` makes one for this pair. Reuse one
    ///     to score many pairs: it measures each distinct word once.
    /// - Returns: the five measurements ``score(of:)`` combines.
    /// - Throws: `TextError` when ICU fails on a word.
    /// - Complexity: O(*n* + *m* + *w*·*v*) for sentences of *n* and *m* characters and *w* and *v*
    ///   words.
    public func features(_ a: String, _ b: String, profiler: Profiler? = nil) throws(TextError) -> Features? {
        let profiler = profiler ?? Profiler()
        guard let profileA = try profiler.profile(a), let profileB = try profiler.profile(b) else { return nil }
        return features(profileA, profileB)
    }

    /// The features of two sentences measured by the same ``Profiler``.
    ///
    /// - Complexity: O(*w* + *v* + *c* + *d* + *w*·*v*) for *w* and *v* words and *c* and *d*
    ///   character trigrams; the word-level longest common subsequence dominates for long
    ///   sentences.
    public func features(_ a: Profile, _ b: Profile) -> Features {
        precondition(a.profiler == b.profiler, "profiles from different profilers cannot be compared")
        let sharedNumbers = SortedIDs.intersectionCount(a.numbers, b.numbers)
        return Features(
            wordOverlap: SortedIDs.overlap(a.stemSet, b.stemSet),
            wordTrigramOverlap: SortedIDs.overlap(a.stemTrigrams, b.stemTrigrams),
            characterTrigramJaccard: SortedIDs.jaccard(a.characterTrigrams, b.characterTrigrams),
            unsharedNumbers: a.numbers.count + b.numbers.count - 2 * sharedNumbers,
            commonSubsequence: Double(Self.longestCommonSubsequence(a.stems, b.stems)) / Double(max(a.stems.count, b.stems.count))
        )
    }

    /// The score of two sentences measured by the same ``Profiler``.
    ///
    /// - Complexity: as ``features(_:_:)-(Profile,Profile)``.
    public func score(_ a: Profile, _ b: Profile) -> Double {
        score(of: features(a, b))
    }

    /// The length of the longest common subsequence of `a` and `b`, in O(|b|) memory.
    static func longestCommonSubsequence(_ a: [Int32], _ b: [Int32]) -> Int {
        var previous = [Int32](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return Int(previous[b.count])
    }
}

/// Set measures over sorted arrays of distinct ids.
enum SortedIDs {
    /// How many ids the two sorted arrays share.
    ///
    /// - Complexity: O(*n* + *m*).
    static func intersectionCount<ID: Comparable>(_ a: [ID], _ b: [ID]) -> Int {
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] { i += 1 } else if b[j] < a[i] { j += 1 } else { shared += 1; i += 1; j += 1 }
        }
        return shared
    }

    /// Shared ids over the size of the larger set; 0 when either set is empty.
    static func overlap<ID: Comparable>(_ a: [ID], _ b: [ID]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return Double(intersectionCount(a, b)) / Double(max(a.count, b.count))
    }

    /// Shared ids over all ids; 0 when both are empty.
    static func jaccard<ID: Comparable>(_ a: [ID], _ b: [ID]) -> Double {
        let shared = intersectionCount(a, b)
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }
}
