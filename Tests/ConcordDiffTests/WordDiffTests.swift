import ConcordSimilarity
import ConcordText
import Testing
@testable import ConcordDiff

/// Random texts and random edit scripts, from a seeded generator so failures reproduce.
struct EditedText {
    var old: [String]
    var new: [String]
    var edits: Int

    static let vocabulary = ["rockets", "hit", "the", "base", "near", "Deir", "ez-Zor", "on", "Monday", "officials",
                             "said", "eight", "missiles", "“witnesses”", "reported", "smoke", "and", "fire", "U.S.", "forces"]

    /// Words that are one token each, for counting edits.
    static let simpleVocabulary = ["rockets", "hit", "the", "base", "near", "on", "officials", "said", "eight",
                                   "missiles", "witnesses", "reported", "smoke", "and", "fire", "forces"]

    static func random(_ generator: inout SplitMix64, words: Int, edits: Int, from vocabulary: [String] = vocabulary) -> EditedText {
        let old = (0..<words).map { _ in vocabulary[Int(generator.next() % UInt64(vocabulary.count))] }
        var new = old
        for _ in 0..<edits {
            let position = Int(generator.next() % UInt64(new.count + 1))
            switch generator.next() % 3 {
            case 0: new.insert("w\(generator.next() % 1000)", at: position)
            case 1 where position < new.count: new.remove(at: position)
            default: if position < new.count { new[position] = "x\(generator.next() % 1000)" }
            }
        }
        return EditedText(old: old, new: new, edits: edits)
    }
}

@Suite struct MyersDiffTests {
    /// Replaying the script on `a` must give `b`, and each script must be no longer than needed.
    func replay(_ a: [UInt64], _ steps: [EditStep], _ b: [UInt64]) -> [UInt64] {
        var result: [UInt64] = []
        for step in steps {
            switch step {
            case .equal(let i, _, let count): result.append(contentsOf: a[i..<(i + count)])
            case .delete: break
            case .insert(let j, let count): result.append(contentsOf: b[j..<(j + count)])
            }
        }
        return result
    }

    @Test func scriptsRebuildTheSecondSequence() {
        var generator = SplitMix64(seed: 1)
        for _ in 0..<300 {
            let a = (0..<Int(generator.next() % 60)).map { _ in generator.next() % 6 }
            let b = (0..<Int(generator.next() % 60)).map { _ in generator.next() % 6 }
            let steps = MyersDiff.script(a, b).steps
            #expect(replay(a, steps, b) == b)
            let deleted = steps.reduce(0) { if case .delete(_, let c) = $1 { return $0 + c }; return $0 }
            let kept = steps.reduce(0) { if case .equal(_, _, let c) = $1 { return $0 + c }; return $0 }
            #expect(kept + deleted == a.count)
            #expect(kept == longestCommonSubsequence(a, b), "the script keeps a longest common subsequence")
        }
    }

    /// Long sequences with many unique keys go through the anchors; the script must still rebuild
    /// `b`, and stay close to minimal.
    @Test func anchoredScriptsRebuildTheSecondSequence() {
        var generator = SplitMix64(seed: 2)
        for _ in 0..<40 {
            let a = (0..<Int(200 + generator.next() % 400)).map { _ in generator.next() % 300 }
            var b = a
            for _ in 0..<Int(generator.next() % 30) {
                let position = Int(generator.next() % UInt64(b.count))
                if generator.next() % 2 == 0 { b.remove(at: position) } else { b.insert(1000 + generator.next() % 50, at: position) }
            }
            let steps = AnchoredDiff.script(a, b).steps
            #expect(replay(a, steps, b) == b)
            let kept = steps.reduce(0) { if case .equal(_, _, let c) = $1 { return $0 + c }; return $0 }
            #expect(kept >= longestCommonSubsequence(a, b) * 95 / 100)
        }
    }

    @Test func identicalSequencesAreOneEqualStep() {
        #expect(MyersDiff.script([1, 2, 3], [1, 2, 3]).steps == [.equal(a: 0, b: 0, count: 3)])
        #expect(MyersDiff.script([], []).steps == [])
        #expect(MyersDiff.script([], [4]).steps == [.insert(b: 0, count: 1)])
    }

    /// Dynamic programming, for checking minimality on small inputs.
    func longestCommonSubsequence(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var diagonal = 0
            for j in b.indices {
                let above = row[j + 1]
                row[j + 1] = x == b[j] ? diagonal + 1 : max(row[j + 1], row[j])
                diagonal = above
            }
        }
        return row[b.count]
    }
}

