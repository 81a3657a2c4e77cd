import Testing
@testable import ConcordSimilarity

@Suite struct CalendarDayTests {
    /// Expected day numbers computed independently (Python: `(date.fromisoformat(s) - date(1970, 1, 1)).days`).
    @Test(arguments: [
        ("1970-01-01", 0),
        ("1969-12-31", -1),
        ("2021-10-18", 18918),
        ("2020-02-29", 18321),
        ("2000-03-01", 11017),
        ("1900-03-01", -25508),
        ("2024-12-31", 20088),
    ])
    func readsTheDayOfADate(text: String, days: Int32) {
        #expect(CalendarDay.days(fromISO8601: text) == days)
    }

    @Test(arguments: ["2021-10-18T14:30:00Z", "2021-10-18T14:30:00+02:00", "2021-10-18 09:00", "2021-10-18T23:59:59.999-05:00"])
    func aTimeAfterTheDateDoesNotChangeTheDay(text: String) {
        #expect(CalendarDay.days(fromISO8601: text) == 18918)
    }

    @Test(arguments: [
        "2021-02-29",   // not a leap year
        "1900-02-29",   // divisible by 100, not by 400
        "2021-04-31",   // April has 30 days
        "2021-13-01",   // month 13
        "2021-00-10",   // month 0
        "2021-10-00",   // day 0
        "2021-10-32",
        "2021-1-18",    // too short a month
        "2021/10/18",
        "21-10-18",
        "2021-10-1",
        "2021-1a-18",
        "yesterday",
        "Mon, 18 Oct 2021 10:00:00 GMT",
        "",
    ])
    func refusesWhatIsNoCalendarDate(text: String) {
        #expect(CalendarDay.days(fromISO8601: text) == nil)
    }

    @Test func acceptsLeapDaysOfLeapYearsOnly() {
        #expect(CalendarDay.days(fromISO8601: "2000-02-29") != nil)
        #expect(CalendarDay.days(fromISO8601: "2024-02-29") != nil)
        #expect(CalendarDay.days(fromISO8601: "2100-02-29") == nil)
    }

    /// Every day of four years, leap day included, is the day before's plus one.
    @Test func consecutiveDatesAreConsecutiveDays() {
        var previous = CalendarDay.days(fromISO8601: "2019-12-31")!
        var checked = 0
        for year in 2020...2023 {
            for month in 1...12 {
                for day in 1...CalendarDay.daysIn(month: month, year: year) {
                    let text = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
                    let days = CalendarDay.days(fromISO8601: text)
                    #expect(days == previous + 1, "\(text)")
                    previous = days ?? previous + 1
                    checked += 1
                }
            }
        }
        #expect(checked == 3 * 365 + 366)
    }
}

@Suite struct TermNumbersTests {
    @Test func numbersTermsInTheOrderFirstSeen() {
        var numbers = TermNumbers()
        #expect(numbers.number(of: 900, countsDocument: true) == 0)
        #expect(numbers.number(of: 7, countsDocument: true) == 1)
        #expect(numbers.number(of: 900, countsDocument: true) == 0)
        #expect(numbers.number(of: 0, countsDocument: true) == 2)
        #expect(numbers.number(of: 7, countsDocument: false) == 1)
        #expect(numbers.count == 3)
    }

    @Test func countsDocumentsOnlyWhenAsked() {
        var numbers = TermNumbers()
        _ = numbers.number(of: 1, countsDocument: true)
        _ = numbers.number(of: 1, countsDocument: true)
        _ = numbers.number(of: 1, countsDocument: false)
        _ = numbers.number(of: 2, countsDocument: false)
        _ = numbers.number(of: 2, countsDocument: false)
        _ = numbers.number(of: 3, countsDocument: false)
        _ = numbers.number(of: 3, countsDocument: true)
        #expect(numbers.documentFrequencies == [2, 0, 1])
    }

