import ConcordText

/// One report's sentence in a passage compared with the passage's reference sentence: the word
/// diff, and the numbers and names that differ.
public struct PassageComparison: Sendable {
    /// The passage's index in ``Collation/passages``.
    public let passage: Int
    /// The report whose sentence is compared.
    public let report: Int
    /// The report it is compared with (the passage's reference).
    public let reference: Int
    /// Reference sentence (old) → this report's sentence (new).
    public let diff: WordDiff
    /// Numbers and names that differ, in sentence order.
    public let differences: [Difference]

    /// Below this share of the sentence unchanged (`WordDiff.unchangedShare`) the sentence says
    /// the passage in other words: a word diff would replace nearly everything, so displays show
    /// the sentence whole, and only numbers counting the same thing are compared.
    public static let rewordedShare = 0.4

    /// Whether the sentence rewords its reference (see ``rewordedShare``).
    public var isReworded: Bool { diff.unchangedShare < Self.rewordedShare }

    /// The ``NameMatcher`` similarity at which two names standing in the same place of aligned
    /// sentences are one name's spellings. Lower than the matcher's own threshold for two names
    /// alone: the rest of the sentence already says the two stand for the same thing.
    static let sameNameSimilarity = 0.75

    /// Replacements longer than this many words on either side are rewrites, not a name swapped.
    static let nameReplacementWords = 8

    /// Something two aligned sentences state differently.
    public struct Difference: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable {
            /// Two numbers in the same place that cannot both be true (8 vs 10).
            case numberConflict = "number-conflict"
            /// Different names in the same place (a spelling variant of one name is not this).
            case name
            /// The same count stated with more or less detail ("at least eight Katyusha missiles"
            /// vs "eight rockets"), or estimates close to each other ("about 900" vs "880").
            case numberDetail = "number-detail"
        }

