import ConcordDiff

/// A collation laid out for people and programs: text, JSON and HTML share these pieces.
struct CompareRendering {
    let collation: Collation
    /// Where each report came from (a path, or file:line in a corpus).
    let sources: [String]
    private let comparisonAt: [Int: PassageComparison]

    init(collation: Collation, sources: [String]) {
        self.collation = collation
        self.sources = sources
        var comparisons: [Int: PassageComparison] = [:]
        for comparison in collation.comparisons {
            comparisons[comparison.passage * collation.reports.count + comparison.report] = comparison
        }
        comparisonAt = comparisons
    }

    /// A piece of a report's sentence as shown against the passage's reference sentence.
    struct Segment {
        enum Kind: String {
            /// Words both sentences have, written the same way.
            case same
            /// Words both have, written differently (case, quotes, a spelling of a name).
            case restyled
            /// Reference words this report leaves out.
            case deleted
            /// Words this report adds.
            case inserted
            /// The whole sentence, which says the passage in other words: a word diff would
            /// replace nearly everything, so none is shown.
            case reworded
        }

        var kind: Kind
        var text: String
    }

    /// Report `report`'s sentence of passage `passage` as segments against the reference; `nil`
    /// when the report does not carry the passage.
    func segments(passage: Int, report: Int) -> [Segment]? {
        guard let sentence = collation.passages[passage].sentences[report] else { return nil }
        guard let comparison = comparisonAt[passage * collation.reports.count + report] else {
            return [Segment(kind: .same, text: collation.reports[report].sentence(sentence))]
        }
        guard !comparison.isReworded else {
            return [Segment(kind: .reworded, text: comparison.diff.new)]
        }
        let old = Array(comparison.diff.old.utf8), new = Array(comparison.diff.new.utf8)
        func text(_ bytes: [UInt8], _ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        return comparison.diff.hunks.map { hunk in
            switch hunk {
            case .same(_, let range): Segment(kind: .same, text: text(new, range))
            case .restyled(_, let range): Segment(kind: .restyled, text: text(new, range))
            case .deleted(let range): Segment(kind: .deleted, text: text(old, range))
            case .inserted(let range): Segment(kind: .inserted, text: text(new, range))
            }
        }
    }

    /// "§3": how passages are named in every format (numbered from 1 in reading order).
    static func passageName(_ index: Int) -> String { "§\(index + 1)" }

    /// "[2]": how reports are named in every format (numbered from 1 in input order).
    static func reportName(_ index: Int) -> String { "[\(index + 1)]" }

    /// How many passages are shared by all reports, by some, and carried by one.
    var coverageCounts: (all: Int, some: Int, one: Int) {
        var counts = (all: 0, some: 0, one: 0)
        for index in collation.passages.indices {
            switch collation.coverage(of: index) {
            case .all: counts.all += 1
            case .some: counts.some += 1
            case .one: counts.one += 1
            }
        }
        return counts
    }

    /// Notes about the work: limits that cut it short, reports with nothing to compare.
    var notes: [String] {
        let approximate = collation.comparisons.filter { !$0.diff.isExact }.map { Self.passageName($0.passage) }
        return collation.notes + (approximate.isEmpty ? [] : ["word diffs of \(approximate.joined(separator: " ")): " + DiffRendering.approximationNote])
            + collation.reports.indices.compactMap { index in
            collation.reports[index].sentences.isEmpty
                ? "\(Self.reportName(index)) \(collation.reports[index].label) has no sentences to compare" : nil
        }
    }
}
