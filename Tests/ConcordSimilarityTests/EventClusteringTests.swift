import ConcordCorpus
import Testing
@testable import ConcordSimilarity

/// Events mode end to end, through `SimilarityPipeline`: three events told by three outlets each
/// in their own words (sharing names and numbers), two exact copies of one report, three
/// unrelated reports.
@Suite struct EventClusteringTests {
    struct Report {
        var title: String?
        var text: String
        var date: String?
        /// The event it tells of, or `nil` for an unrelated report.
        var event: String?
    }

    static let portFire = [
        Report(title: "Huge fire at Antwerp port chemical warehouse", text: """
            A fire broke out at a chemical warehouse run by Kesteren Logistics in the port of Antwerp on \
            Monday, sending a column of black smoke over the city. The fire brigade said 140 firefighters \
            were deployed and two workers were taken to hospital with burns. Mayor Bart De Wever urged \
            residents of the Berendrecht and Zandvliet districts to keep their windows closed.
            """, date: "2021-10-18T09:30:00Z", event: "fire"),
        Report(title: "Two hurt as blaze tears through Kesteren depot in Antwerp", text: """
            Two employees suffered burns when flames swept through a Kesteren Logistics storage depot at \
            Antwerp's port, officials said. Some 140 firefighters battled the blaze through Monday \
            afternoon as thick smoke drifted towards Berendrecht and Zandvliet. De Wever told people \
            living nearby to stay indoors and shut windows while air quality was measured.
            """, date: "2021-10-18", event: "fire"),
        Report(title: nil, text: """
            Antwerp residents in Zandvliet and Berendrecht were told to close their windows after a large \
            fire at a port warehouse holding chemicals for Kesteren Logistics. The city's fire service \
            sent 140 firefighters; two workers were treated in hospital for burns, mayor De Wever said on \
            Monday evening.
            """, date: "2021-10-19", event: "fire"),
    ]

    static let earthquake = [
        Report(title: "Magnitude 7.5 earthquake strikes northern Peru", text: """
            A magnitude 7.5 earthquake struck the Amazonas region of northern Peru early on Sunday, \
            damaging more than 700 homes and injuring at least 12 people, the civil defence institute \
            said. The quake's epicentre was near Santa Maria de Nieva at a depth of 112 kilometres. \
            President Pedro Castillo said he would travel to the area.
            """, date: "2021-11-28", event: "quake"),
        Report(title: "Peru quake injures 12, damages hundreds of houses", text: """
            At least 12 people were hurt and over 700 houses damaged when a 7.5 magnitude quake shook \
            Peru's Amazonas region on Sunday morning. Officials said the tremor was centred close to the \
            town of Santa Maria de Nieva, 112 kilometres underground. Pedro Castillo promised to visit \
            the affected towns.
            """, date: "2021-11-28T14:02:00-05:00", event: "quake"),
        Report(title: nil, text: """
            Residents of Santa Maria de Nieva ran into the streets on Sunday as a 7.5 earthquake hit the \
            Amazonas region of Peru. The civil defence institute counted 12 injured and 700 homes \
            damaged; the quake came from a depth of 112 kilometres. Castillo said he was heading to \
            Amazonas.
            """, date: "2021-11-29", event: "quake"),
    ]

    static let rateRise = [
        Report(title: "Norges Bank raises interest rate to 0.25 percent", text: """
            Norway's central bank raised its key interest rate to 0.25 percent from zero on Thursday, \
            becoming the first major Western central bank to tighten policy since the pandemic. \
            Governor Oystein Olsen said Norges Bank would most likely raise the rate again in December \
            as the economy recovers.
            """, date: "2021-09-23", event: "rates"),
        Report(title: "Norway becomes first in West to lift rates after pandemic", text: """
            Norges Bank lifted its policy rate from zero to 0.25 percent on Thursday and signalled a \
            further increase in December. Oystein Olsen, the governor, said Norway's economy had \
            recovered strongly and that the rate would likely rise again before the end of the year.
            """, date: "2021-09-23", event: "rates"),
        Report(title: nil, text: """
            The governor of Norges Bank, Oystein Olsen, announced on Thursday that the key interest rate \
            would rise to 0.25 percent from zero, with another increase probably in December. Norway is \
            the first Western economy to raise rates since the pandemic began.
            """, date: "2021-09-24", event: "rates"),
    ]

    static let unrelated = [
        Report(title: "Ajax beat Dortmund 4-0 in Champions League", text: """
            Ajax thrashed Borussia Dortmund 4-0 in Amsterdam on Tuesday, with Sebastien Haller scoring \
            twice and an own goal from Marco Reus putting the Dutch side ahead in group C.
            """, date: "2021-10-19", event: nil),
        Report(title: nil, text: """
            Gardeners should plant tulip bulbs in late autumn, at a depth of about three times their \
            height, in well drained soil that gets full sun in spring.
            """, date: "2021-10-18", event: nil),
        Report(title: "New phone has a folding screen", text: """
            The handset's folding screen opens to 7.6 inches, and the maker says its battery lasts two \
            days; it goes on sale in Seoul next month at about 1,800 dollars.
            """, date: "2021-11-28", event: nil),
    ]

