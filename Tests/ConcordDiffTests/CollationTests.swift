import Testing
@testable import ConcordDiff
import ConcordText

@Suite struct CollationTests {
    typealias Kind = PassageComparison.Difference.Kind

    let attack = "Rockets hit a coalition base near the Omar oil field on Tuesday night, a spokesman said."
    let launch = "The rockets were launched from an area near the town of Al-Mayadin on the western bank of the Euphrates."
    let response = "Coalition forces responded with artillery fire toward the launch site, the statement said."
    let claim = "No group immediately claimed responsibility for the attack on the base."
    let farmers = "Farmers in nearby villages say shrapnel from earlier salvoes has damaged their homes and pumps."

    func collate(_ reports: [String]) throws -> Collation {
        try Collation(reports: reports.enumerated().map { ("r\($0.offset + 1)", $0.element) })
    }

    /// The ranked differences as (kind, reference text, other text).
    func differences(_ collation: Collation) -> [(Kind, String, String)] {
        collation.rankedDifferences().map { ($0.difference.kind, $0.difference.referenceText, $0.difference.otherText) }
    }

    @Test func passagesAreSharedByAllBySomeOrUniqueWithAddsAndOmits() throws {
        let collation = try collate([
            [attack, launch, response, claim].joined(separator: " "),
            [attack, launch, claim, farmers].joined(separator: " "),
            [attack, launch, response].joined(separator: " "),
        ])
        #expect(collation.passages.count == 5)
        let coverage = collation.passages.indices.map { collation.coverage(of: $0) }
        #expect(coverage == [.all, .all, .some, .some, .one])
        #expect(collation.additions(of: 1) == [4], "only r2 tells of the farmers")
        #expect(collation.omissions(of: 1) == [2], "r2 leaves out the response both others carry")
        #expect(collation.omissions(of: 2) == [3], "both others carry the claim")
        #expect(collation.omissions(of: 0) == [], "the farmers are in one of the two others: not most of them")
        #expect(collation.notes.isEmpty)
    }

    @Test func aPassageTwoReportsAddToTheReferenceIsAnAdditionOfBoth() throws {
        let collation = try collate([
            [attack, launch, response].joined(separator: " "),
            [attack, launch, response, farmers].joined(separator: " "),
            [attack, farmers, launch].joined(separator: " "),
        ])
        let farmersPassage = try #require(collation.passages.indices.first { collation.passages[$0].reports == [1, 2] })
        #expect(collation.additions(of: 1) == [farmersPassage])
        #expect(collation.additions(of: 2) == [farmersPassage])
        #expect(collation.additions(of: 0) == [], "the reference's sentences are all carried by another report")
        #expect(collation.omissions(of: 0) == [farmersPassage], "both others carry the farmers")
    }

    @Test func aRewordedSentenceAlignsAcrossParaphrase() throws {
        let collation = try collate([
            attack + " " + claim,
            "A spokesman said rockets struck a coalition base close to the Omar oil field late on Tuesday. " + claim,
        ])
        #expect(collation.passages.count == 2)
        #expect(collation.passages.allSatisfy { $0.reports == [0, 1] })
    }

    @Test func aMovedPassageIsMarkedInTheReportThatMovedIt() throws {
        let collation = try collate([
            [attack, launch, response, claim].joined(separator: " "),
            [attack, claim, launch, response].joined(separator: " "),
        ])
        #expect(collation.passages.count == 4)
        #expect(collation.passages.map(\.movedIn) == [[], [], [], [1]])
    }

    @Test func everyReportsOpeningComesFirstAndEachReportReadsDownInItsOwnOrder() throws {
        let collation = try collate([
            [attack, launch, response, claim].joined(separator: " "),
            [claim, farmers].joined(separator: " "),
            [farmers, launch].joined(separator: " "),
        ])
        let openings = collation.passages.prefix(3).flatMap { passage in
            passage.sentences.indices.filter { passage.sentences[$0] == 0 }
        }
        #expect(Set(openings) == [0, 1, 2], "each report's first sentence is in the first three rows")
        let claimPassage = try #require(collation.passages.firstIndex { $0.reports == [0, 1] })
        #expect(collation.passages[claimPassage].movedIn == [0], "the claim r2 leads with is r1's last sentence")
        for report in 0..<3 {
            let told = collation.passages.filter { $0.sentences[report] != nil && !$0.movedIn.contains(report) }
            #expect(told.map { $0.sentences[report]! } == told.map { $0.sentences[report]! }.sorted())
        }
    }

    @Test func progressPassesThroughEveryStageInOrderAndNeverPastItsTotal() throws {
        var seen: [(Collation.Stage, Int, Int)] = []
        _ = try Collation(reports: [("r1", [attack, launch, claim].joined(separator: " ")),
                                    ("r2", [attack, response].joined(separator: " "))]) { seen.append(($0, $1, $2)) }
        var stages: [Collation.Stage] = []
        for (stage, _, _) in seen where stages.last != stage { stages.append(stage) }
        #expect(stages == [.reading, .scoring, .aligning, .comparing])
        #expect(seen.allSatisfy { $0.1 >= 0 && $0.1 < $0.2 })
    }

