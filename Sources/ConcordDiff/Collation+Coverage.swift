extension Collation {
    /// How widely a passage is carried.
    public enum Coverage: String, Sendable {
        /// Every report has it.
        case all
        /// More than one report has it, not all.
        case some
        /// One report alone has it.
        case one
    }

    /// How widely passage `index` is carried.
    public func coverage(of index: Int) -> Coverage {
        let count = passages[index].reports.count
        return count == reports.count ? .all : count == 1 ? .one : .some
    }

    /// The passages `report` adds, in reading order. The first report is the reference (the
    /// original, or the report the analyst knows): another report adds what it carries and the
    /// reference lacks, even when a second report carries it too; the reference adds what it alone
    /// carries.
    ///
    /// - Complexity: O(*p* · *n*) for *p* passages and *n* reports.
    public func additions(of report: Int) -> [Int] {
        passages.indices.filter { index in
            let carriers = passages[index].reports
            return report == 0 ? carriers == [0] : carriers.contains(report) && !carriers.contains(0)
        }
    }

    /// The passages `report` leaves out that most of the other reports carry (more than half of
    /// them; with two reports, the one other), in reading order.
    ///
    /// - Complexity: O(*p* · *n*) for *p* passages and *n* reports.
    public func omissions(of report: Int) -> [Int] {
        let others = reports.count - 1
        return passages.indices.filter { index in
            let carriers = passages[index].reports
            return !carriers.contains(report) && 2 * carriers.count > others
        }
    }

    /// Every difference of every comparison, conflicts first, then names, then differences of
    /// detail; within a kind, in reading order.
    ///
    /// - Complexity: O(*d* log *d*) for *d* differences.
    public func rankedDifferences() -> [(comparison: PassageComparison, difference: PassageComparison.Difference)] {
        let rank = Dictionary(uniqueKeysWithValues: PassageComparison.Difference.Kind.allCases.enumerated().map { ($1, $0) })
        let all = comparisons.flatMap { comparison in comparison.differences.map { (comparison, $0) } }
        return all.enumerated().sorted { lhs, rhs in
            (rank[lhs.element.1.kind]!, lhs.offset) < (rank[rhs.element.1.kind]!, rhs.offset)
        }.map(\.element)
    }
}
