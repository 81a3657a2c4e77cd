/// What events mode reads from each document besides its sketch: the terms of the whole report
/// (title and text) and of its title alone, with their counts, and the day of its date. Terms
/// are numbered as they are stored (`numbers`), which also counts their document frequencies,
/// so the corpus is read once and a term costs 4 bytes per document that holds it. Common words
/// are kept: the inverse document frequency gives them little weight.
public struct EventTerms: Sendable {
    /// The term numbering and document frequencies (counted over `body`).
    public private(set) var numbers = TermNumbers()
    /// The terms of the title and the text together.
    public internal(set) var body = TermCountTable<UInt32>()
    public internal(set) var title = TermCountTable<UInt32>()
    /// Each document's date as days since 1970-01-01, or `nil` (no date, or not ISO 8601).
    public private(set) var days: [Int32?] = []
    /// The documents whose date was given but is not ISO 8601 (`YYYY-MM-DD…`), so counts as none.
    public private(set) var unreadableDates = 0

    public init() {}

    public var count: Int { days.count }

    /// Appends the documents of `batch`, numbering their terms.
    ///
    /// - Complexity: O(*t*) expected for *t* term entries.
    mutating func append(contentsOf batch: Batch) {
        for document in 0..<batch.days.count {
            Self.append(batch.body, document, countsDocuments: true, to: &body, numbering: &numbers)
            Self.append(batch.title, document, countsDocuments: false, to: &title, numbering: &numbers)
        }
        days.append(contentsOf: batch.days)
        unreadableDates += batch.unreadableDates
    }

    /// Appends document `index` of `source` to `target`, with numbers for terms (in the same
    /// order).
    private static func append(_ source: TermCountTable<UInt64>, _ index: Int, countsDocuments: Bool,
                               to target: inout TermCountTable<UInt32>, numbering numbers: inout TermNumbers) {
        for position in source.range(index) {
            target.append(numbers.number(of: source.terms[position], countsDocument: countsDocuments), count: source.counts[position])
        }
        target.endDocument()
    }

    /// One thread's terms of a run of documents, by token id, before they are numbered.
    struct Batch {
        var body = TermCountTable<UInt64>()
        var title = TermCountTable<UInt64>()
        var days: [Int32?] = []
        var unreadableDates = 0

        mutating func appendDocument(body bodyTokens: UnsafeBufferPointer<UInt64>, title titleTokens: UnsafeBufferPointer<UInt64>,
                                     day: Int32?, counter: inout TokenCounter) {
            body.appendDocument(tokens: [titleTokens, bodyTokens], counter: &counter)
            title.appendDocument(tokens: [titleTokens], counter: &counter)
            days.append(day)
        }

        mutating func removeAll() {
            body.removeAll()
            title.removeAll()
            days.removeAll(keepingCapacity: true)
            unreadableDates = 0
        }
    }
}

/// Calendar days of ISO 8601 dates.
public enum CalendarDay {
    /// The day of a date that starts `YYYY-MM-DD` (a time may follow), as days since 1970-01-01;
    /// `nil` for anything else.
    ///
    /// - Complexity: O(1).
    public static func days(fromISO8601 text: String) -> Int32? {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        return Int32(daysFromCivil(year: year, month: month, day: day))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
