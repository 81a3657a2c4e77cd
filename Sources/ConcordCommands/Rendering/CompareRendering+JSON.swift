import ConcordCorpus
import ConcordDiff

extension CompareRendering {
    /// The comparison as one JSON object (schema `concord-compare/1`, documented in the README).
    /// Reports and passages are numbered from 1, as in the text output.
    func json() -> String {
        let reports = collation.reports.enumerated().map { index, report in
            JSONWriting.object([
                "number": String(index + 1),
                "label": JSONWriting.quoted(report.label),
                "source": JSONWriting.quoted(sources[index]),
                "sentences": String(report.sentences.count),
                "adds": numbers(collation.additions(of: index)),
                "omits": numbers(collation.omissions(of: index)),
            ])
        }
        let differences = collation.rankedDifferences().map { comparison, difference in
            JSONWriting.object([
                "kind": JSONWriting.quoted(difference.kind.rawValue),
                "passage": String(comparison.passage + 1),
                "reference": String(comparison.reference + 1),
                "report": String(comparison.report + 1),
                "referenceText": JSONWriting.quoted(difference.referenceText),
                "otherText": JSONWriting.quoted(difference.otherText),
            ])
        }
        let passages = collation.passages.enumerated().map { index, passage in
            JSONWriting.object([
                "number": String(index + 1),
                "coverage": JSONWriting.quoted(collation.coverage(of: index).rawValue),
                "reports": numbers(passage.reports),
                "reference": String(passage.reference + 1),
                "movedIn": numbers(passage.movedIn),
                "sentences": JSONWriting.array(passage.reports.map { report in
                    let range = collation.reports[report].sentences[passage.sentences[report]!]
                    return JSONWriting.object([
                        "report": String(report + 1),
                        "sentence": String(passage.sentences[report]! + 1),
                        "start": String(range.lowerBound),
                        "end": String(range.upperBound),
                        "segments": JSONWriting.array(segments(passage: index, report: report)!.map {
                            JSONWriting.object(["kind": JSONWriting.quoted($0.kind.rawValue), "text": JSONWriting.quoted($0.text)])
                        }),
                    ])
                }),
            ])
        }
        let counts = coverageCounts
        return JSONWriting.object([
            "schema": JSONWriting.quoted("concord-compare/1"),
            "threshold": collation.threshold.fixed(4),
            "summary": JSONWriting.object([
                "reports": String(collation.reports.count),
                "passages": String(collation.passages.count),
                "sharedByAll": String(counts.all),
                "sharedBySome": String(counts.some),
                "unique": String(counts.one),
            ]),
            "notes": JSONWriting.array(notes.map(JSONWriting.quoted)),
            "reports": JSONWriting.array(reports),
            "differences": JSONWriting.array(differences),
            "passages": JSONWriting.array(passages),
        ])
    }

    private func numbers(_ indices: [Int]) -> String { JSONWriting.array(indices.map { String($0 + 1) }) }
}