    /// The corpus in input order: the events' reports interleaved, two exact copies of the
    /// second earthquake report, the unrelated reports.
    static let corpus: [Report] = {
        var reports: [Report] = []
        for index in 0..<3 { reports += [portFire[index], earthquake[index], rateRise[index]] }
        let copy = earthquake[1]
        reports += [copy, copy]
        return reports + unrelated
    }()

    /// Positions of the copies of `earthquake[1]`: it sits at 4, its copies at 9 and 10.
    static let copied = [4, 9, 10]

    /// The events of `corpus`: sets of positions.
    static let expectedEvents: Set<Set<Int>> = [[0, 3, 6], [1, 4, 7, 9, 10], [2, 5, 8], [11], [12], [13]]

    /// `corpus` without the copies, and its events.
    static let withoutCopies = Array(corpus.prefix(9) + corpus.suffix(3))
    static let expectedEventsWithoutCopies: Set<Set<Int>> = [[0, 3, 6], [1, 4, 7], [2, 5, 8], [9], [10], [11]]

    func documents(_ reports: [Report]) -> [Document] {
        reports.enumerated().map { index, report in
            Document(id: .integer(Int64(index)), text: report.text, title: report.title, date: report.date, origin: "test:\(index + 1)")
        }
    }

    /// Copies and events of `reports` (added in two batches, so a batch boundary falls inside each
    /// thread's run); `topTerms` replaces the default number of top terms per report.
    func run(_ reports: [Report], threads: Int = 1, readsDates: Bool = true, dateWindow: Int? = 3, topTerms: Int? = nil,
             keepsPairFeatures: Bool = false) throws -> (copies: ClusterReport, events: EventReport) {
        let pipeline = try SimilarityPipeline(settings: MatchingSettings(), threads: threads, collectsEventTerms: true,
                                              readsDates: readsDates)
        let documents = documents(reports)
        try pipeline.add(Array(documents.prefix(5)))
        try pipeline.add(Array(documents.dropFirst(5)))
        let copies = pipeline.cluster()
        var settings = EventSettings()
        settings.dateWindow = dateWindow
        if let topTerms { settings.neighbours.topTerms = topTerms }
        return (copies, pipeline.events(copies: copies, settings: settings, keepsPairFeatures: keepsPairFeatures))
    }

    /// The reports grouped by event: sets of positions.
    func groups(_ assignments: [EventAssignment]) -> Set<Set<Int>> {
        Set(Dictionary(grouping: assignments.indices, by: { assignments[$0].event }).values.map(Set.init))
    }

    @Test func keepsEventsApartUnrelatedReportsAloneAndCopiesTogether() throws {
        let (copies, events) = try run(Self.corpus)
        for group in groups(events.assignments) {
            let told = Set(group.map { Self.corpus[$0].event })
            #expect(told.count == 1 && (told.first! != nil || group.count == 1), "one event holds \(group.sorted())")
        }
        #expect(Set(Self.copied.map { events.assignments[$0].event }).count == 1)
        // The copies are one copy cluster, and the only one of more than one report.
        let clusters = copies.assignments.map(\.cluster)
        #expect(Set(Self.copied.map { clusters[$0] }).count == 1)
        #expect(Set(clusters).count == Self.corpus.count - 2)
    }

    /// Fails because report 4's copies pull it out of its event (see the next tests).
    @Test func groupsEachEventsReports() throws {
        let events = try run(Self.corpus).events
        withKnownIssue("copies count as a report's best neighbours in the pair features") {
            #expect(groups(events.assignments) == Self.expectedEvents)
        }
    }

    /// The corpus is fair: with every term of a report among its top terms, and no copies, each
    /// event is one.
    @Test func withEveryTermPostedAndNoCopiesEachEventIsOne() throws {
        #expect(groups(try run(Self.withoutCopies, topTerms: 1000).events.assignments) == Self.expectedEventsWithoutCopies)
    }

    /// Report 4 joins reports 1 and 7 on its own, but not with its two exact copies: they fill the
    /// first places of its neighbour list and set its best cosine to 1, so its rank and relative
    /// cosine features against 1 and 7 fall (with the default settings, pair probabilities of
    /// 0.06 to 0.18 against 0.93 for 1–7).
    @Test func aReportsCopiesDoNotPullItOutOfItsEvent() throws {
        let events = try run(Self.corpus, topTerms: 1000).events.assignments
        #expect(Set(Self.copied.map { events[$0].event }).count == 1)
        withKnownIssue("copies count as a report's best neighbours in the pair features") {
            #expect(events[4].event == events[1].event)
            #expect(groups(events) == Self.expectedEvents)
        }
    }