@Suite struct WordDiffTests {
    let pipeline: TextPipeline

    init() throws { pipeline = TextPipeline(options: WordDiff.pipelineOptions) }

    @Test func applyingTheDiffToTheOldTextGivesTheNewTextExactly() throws {
        var generator = SplitMix64(seed: 7)
        for round in 0..<200 {
            let text = EditedText.random(&generator, words: 5 + round % 40, edits: Int(generator.next() % 8))
            let separators = [" ", "  ", "\n", ", ", " — "]
            let old = text.old.enumerated().map { $1 + separators[$0 % separators.count] }.joined()
            let new = text.new.enumerated().map { $1 + separators[($0 + round) % separators.count] }.joined()
            let diff = try WordDiff(old: old, new: new, pipeline: pipeline)
            #expect(diff.applied() == new)
        }
    }

    @Test func reportedEditsAreNoMoreThanTheAppliedOnes() throws {
        var generator = SplitMix64(seed: 9)
        for _ in 0..<200 {
            let text = EditedText.random(&generator, words: 30, edits: Int(generator.next() % 6), from: EditedText.simpleVocabulary)
            let diff = try WordDiff(old: text.old.joined(separator: " "), new: text.new.joined(separator: " "),
                                    pipeline: pipeline, cleanup: false)
            let changedWords = diff.hunks.reduce(0) { count, hunk in
                switch hunk {
                case .deleted(let range): return count + String(decoding: Array(diff.old.utf8)[range], as: UTF8.self).split(separator: " ").count
                case .inserted(let range): return count + String(decoding: Array(diff.new.utf8)[range], as: UTF8.self).split(separator: " ").count
                default: return count
                }
            }
            // An insertion or deletion changes one word, a replacement two.
            #expect(changedWords <= 2 * text.edits)
        }
    }

    @Test func aTextAgainstItselfHasNoChanges() throws {
        let text = "Rockets hit the base near Deir ez-Zor on Monday, officials said.\n\nSmoke rose."
        let diff = try WordDiff(old: text, new: text, pipeline: pipeline)
        #expect(!diff.hasChanges)
        #expect(diff.hunks == [.same(old: 0..<text.utf8.count, new: 0..<text.utf8.count)])
    }

    @Test func styleAndSpellingVariantsAreRestylingNotChanges() throws {
        let diff = try WordDiff(old: "“Eight rockets” hit Deir ez-Zor, officials said.",
                                new: "\"Eight rockets\" hit Deir Ezzor, officials said.", pipeline: pipeline)
        #expect(!diff.hasChanges)
        #expect(diff.hunks.contains { if case .restyled = $0 { return true }; return false })
    }

    /// Random paragraphs; one moves elsewhere. The diff must report exactly one move and nothing else.
    @Test func aMovedParagraphIsOneMove() throws {
        var generator = SplitMix64(seed: 21)
        for _ in 0..<50 {
            let paragraphs = (0..<Int(4 + generator.next() % 5)).map { index in
                (0..<Int(6 + generator.next() % 20)).map { _ in "p\(index)w\(generator.next() % 40)" }.joined(separator: " ") + "."
            }
            var moved = paragraphs
            let from = Int(generator.next() % UInt64(moved.count))
            let paragraph = moved.remove(at: from)
            var to = Int(generator.next() % UInt64(moved.count + 1))
            if to == from { to = (to + 1) % (moved.count + 1) }
            moved.insert(paragraph, at: to)
            let diff = try WordDiff(old: paragraphs.joined(separator: "\n\n"), new: moved.joined(separator: "\n\n"), pipeline: pipeline)
            #expect(diff.moves.count == 1)
            let others = diff.hunks.filter { hunk in
                switch hunk {
                case .deleted(let range): return !diff.moves.contains { $0.old == range }
                case .inserted(let range): return !diff.moves.contains { $0.new == range }
                default: return false
                }
            }
            #expect(others.isEmpty)
            #expect(diff.applied() == moved.joined(separator: "\n\n"))
        }
    }

    /// A stray "the" inside a rewritten sentence is absorbed into one replacement.
    @Test func cleanupKeepsARewrittenPassageInOnePiece() throws {
        let old = "Officials said the attack on the base was repelled quickly."
        let new = "Witnesses reported that the militia shelled the base for hours."
        let raw = try WordDiff(old: old, new: new, pipeline: pipeline, cleanup: false)
        let clean = try WordDiff(old: old, new: new, pipeline: pipeline)
        let changes: (WordDiff) -> Int = { $0.hunks.filter { if case .same = $0 { return false }; return true }.count }
        #expect(changes(clean) < changes(raw))
        #expect(clean.applied() == new)
    }