        public var kind: Kind
        /// The words in the reference sentence.
        public var referenceText: String
        /// The words in the compared sentence.
        public var otherText: String
    }

    /// Comparisons of every sentence of every passage with its reference, by passage then report.
    ///
    /// - Parameters:
    ///   - passages: the collation's passages.
    ///   - sentences: each report's sentences as `Collation` tokenized them, by report then
    ///     sentence; read, never tokenized again.
    ///   - names: decides whether two names in the same place are one name's spellings.
    /// - Complexity: O(Σ (*w* · *d*)) over aligned sentences of *w* words and *d* word edits.
    static func all(passages: [Collation.Passage], sentences: [[TokenizedText]], names: NameMatcher,
                    progress: Collation.Progress) throws(TextError) -> [PassageComparison] {
        var result: [PassageComparison] = []
        for (index, passage) in passages.enumerated() {
            if index & 255 == 0 { progress(.comparing, index, passages.count) }
            guard let referenceSentence = passage.sentences[passage.reference] else { continue }
            let old = sentences[passage.reference][referenceSentence]
            for report in passage.reports where report != passage.reference {
                let new = sentences[report][passage.sentences[report]!]
                let diff = WordDiff(old: old, new: new)
                let differences = try Self.differences(diff, old: old, new: new, names: names)
                result.append(PassageComparison(passage: index, report: report, reference: passage.reference,
                                                diff: diff, differences: differences))
            }
        }
        return result
    }

    /// The number and name differences between the two sides of a word diff.
    ///
    /// Numbers of equal value are paired first; a pair whose qualifier differs, or whose unit
    /// differs after the same word, is a difference of detail. Numbers left over are paired when
    /// the diff replaces one with the other or when they count the same unit: a conflict, unless
    /// they are close estimates (`NumberMention.isCloseEstimate(of:)`). Names differ where the diff
    /// replaces capitalized words with other capitalized words that the other sentence does not
    /// have anywhere, in a replacement of at most ``nameReplacementWords`` words a side, unless
    /// `names` finds them spellings of one name (at ``sameNameSimilarity``). In a reworded
    /// sentence, only numbers that count the same unit are compared.
    ///
    /// `oldText` and `newText` are the diff's two sides as they were tokenized for it.
    ///
    /// - Complexity: O(*w* · *r*) for *w* words and *r* replacements.
    static func differences(
        _ diff: WordDiff, old oldText: TokenizedText, new newText: TokenizedText, names: NameMatcher
    ) throws(TextError) -> [Difference] {
        let reworded = diff.unchangedShare < rewordedShare
        let old = oldText.utf8, new = newText.utf8
        let oldTokens = oldText.tokens, newTokens = newText.tokens
        let oldNumbers = NumberMention.mentions(in: old, tokens: oldTokens)
        var newNumbers = NumberMention.mentions(in: new, tokens: newTokens)
        var result: [Difference] = []
        func text(_ bytes: [UInt8], _ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func record(_ kind: Difference.Kind, _ a: NumberMention, _ b: NumberMention) {
            result.append(Difference(kind: kind, referenceText: text(old, a.phrase), otherText: text(new, b.phrase)))
        }
        // Equal values pair up in the same context first ("one last push" with "one last push"),
        // so that a value repeated elsewhere in the sentence ("June 1") is not taken for it.
        var unpaired = oldNumbers
        let sameContext: [(NumberMention, NumberMention) -> Bool] = [
            { $0.before == $1.before && $0.unit == $1.unit }, { $0.unit == $1.unit }, { _, _ in true },
        ]
        for context in sameContext {
            var left: [NumberMention] = []
            for mention in unpaired {
                guard let match = newNumbers.firstIndex(where: { $0.value == mention.value && context(mention, $0) }) else {
                    left.append(mention)
                    continue
                }
                let other = newNumbers.remove(at: match)
                if !reworded && (other.bound != mention.bound || (other.unit != mention.unit && other.before == mention.before)) {
                    record(.numberDetail, mention, other)
                }
            }
            unpaired = left
        }
        let replacements = reworded ? [] : Self.replacements(in: diff)
        let oldNames = NameSet(bytes: old, tokens: oldTokens), newNames = NameSet(bytes: new, tokens: newTokens)
        for mention in unpaired {
            guard let match = newNumbers.firstIndex(where: { other in
                (!mention.unit.isEmpty && other.unit.first == mention.unit.first)
                    || (mention.hasCompatibleUnit(other)
                        && replacements.contains { $0.old.overlaps(mention.number) && $0.new.overlaps(other.number) })
            }) else { continue }
            let other = newNumbers.remove(at: match)
            record(mention.isCloseEstimate(of: other) ? .numberDetail : .numberConflict, mention, other)
        }
        for replacement in replacements where oldNames.wordCount(in: replacement.old) <= nameReplacementWords
            && newNames.wordCount(in: replacement.new) <= nameReplacementWords {
            let removed = oldNames.runs(in: replacement.old, absentFrom: newNames)
            let added = newNames.runs(in: replacement.new, absentFrom: oldNames)
            guard !removed.isEmpty, !added.isEmpty,
                  try names.similarity(removed.joined(separator: " "), added.joined(separator: " ")) < Self.sameNameSimilarity
            else { continue }
            // A run respelled on the other side is no swap, even beside a name added ("KATRANGI"
            // → "KATRANKI, Hashem"): only runs without a spelling on the other side differ.
            var respelledAdded = Set<Int>(), differingRemoved: [String] = []
            for run in removed {
                var respelled = false
                for (index, other) in added.enumerated() {
                    if try names.similarity(run, other) >= Self.sameNameSimilarity {
                        respelledAdded.insert(index)
                        respelled = true
                    }
                }
                if !respelled { differingRemoved.append(run) }
            }
            let differingAdded = added.indices.filter { !respelledAdded.contains($0) }.map { added[$0] }
            guard !differingRemoved.isEmpty, !differingAdded.isEmpty else { continue }
            result.append(Difference(kind: .name, referenceText: differingRemoved.joined(separator: ", "),
                                     otherText: differingAdded.joined(separator: ", ")))
        }
        return result
    }

    /// Deleted text next to inserted text: the diff replaced the one with the other.
    static func replacements(in diff: WordDiff) -> [(old: Range<Int>, new: Range<Int>)] {
        var result: [(old: Range<Int>, new: Range<Int>)] = []
        for (first, second) in zip(diff.hunks, diff.hunks.dropFirst()) {
            switch (first, second) {
            case let (.deleted(old), .inserted(new)), let (.inserted(new), .deleted(old)): result.append((old, new))
            default: break
            }
        }
        return result
    }
}

