import ConcordCorpus

/// The sketch records and pairs that `concord verify` and `concord link` read (see `StageRecord`),
/// checked against the settings of the run: every record must have been sketched with them, and
/// every pair must name documents whose records were given.
package struct StageInput {
    /// The records, ordered by `n`.
    package private(set) var records: [SketchRecord] = []
    /// The pairs in input order, named by the documents' places in `records` (first < second).
    package private(set) var pairs: [(first: Int, second: Int, score: Float?)] = []

    /// Reads every line of `paths` ("-" for standard input); with `requiresScores`, every pair
    /// must carry its verified similarity (linkage reads verified pairs).
    ///
    /// - Throws: `CorpusError` naming the file and line of the first unusable line: malformed,
    ///   sketched with other settings, a different second record with the same `n` (the same
    ///   record twice is read once), a pair naming a document
    ///   whose record is missing, or a skipped-input record (which has no sketch).
    /// - Complexity: O(*n* log *n*) for *n* records, plus the bytes read.
    package init(paths: [String], settings: MatchingSettings, requiresScores: Bool = false) throws {
        let tag = SketchRecord.settingsTag(settings), bands = settings.resolvedBands.bands
        var pairOrigins: [(first: Int, second: Int, score: Float?, file: String, line: Int)] = []
        var origins: [Int: (file: String, line: Int, record: Int)] = [:]
        for path in paths {
            let reader = LineReader(path: path)
            try reader.forEachLine { line, number in
                guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
                func failure(_ message: String) -> CorpusError { CorpusError(file: reader.displayName, line: number, message) }
                let record: StageRecord
                do throws(StageRecordError) { record = try StageRecord.parse(line) } catch { throw failure(error.message) }
                switch record {
                case .sketch(let sketch):
                    guard sketch.settingsTag == tag else {
                        throw failure("sketched with other settings (tag \(sketch.settingsTag), this run's is \(tag)); give verify and link the options given to sketch")
                    }
                    guard sketch.signature.count == settings.slots, sketch.bandKeys.isEmpty || sketch.bandKeys.count == bands else {
                        throw failure("the record holds \(sketch.signature.count) slots and \(sketch.bandKeys.count) band keys; its settings say \(settings.slots) and \(bands)")
                    }
                    if let first = origins[sketch.position] {
                        // A shuffle may deliver one record twice: the same record is read once.
                        guard records[first.record] == sketch else {
                            throw failure("a second, different record for document n=\(sketch.position) (first at \(first.file):\(first.line))")
                        }
                        return
                    }
                    origins[sketch.position] = (reader.displayName, number, records.count)
                    records.append(sketch)
                case .skipped(let position, _):
                    throw failure("document n=\(position) was skipped when it was sketched: it has no sketch to match")
                case .pair(let first, let second, let score):
                    if requiresScores && score == nil {
                        throw failure("a pair without \"similarity\": link reads verified pairs, as concord verify writes them")
                    }
                    pairOrigins.append((first, second, score, reader.displayName, number))
                }
            }
        }
        records.sort { $0.position < $1.position }
        var place: [Int: Int] = [:]
        place.reserveCapacity(records.count)
        for (index, record) in records.enumerated() { place[record.position] = index }
        pairs.reserveCapacity(pairOrigins.count)
        for pair in pairOrigins {
            guard let a = place[pair.first], let b = place[pair.second] else {
                let missing = place[pair.first] == nil ? pair.first : pair.second
                throw CorpusError(file: pair.file, line: pair.line, "the pair names document n=\(missing), whose sketch record was not given")
            }
            pairs.append((min(a, b), max(a, b), pair.score))
        }
    }

    /// The records' sketches, in `records` order.
    package func store(slots: Int) -> SketchStore { SketchStore(slots: slots, records: records) }
}
