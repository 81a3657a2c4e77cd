import ConcordText

/// A count or amount stated in a sentence: "at least eight Katyusha missiles", "1,200 people",
/// "two hundred", "3.5 million".
///
/// The value is read from digits (with thousands commas and a decimal point, or an ordinal's
/// suffix: "20th") or English number words, combined as written ("two hundred", "1.5 million",
/// "twenty-five"). A qualifier before it
/// ("at least", "up to", "about", …) makes it a bound or an estimate. Its unit is the words after
/// it, up to three, ending at the first plural ("Katyusha missiles", "people") and before a
/// preposition, article, conjunction or auxiliary verb.
struct NumberMention: Equatable {
    /// What the qualifier says about the value.
    enum Bound: Equatable {
        case exact, atLeast, atMost, about
    }

    var value: Double
    var bound: Bound
    /// The whole phrase, qualifier to unit, as UTF-8 byte offsets of the sentence.
    var phrase: Range<Int>
    /// The number words alone.
    var number: Range<Int>
    /// The normalized id of the word before the phrase, if any.
    var before: UInt64?
    /// The normalized ids of the unit words.
    var unit: [UInt64]

    /// Whether two different values are estimates close enough to be the same count told
    /// loosely: at least one says "about" (or "nearly", "some", …) and they are within 20% of each
    /// other. Bounds do not count: "at least eight" against "ten" is a conflict an analyst wants
    /// to see.
    func isCloseEstimate(of other: NumberMention) -> Bool {
        guard bound == .about || other.bound == .about else { return false }
        let larger = max(abs(value), abs(other.value))
        return abs(value - other.value) <= 0.2 * larger
    }

    /// The number mentions of a sentence, from its tokens (as `TextPipeline` gives them).
    ///
    /// - Complexity: O(*w*) for *w* tokens.
    static func mentions(in sentence: [UInt8], tokens: [Token]) -> [NumberMention] {
        let words = tokens.map { lowercased(sentence[$0.range]) }
        var mentions: [NumberMention] = []
        var index = 0
        while index < tokens.count {
            guard numberWord(words[index]) != nil else { index += 1; continue }
            var end = index + 1
            while end < tokens.count, numberWord(words[end]) != nil,
                  sentence[tokens[end - 1].range.upperBound..<tokens[end].range.lowerBound].allSatisfy({ $0 == 0x20 || $0 == 0x2D }) {
                end += 1
            }
            guard let value = combinedValue(words[index..<end]),
                  !isHyphenatedToWord(index..<end, sentence: sentence, tokens: tokens, words: words) else { index = end; continue }
            let (bound, qualifierLength) = qualifier(before: index, words: words)
            var unitEnd = end
            while unitEnd < tokens.count, unitEnd - end < 3, numberWord(words[unitEnd]) == nil,
                  !unitStops.contains(words[unitEnd]),
                  sentence[tokens[unitEnd - 1].range.upperBound..<tokens[unitEnd].range.lowerBound].allSatisfy({ $0 == 0x20 || $0 == 0x2D }) {
                unitEnd += 1
                if isPlural(words[unitEnd - 1]) { break }
            }
            let first = index - qualifierLength
            mentions.append(NumberMention(
                value: value, bound: bound,
                phrase: tokens[first].range.lowerBound..<tokens[unitEnd - 1].range.upperBound,
                number: tokens[index].range.lowerBound..<tokens[end - 1].range.upperBound,
                before: first > 0 ? tokens[first - 1].id : nil,
                unit: tokens[end..<unitEnd].map(\.id)))
            index = unitEnd
        }
        return mentions
    }

    /// Whether the spelled-out number run `run` is part of a hyphenated word rather than a count:
    /// "one-on-one", "a one-sided vote", "first-hand". Digits stay counts ("a 5-year-old").
    private static func isHyphenatedToWord(_ run: Range<Int>, sentence: [UInt8], tokens: [Token], words: [String]) -> Bool {
        guard let first = words[run.lowerBound].utf8.first, !(0x30...0x39).contains(first) else { return false }
        func hyphenOnly(_ gap: ArraySlice<UInt8>) -> Bool { gap.count == 1 && gap.first == 0x2D }
        if run.upperBound < tokens.count, numberWord(words[run.upperBound]) == nil,
           hyphenOnly(sentence[tokens[run.upperBound - 1].range.upperBound..<tokens[run.upperBound].range.lowerBound]) {
            return true
        }
        return run.lowerBound > 0 && numberWord(words[run.lowerBound - 1]) == nil
            && hyphenOnly(sentence[tokens[run.lowerBound - 1].range.upperBound..<tokens[run.lowerBound].range.lowerBound])
    }