    /// Far more ids than the first table holds (1,024 slots), many of them landing on one slot,
    /// so the table grows several times and probes long runs: every id keeps its first number.
    @Test func manyIdsKeepTheirNumbersAsTheTableGrows() {
        var generator = SplitMix64(seed: 3)
        var ids = (0..<6000).map { _ in generator.next() }
        ids += (1...2000).map { UInt64($0) << 20 }   // equal in their low 20 bits
        ids += [0, UInt64.max]
        var numbers = TermNumbers()
        for (index, id) in ids.enumerated() {
            #expect(numbers.number(of: id, countsDocument: true) == UInt32(index))
        }
        for (index, id) in ids.enumerated().reversed() {
            #expect(numbers.number(of: id, countsDocument: index % 2 == 0) == UInt32(index))
        }
        #expect(numbers.count == ids.count)
        #expect(numbers.documentFrequencies == ids.indices.map { $0 % 2 == 0 ? 2 : 1 })
    }
}

@Suite struct TokenCounterTests {
    func appendDocuments(_ documents: [[[UInt64]]], to table: inout TermCountTable<UInt64>, counter: inout TokenCounter) {
        for parts in documents {
            withBuffers(parts) { table.appendDocument(tokens: $0, counter: &counter) }
        }
    }

    /// Calls `body` with buffers over each of `parts`.
    func withBuffers(_ parts: [[UInt64]], _ body: ([UnsafeBufferPointer<UInt64>]) -> Void) {
        func nest(_ index: Int, _ buffers: [UnsafeBufferPointer<UInt64>]) {
            guard index < parts.count else { return body(buffers) }
            parts[index].withUnsafeBufferPointer { nest(index + 1, buffers + [$0]) }
        }
        nest(0, [])
    }

    func document(_ table: TermCountTable<UInt64>, _ index: Int) -> [(UInt64, UInt16)] {
        table.range(index).map { (table.terms[$0], table.counts[$0]) }
    }

    @Test func countsEachDistinctTokenOnceInTheOrderFirstSeen() {
        var table = TermCountTable<UInt64>(), counter = TokenCounter()
        appendDocuments([[[5, 3, 5, 9, 3, 5]]], to: &table, counter: &counter)
        #expect(table.count == 1)
        #expect(table.terms == [5, 3, 9])
        #expect(table.counts == [3, 2, 1])
    }

    @Test func countsThePartsOfADocumentTogether() {
        var table = TermCountTable<UInt64>(), counter = TokenCounter()
        appendDocuments([[[8, 1], [], [1, 2, 8, 8]]], to: &table, counter: &counter)
        #expect(document(table, 0).map(\.0) == [8, 1, 2])
        #expect(document(table, 0).map(\.1) == [3, 2, 1])
    }

    /// The counter is empty again after each document: the next counts only its own tokens.
    @Test func eachDocumentCountsOnlyItsOwnTokens() {
        var table = TermCountTable<UInt64>(), counter = TokenCounter()
        appendDocuments([[[1, 2, 2]], [[2, 3]], [[]], [[0, 0, 1]]], to: &table, counter: &counter)
        #expect(table.count == 4)
        #expect(table.offsets == [0, 2, 4, 4, 6])
        #expect(document(table, 0).map(\.0) == [1, 2] && document(table, 0).map(\.1) == [1, 2])
        #expect(document(table, 1).map(\.0) == [2, 3] && document(table, 1).map(\.1) == [1, 1])
        #expect(document(table, 2).isEmpty)
        #expect(document(table, 3).map(\.0) == [0, 1] && document(table, 3).map(\.1) == [2, 1])
    }

    /// More distinct tokens than the counter's first table takes (4,096 slots, grown when half
    /// full), with tokens sharing their low bits, against a dictionary.
    @Test func aLongDocumentCountsAsADictionaryDoes() {
        var generator = SplitMix64(seed: 9)
        let distinct = (0..<3000).map { _ in generator.next() } + (1...1500).map { UInt64($0) << 16 }
        let tokens = (0..<40_000).map { _ in distinct[Int(generator.next() % UInt64(distinct.count))] }
        var expected: [UInt64: UInt16] = [:], firstSeen: [UInt64] = []
        for token in tokens {
            if expected[token] == nil { firstSeen.append(token) }
            expected[token, default: 0] += 1
        }
        var table = TermCountTable<UInt64>(), counter = TokenCounter()
        appendDocuments([[tokens], [[42, 42]]], to: &table, counter: &counter)
        #expect(document(table, 0).map(\.0) == firstSeen)
        #expect(document(table, 0).map(\.1) == firstSeen.map { expected[$0]! })
        #expect(document(table, 1).map(\.0) == [42] && document(table, 1).map(\.1) == [2])
    }