    @Test func theHeaviestIncreasingRunKeepsTheHeavyValues() {
        typealias Order = Collation.PassageOrder
        #expect(Order.heaviestIncreasingRun([0, 4, 2, 3], weights: [1, 1, 1, 1]) == [0, 2, 3])
        #expect(Order.heaviestIncreasingRun([0, 4, 2, 5], weights: [1, 9, 1, 1]) == [0, 1, 3])
        #expect(Order.heaviestIncreasingRun([3, 1, 2], weights: [1, 1, 1]) == [1, 2])
        #expect(Order.heaviestIncreasingRun([], weights: []) == [])
    }

    @Test func differentCountsConflictAndAreListedFirst() throws {
        let collation = try collate([
            "At least eight Katyusha missiles hit the base on Tuesday, officials said. Two soldiers were wounded in the attack on the base, officials said.",
            "Eight rockets hit the base on Tuesday, officials said. Three soldiers were wounded in the attack on the base, officials said.",
        ])
        let ranked = differences(collation)
        #expect(ranked.count == 2)
        #expect(ranked.first! == (Kind.numberConflict, "Two soldiers", "Three soldiers"))
        #expect(ranked.last! == (Kind.numberDetail, "At least eight Katyusha missiles", "Eight rockets"),
                "the same count with a qualifier and a more precise unit is detail, not a conflict")
    }

    @Test func spellingsOfOneNameAreNotADifferenceButAnotherPlaceIs() throws {
        let same = try collate([
            "Shelling hit a market in Deir ez-Zor on Monday, killing four people, residents said.",
            "Shelling hit a market in Deir Ezzor on Monday, killing four people, residents said.",
        ])
        #expect(same.rankedDifferences().isEmpty)
        #expect(!same.comparisons[0].diff.hasChanges)
        let other = try collate([
            "Shelling hit a market in Deir ez-Zor on Monday, killing four people, residents said.",
            "Shelling hit a market in Hasakah on Monday, killing four people, residents said.",
        ])
        let names = differences(other)
        #expect(names.count == 1)
        #expect(names.first! == (Kind.name, "Deir ez-Zor", "Hasakah"))
    }

    /// Found on real three-outlet events: a weekday standing where a name stood is a date, a
    /// hyphenated "one-on-one" is no count, and two numbers of different things ("minutes",
    /// "emails") do not conflict because the diff replaced one with the other.
    @Test func aChangedDateOrOrdinalConflictsEvenWhenItsValueRecursInTheSentence() throws {
        let date = try collate([
            "The ministry delayed the tariff increase until June 1, leaving negotiators one last push for a deal.",
            "The ministry delayed the tariff increase until June 4, leaving negotiators one last push for a deal.",
        ])
        #expect(differences(date).contains { $0.0 == .numberConflict && $0.1 == "1" && $0.2 == "4" })
        let ordinal = try collate([
            "The 45th president on Tuesday revealed his new website, which lets him post his thoughts.",
            "The 67th president on Tuesday revealed his new website, which lets him post his thoughts.",
        ])
        #expect(differences(ordinal).contains { $0.0 == .numberConflict })
    }

    @Test func weekdaysHyphenatedNumberWordsAndUnrelatedUnitsAreNotDifferences() throws {
        let weekday = try collate([
            "The speaker, Ms. Pelosi, met the president at the White House to discuss the bill.",
            "The speaker met the president on Wednesday at the White House to discuss the bill.",
        ])
        #expect(differences(weekday).isEmpty)
        let hyphenated = try collate([
            "The two leaders held a one-on-one meeting in Geneva that lasted into the evening.",
            "The two leaders held a three-hour meeting in Geneva that lasted into the evening.",
        ])
        #expect(differences(hyphenated).allSatisfy { $0.0 != .numberConflict || $0.1 != "one" })
        let units = try collate([
            "Twenty-three minutes after the blast, police sealed off the square and the station nearby.",
            "14 email alerts after the blast, police sealed off the square and the station nearby.",
        ])
        #expect(!differences(units).contains { $0.0 == .numberConflict })
        let counts = try collate([
            "At least eight rockets hit the base near the airport late on Tuesday night, officials said.",
            "At least 10 rockets hit the base near the airport late on Tuesday night, officials said.",
        ])
        #expect(differences(counts).contains { $0.0 == .numberConflict })
    }

    /// Two transliterations of one name in the same place are not a difference, even when
    /// their keys differ (the name matcher decides); a respelled name beside an added one is not
    /// a swap either; another person in that place still is.
    @Test func respelledNamesAreNotDifferencesButAnotherPersonIs() throws {
        for (a, b) in [("Qaddafi", "Gadhafi"), ("Gholam Reza", "Gholamreza"), ("Khashmar", "Kashmar")] {
            let respelled = try collate([
                "The spokesman said \(a) had ordered the convoy to leave the city before dawn on Friday.",
                "The spokesman said \(b) had ordered the convoy to leave the city before dawn on Friday.",
            ])
            #expect(!differences(respelled).contains { $0.0 == .name }, "\(a) / \(b)")
        }
        let added = try collate([
            "The sanctions list names KATRANGI, Hussam as the owner of the trading company in Beirut.",
            "The sanctions list names KATRANKI, Houssam Hashem as the owner of the trading company in Beirut.",
        ])
        #expect(!differences(added).contains { $0.0 == .name })
        let other = try collate([
            "The spokesman said Qaddafi had ordered the convoy to leave the city before dawn on Friday.",
            "The spokesman said Haftar had ordered the convoy to leave the city before dawn on Friday.",
        ])
        #expect(differences(other).contains { $0 == (.name, "Qaddafi", "Haftar") })
    }

    @Test func aBudgetThatCutsScoringShortIsReported() throws {
        let collation = try Collation(reports: [("a", attack + " " + launch), ("b", attack + " " + launch)],
                                      options: Collation.Options(pairBudget: 1))
        #expect(collation.notes.count == 1)
        #expect(collation.notes[0].contains("1 candidate sentence pairs were not scored"))
    }

    /// On long inputs the words in the most sentences stop proposing pairs once counting them
    /// passes the budget; the collation says so, and every sentence is still in a passage.
    @Test func aCountingBoundOnLongInputsIsReported() throws {
        let reports = [attack + " " + launch + " " + farmers, attack + " " + launch + " " + farmers]
        let full = try Collation(reports: [("a", reports[0]), ("b", reports[1])])
        #expect(full.notes.isEmpty)
        let bounded = try Collation(reports: [("a", reports[0]), ("b", reports[1])], options: Collation.Options(countingBudget: 3))
        #expect(bounded.notes.count == 1)
        #expect(bounded.notes[0].contains("were not used to find shared passages"))
        #expect(bounded.passages.count >= full.passages.count)
        #expect(bounded.passages.reduce(0) { $0 + $1.reports.count } == bounded.reports.reduce(0) { $0 + $1.sentences.count })
    }

    @Test func sentencesWithoutWordsAndPageFurnitureAreLeftOut() throws {
        let collation = try collate([attack + "\n\n***\n\nShare this article\n", attack])
        #expect(collation.reports[0].sentences.count == 1)
        #expect(collation.passages.count == 1)
    }

    @Test(arguments: [
        ("at least eight Katyusha missiles", 8.0, NumberMention.Bound.atLeast, 2),
        ("two hundred people", 200, .exact, 1),
        ("some 1,200 troops", 1_200, .about, 1),
        ("3.5 million barrels", 3_500_000, .exact, 1),
        ("twenty-five soldiers", 25, .exact, 1),
        ("up to 40 trucks", 40, .atMost, 1),
    ])
    func numbersAreReadWithTheirQualifierAndUnit(phrase: String, value: Double, bound: NumberMention.Bound, unitWords: Int) throws {
        let sentence = "Officials said \(phrase) were involved."
        let pipeline = TextPipeline(options: WordDiff.pipelineOptions)
        let mentions = NumberMention.mentions(in: Array(sentence.utf8), tokens: try pipeline.tokens(in: sentence))
        #expect(mentions.count == 1)
        #expect(mentions.first?.value == value)
        #expect(mentions.first?.bound == bound)
        #expect(mentions.first?.unit.count == unitWords)
        #expect(mentions.first.map { String(decoding: Array(sentence.utf8)[$0.phrase], as: UTF8.self) } == phrase)
    }

    @Test func profilesScoreExactlyAsTheSentencesDo() throws {
        let similarity = SentenceSimilarity()
        let profiler = SentenceSimilarity.Profiler()
        let sentences = [attack, launch, response, claim, farmers, "Ten rockets hit the Omar base on Tuesday, a spokesman said."]
        for a in sentences {
            for b in sentences {
                #expect(try similarity.score(profiler.profile(a)!, profiler.profile(b)!) == similarity.score(a, b))
            }
        }
    }
}

/// The check that `-DCONCORD_INVARIANTS` runs on the passage grouping's union-find.
@Suite struct PassageGroupingInvariantTests {
    /// Sentences 0 and 2 are of report 0, sentence 1 of report 1.
    @Test func aPassageWithTwoSentencesOfOneReportIsFound() {
        let report = [0, 1, 0]
        #expect(Collation.PassageGrouping.misgroupedSentence(parent: [0, 0, 2], report: report) == nil)
        #expect(Collation.PassageGrouping.misgroupedSentence(parent: [0, 0, 0], report: report) == 2)
        #expect(Collation.PassageGrouping.misgroupedSentence(parent: [0, 0, 1], report: report) == 2)
        #expect(Collation.PassageGrouping.misgroupedSentence(parent: [1, 1, 2], report: report) == 0)
    }
}