    /// Whether two mentions could count the same thing by their units: one of them has none, or
    /// both start with the same word. "Twenty-three minutes" and "14 email" cannot.
    func hasCompatibleUnit(_ other: NumberMention) -> Bool {
        unit.isEmpty || other.unit.isEmpty || unit.first == other.unit.first
    }

    /// The qualifier ending just before word `index`, and how many words it takes.
    private static func qualifier(before index: Int, words: [String]) -> (Bound, Int) {
        for length in [3, 2, 1] where index >= length {
            let phrase = words[(index - length)..<index].joined(separator: " ")
            if let bound = qualifiers[phrase] { return (bound, length) }
        }
        return (.exact, 0)
    }

    private static let qualifiers: [String: Bound] = [
        "at least": .atLeast, "more than": .atLeast, "over": .atLeast, "upwards of": .atLeast, "as many as": .atLeast,
        "at most": .atMost, "up to": .atMost, "fewer than": .atMost, "less than": .atMost, "under": .atMost,
        "about": .about, "around": .about, "nearly": .about, "almost": .about, "some": .about, "roughly": .about,
        "approximately": .about, "an estimated": .about, "close to": .about, "estimated": .about,
    ]

    /// Words a unit never runs into: prepositions, articles, conjunctions, auxiliaries, pronouns.
    private static let unitStops: Set<String> = [
        "a", "an", "the", "of", "in", "on", "at", "to", "from", "by", "for", "with", "without", "and", "or", "but",
        "near", "after", "before", "during", "since", "while", "into", "across", "as", "that", "which", "who",
        "was", "were", "is", "are", "be", "been", "had", "has", "have", "will", "would", "could", "said", "says",
        "they", "it", "he", "she", "we", "their", "its", "his", "her",
    ]

    /// A plural noun ends a unit: "missiles", "people", "children" (not "-ss" words like "press").
    private static func isPlural(_ word: String) -> Bool {
        ["people", "children", "men", "women", "police"].contains(word) || (word.hasSuffix("s") && !word.hasSuffix("ss"))
    }

    /// What a number word contributes: a value, or a multiplier.
    private enum Part { case value(Double), multiplier(Double, closesGroup: Bool) }

    private static func numberWord(_ word: String) -> Part? {
        if let value = units[word] { return .value(value) }
        switch word {
        case "hundred": return .multiplier(100, closesGroup: false)
        case "dozen": return .multiplier(12, closesGroup: false)
        case "thousand": return .multiplier(1_000, closesGroup: true)
        case "million": return .multiplier(1_000_000, closesGroup: true)
        case "billion": return .multiplier(1_000_000_000, closesGroup: true)
        default: break
        }
        let digits = ordinalDigits(word) ?? Substring(word)
        guard let first = digits.utf8.first, (0x30...0x39).contains(first),
              digits.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2C || $0 == 0x2E }),
              let value = Double(digits.filter { $0 != "," }) else { return nil }
        return .value(value)
    }

    /// The digits of an ordinal written with them ("20th", "1st", "45th": a date, a rank, a
    /// session, which differ as counts do), or `nil`.
    private static func ordinalDigits(_ word: String) -> Substring? {
        guard word.utf8.count > 2, ["st", "nd", "rd", "th"].contains(word.suffix(2)) else { return nil }
        let digits = word.dropLast(2)
        return digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) ? digits : nil
    }

    private static let units: [String: Double] = {
        let names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                     "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        var table: [String: Double] = [:]
        for (value, name) in names.enumerated() { table[name] = Double(value) }
        for (index, name) in tens.enumerated() { table[name] = Double(20 + 10 * index) }
        return table
    }()

    /// "two hundred" = 200, "1.5 million" = 1,500,000, "twenty five" = 25; `nil` for a run that
    /// is only multipliers ("hundred").
    private static func combinedValue(_ words: ArraySlice<String>) -> Double? {
        var total = 0.0, group = 0.0, sawValue = false
        for word in words {
            switch numberWord(word) {
            case .value(let value)?:
                group += value
                sawValue = true
            case .multiplier(let factor, let closesGroup)?:
                guard sawValue else { return nil }
                if closesGroup { total += group * factor; group = 0 } else { group *= factor }
            case nil:
                return nil
            }
        }
        return sawValue ? total + group : nil
    }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