    /// A long verbatim quote shared by two otherwise different texts is the signal an analyst
    /// looks for: the cleanup must not fold it into the rewritten text around it.
    @Test func aSharedQuoteOfManyWordsSurvivesTheCleanup() throws {
        let quote = """
            "We have never seen an operation of this size in the province, and the people who planned it \
            knew exactly where the convoys would stop for fuel before crossing the river at dawn on Monday," \
            the commander told reporters in a statement.
            """
        let oldWords = (0..<40).map { "alpha\($0)" }, newWords = (0..<40).map { "omega\($0)" }
        let old = oldWords[..<20].joined(separator: " ") + " " + quote + " " + oldWords[20...].joined(separator: " ")
        let new = newWords[..<20].joined(separator: " ") + " " + quote + " " + newWords[20...].joined(separator: " ")
        let diff = try WordDiff(old: old, new: new, pipeline: pipeline)
        let kept = diff.hunks.compactMap { hunk -> String? in
            guard case .same(_, let range) = hunk else { return nil }
            return String(decoding: Array(new.utf8)[range], as: UTF8.self)
        }.joined()
        #expect(kept.contains("operation of this size in the province"))
        #expect(kept.contains("the commander told reporters"))
        #expect(diff.applied() == new)
        // A short equal run between long changes is still absorbed.
        let short = try WordDiff(old: oldWords.joined(separator: " ") + " the base " + oldWords.joined(separator: " "),
                                 new: newWords.joined(separator: " ") + " the base " + newWords.joined(separator: " "),
                                 pipeline: pipeline)
        #expect(!short.hunks.contains { if case .same = $0 { return true }; return false })
    }

    /// With cleanup, applying still rebuilds the new text, and the diff never shows more change
    /// hunks than edits were applied.
    @Test func cleanedDiffsStillRebuildTheNewText() throws {
        var generator = SplitMix64(seed: 13)
        for _ in 0..<200 {
            let text = EditedText.random(&generator, words: 30, edits: 1 + Int(generator.next() % 6), from: EditedText.simpleVocabulary)
            let diff = try WordDiff(old: text.old.joined(separator: " "), new: text.new.joined(separator: " "), pipeline: pipeline)
            #expect(diff.applied() == text.new.joined(separator: " "))
            let changeRuns = diff.hunks.indices.filter { index in
                guard case .same = diff.hunks[index] else {
                    if index > 0, case .same = diff.hunks[index - 1] { return true }
                    return index == 0
                }
                return false
            }.count
            #expect(changeRuns <= text.edits)
        }
    }

    @Test func progressCountsTheBytesReadThenAnnouncesTheAlignment() throws {
        let words = (0..<70_000).map { "w\($0 % 5_000)" }
        let old = words.joined(separator: " "), new = words.dropLast().joined(separator: " ") + " changed"
        var heard: [(done: Int, total: Int)?] = []
        _ = try WordDiff(old: old, new: new, pipeline: TextPipeline(options: WordDiff.pipelineOptions)) { heard.append($0) }
        let reads = heard.compactMap { $0 }
        #expect(reads.count >= 2, "every 65,536 words of each text")
        #expect(reads.allSatisfy { $0.done <= $0.total && $0.total == old.utf8.count + new.utf8.count })
        #expect(zip(reads, reads.dropFirst()).allSatisfy { $0.done < $1.done })
        #expect(heard.last! == nil, "the alignment comes last")
    }

    @Test func aChangedNumberIsAChange() throws {
        let diff = try WordDiff(old: "at least eight rockets", new: "at least 10 rockets", pipeline: pipeline)
        #expect(diff.hasChanges)
        #expect(diff.applied() == "at least 10 rockets")
    }

    @Test func aSearchLimitBoundsUnrelatedTextsAndSaysSo() throws {
        var generator = SplitMix64(seed: 9)
        let vocabulary = (0..<300).map { "w\($0)" }
        func text() -> String { (0..<3_000).map { _ in vocabulary[Int(generator.next() % 300)] }.joined(separator: " ") }
        let (old, new) = (text(), text())
        let pipeline = TextPipeline(options: WordDiff.pipelineOptions)
        let bounded = try WordDiff(old: old, new: new, pipeline: pipeline, searchLimit: 64)
        #expect(!bounded.isExact)
        #expect(bounded.applied() == new, "a bounded diff still rebuilds the new text")
        #expect(try WordDiff(old: old, new: old, pipeline: pipeline, searchLimit: 64).isExact)
    }

}