/// The words of a sentence as names are compared: normalized ids (so spellings of one name
/// match) and lowercase forms without a possessive ("Syria's" and "Syria" match).
struct NameSet {
    let bytes: [UInt8]
    let tokens: [Token]
    private let ids: Set<UInt64>
    private let forms: Set<String>

    init(bytes: [UInt8], tokens: [Token]) {
        self.bytes = bytes
        self.tokens = tokens
        ids = Set(tokens.map(\.id))
        forms = Set(tokens.map { Self.form(of: String(decoding: bytes[$0.range], as: UTF8.self)) })
    }

    /// How many words start inside `range`.
    func wordCount(in range: Range<Int>) -> Int { tokens.count { range.contains($0.range.lowerBound) } }

    /// Whether this sentence has `token` of `sentence`, by id or by lowercase form.
    func has(_ token: Token, of sentence: NameSet) -> Bool {
        ids.contains(token.id) || forms.contains(Self.form(of: String(decoding: sentence.bytes[token.range], as: UTF8.self)))
    }

    /// The runs of capitalized words (or words in a script without case) inside `range`, other
    /// than function words, days and months, the sentence's first word, and words `others` also
    /// has.
    func runs(in range: Range<Int>, absentFrom others: NameSet) -> [String] {
        var runs: [Range<Int>] = []
        for (index, token) in tokens.enumerated() where index > 0 && range.contains(token.range.lowerBound) {
            let first = bytes[token.range.lowerBound]
            let word = String(decoding: bytes[token.range], as: UTF8.self)
            let joinsRun = runs.last.map { Self.joinsName(bytes[$0.upperBound..<token.range.lowerBound]) } ?? false
            let capitalized = (0x41...0x5A).contains(first) || first >= 0xC0
            // A short lowercase particle between capitalized words belongs to the name (Mohammed bin Salman).
            let particle = joinsRun && !capitalized && word.utf8.count <= 3 && index + 1 < tokens.count
                && Self.joinsName(bytes[token.range.upperBound..<tokens[index + 1].range.lowerBound])
                && (0x41...0x5A).contains(bytes[tokens[index + 1].range.lowerBound])
            guard (capitalized && !NameFolding.isFunctionWord(word.lowercased()) && !Self.calendarWords.contains(word.lowercased())) || particle,
                  !others.has(token, of: self) else { continue }
            if joinsRun, let last = runs.last {
                runs[runs.count - 1] = last.lowerBound..<token.range.upperBound
            } else {
                runs.append(token.range)
            }
        }
        return runs.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// Days of the week and months: capitalized, but a date, not a name ("Wednesday").
    static let calendarWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// Whether the bytes between two words keep them in one name: spaces and hyphens, or a short
    /// lowercase article hyphenated to the next word, which the pipeline drops (Deir ez-Zor).
    private static func joinsName(_ gap: ArraySlice<UInt8>) -> Bool {
        let letters = gap.filter { $0 != 0x20 && $0 != 0x2D }
        return letters.isEmpty || (letters.count <= 3 && letters.allSatisfy { (0x61...0x7A).contains($0) } && gap.last == 0x2D)
    }

    private static func form(of word: String) -> String {
        let lower = word.lowercased()
        for suffix in ["'s", "\u{2019}s"] where lower.hasSuffix(suffix) { return String(lower.dropLast(2)) }
        return lower
    }
}