    @Test func countsStopAtTheLargestCount() {
        var table = TermCountTable<UInt64>(), counter = TokenCounter()
        appendDocuments([[[UInt64](repeating: 4, count: 70_000) + [6]]], to: &table, counter: &counter)
        #expect(table.terms == [4, 6])
        #expect(table.counts == [UInt16.max, 1])
    }

    @Test func removingEveryDocumentLeavesAnEmptyTable() {
        var table = TermCountTable<UInt64>(), counter = TokenCounter()
        appendDocuments([[[1, 2]], [[3]]], to: &table, counter: &counter)
        table.removeAll()
        #expect(table == TermCountTable<UInt64>())
        appendDocuments([[[3, 3]]], to: &table, counter: &counter)
        #expect(table.count == 1 && table.terms == [3] && table.counts == [2])
    }
}

/// A test value ranked by its score (higher first), ties by its tag (lower first).
struct Tagged: Ranked, Equatable {
    var score: Int
    var tag: Int

    static func precedes(_ x: Tagged, _ y: Tagged) -> Bool { x.score != y.score ? x.score > y.score : x.tag < y.tag }
}

@Suite struct BestTests {
    func stream(_ length: Int, scores: Int, generator: inout SplitMix64) -> [Tagged] {
        (0..<length).map { Tagged(score: Int(generator.next() % UInt64(scores)), tag: $0) }.shuffled(using: &generator)
    }

    /// Random streams with many ties, of every length around the buffer's size, against a full sort.
    @Test(arguments: [1, 2, 3, 10, 40])
    func keepsTheBestInOrder(count: Int) {
        var generator = SplitMix64(seed: UInt64(count))
        for length in [0, 1, count - 1, count, count + 1, 2 * count - 1, 2 * count, 2 * count + 1, 7 * count + 3, 1000] {
            for scores in [3, 1000] {
                let values = stream(length, scores: scores, generator: &generator)
                var best = Best<Tagged>(count: count)
                for value in values { best.insert(value) }
                #expect(best.sorted() == Array(values.sorted(by: Tagged.precedes).prefix(count)), "length \(length), scores \(scores)")
            }
        }
    }

    @Test func keepsAllWhenFewerCome() {
        var best = Best<Tagged>(count: 10)
        for value in [Tagged(score: 1, tag: 0), Tagged(score: 5, tag: 1), Tagged(score: 3, tag: 2)] { best.insert(value) }
        #expect(best.sorted().map(\.score) == [5, 3, 1])
    }

    /// Equal scores are kept by the tie-break of the order, whatever order they come in.
    @Test func breaksTiesByTheOrder() {
        var best = Best<Tagged>(count: 3)
        for tag in [9, 4, 7, 1, 8, 2, 6, 3, 5, 0] { best.insert(Tagged(score: 1, tag: tag)) }
        best.insert(Tagged(score: 0, tag: -1))
        #expect(best.sorted() == [Tagged(score: 1, tag: 0), Tagged(score: 1, tag: 1), Tagged(score: 1, tag: 2)])
    }

    /// Neighbours rank by cosine, then the earlier document.
    @Test func ranksNeighboursByCosineThenDocument() {
        var best = Best<Neighbour>(count: 3)
        for (document, cosine) in [(5, 0.5), (2, 0.5), (9, 0.9), (1, 0.1), (3, 0.5)] as [(Int32, Float)] {
            best.insert(Neighbour(document: document, cosine: cosine))
        }
        #expect(best.sorted().map(\.document) == [9, 2, 3])
    }

    /// Emptied, it forgets the last one kept: a weaker stream is kept in full.
    @Test func removingAllStartsAfresh() {
        var best = Best<Tagged>(count: 2)
        for score in [10, 20, 30, 40, 50] { best.insert(Tagged(score: score, tag: 0)) }
        #expect(best.sorted().map(\.score) == [50, 40])
        best.removeAll()
        for score in [1, 3, 2] { best.insert(Tagged(score: score, tag: 0)) }
        #expect(best.sorted().map(\.score) == [3, 2])
    }
}