    @Test func eventsAreNumberedInInputOrderWithARepresentativeInside() throws {
        let events = try run(Self.corpus).events.assignments
        var next = 0
        for (index, assignment) in events.enumerated() {
            #expect(assignment.event <= next, "report \(index) opens event \(assignment.event), expected \(next)")
            if assignment.event == next { next += 1 }
            #expect(events[assignment.representative].event == assignment.event)
            if assignment.representative == index {
                #expect(assignment.similarity == 1)
            } else {
                #expect(assignment.similarity > 0 && assignment.similarity <= 1.0001, "report \(index)")
            }
        }
        #expect(next == Set(events.map(\.event)).count)
        // A copy is as like the representative as its original is.
        let copies = Self.copied.map { events[$0].similarity }
        #expect(copies.allSatisfy { abs($0 - copies[0]) < 1e-5 })
    }

    @Test func theEventsAreTheSameForAnyThreadCount() throws {
        let serial = try run(Self.corpus, threads: 1, keepsPairFeatures: true).events
        for threads in [2, 3] {
            let parallel = try run(Self.corpus, threads: threads, keepsPairFeatures: true).events
            #expect(parallel.assignments == serial.assignments, "threads \(threads)")
            #expect(parallel.pairs == serial.pairs, "threads \(threads)")
        }
    }

    @Test func pairFeaturesAreKeptOnlyWhenAsked() throws {
        #expect(try run(Self.corpus).events.pairs.isEmpty)
        let pairs = try run(Self.corpus, keepsPairFeatures: true).events.pairs
        #expect(!pairs.isEmpty)
        #expect(pairs.allSatisfy { $0.first < $0.second })
        #expect(zip(pairs, pairs.dropFirst()).allSatisfy { ($0.first, $0.second) < ($1.first, $1.second) })
        #expect(pairs.allSatisfy { $0.features.values.count == EventPairModel.names.count })
        #expect(pairs.allSatisfy { abs($0.probability - EventPairModel.fitted.probability($0.features)) < 1e-12 })
        // Copies are scored as alike as reports can be.
        let copyPair = pairs.first { $0.first == 9 && $0.second == 10 }
        #expect(copyPair.map { abs($0.features.values[0] - 1) < 1e-5 } == true)
    }

    /// Two reports of one kind of event at one place, a month apart: the same topic, not one event.
    static let monthApart = [
        Report(title: "Rockets hit Ain al-Asad air base in Iraq", text: """
            Three rockets struck the Ain al-Asad air base in Iraq's western Anbar province, which hosts \
            US-led coalition troops, the Iraqi military said. No casualties were reported. Coalition \
            spokesman Wayne Marotto said the rockets landed inside the base perimeter and an \
            investigation was under way.
            """, date: "2021-10-18", event: "rockets-october"),
        Report(title: "Rocket attack targets Ain al-Asad base in Anbar", text: """
            The Ain al-Asad air base in Anbar province, home to US-led coalition forces, was hit by three \
            rockets, Iraqi security officials said. Nobody was hurt. Wayne Marotto, the coalition's \
            spokesman, said the rockets fell within the perimeter of the base and that the attack was \
            being investigated.
            """, date: "2021-11-17", event: "rockets-november"),
    ]

    /// The month-apart reports' positions after the corpus.
    var monthApartPositions: (Int, Int) { (Self.corpus.count, Self.corpus.count + 1) }

    @Test func reportsAMonthApartAreNeverOneEventWithinAWindowOfThreeDays() throws {
        let (copies, events) = try run(Self.corpus + Self.monthApart, dateWindow: 3)
        let (october, november) = monthApartPositions
        #expect(copies.assignments[october].cluster != copies.assignments[november].cluster)
        #expect(events.assignments[october].event != events.assignments[november].event)
        // The rest is grouped as without them.
        #expect(groups(Array(events.assignments.prefix(Self.corpus.count))) == groups(try run(Self.corpus).events.assignments))
    }

    @Test func withDatesIgnoredReportsAMonthApartAreOneEvent() throws {
        let (october, november) = monthApartPositions
        let unread = try run(Self.corpus + Self.monthApart, readsDates: false, dateWindow: 3).events.assignments
        #expect(unread[october].event == unread[november].event)
        let unwindowed = try run(Self.corpus + Self.monthApart, readsDates: true, dateWindow: nil).events.assignments
        #expect(unwindowed[october].event == unwindowed[november].event)
        #expect(groups(unread) == groups(unwindowed))
    }

    /// Reports without a date (or with one that is no ISO 8601 date) are compared with every report.
    @Test func anUndatedReportJoinsItsEventWhateverItsDate() throws {
        var reports = Self.corpus + Self.monthApart
        reports[5].date = nil
        reports[8].date = "23 September 2021"
        reports[Self.corpus.count + 1].date = nil
        let events = try run(reports).events.assignments
        #expect(Set([2, 5, 8].map { events[$0].event }).count == 1)
        let (october, november) = monthApartPositions
        #expect(events[october].event == events[november].event)
    }
}
