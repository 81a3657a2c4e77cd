/// Makes an edit script read like an editor's: a short run of equal words stranded between
/// changes ("the" inside a rewritten sentence) becomes part of the change, so the output shows one
/// replaced passage instead of confetti.
///
/// The rule, at word level (after diff-match-patch's semantic cleanup): an equal run is absorbed
/// when it is no longer than the changes on each side of it, a change's length being the larger of
/// its deleted and inserted word counts. It repeats until nothing changes.
///
/// A run of ``keptRunWords`` words or more is never absorbed, however long the changes around
/// it: that is a sentence's worth of identical wording (a shared quote, a paragraph of wire copy),
/// which an analyst reads as the signal that two rewritten passages share a source.
enum SemanticCleanup {
    /// The shortest equal run that always survives the cleanup: eight words, a short quoted
    /// sentence ("we will not negotiate under fire", he said).
    static let keptRunWords = 8

    /// The cleaned script; applying it still turns the old sequence into the new one.
    ///
    /// - Complexity: O(*s*) for *s* steps: each absorbed run is regrouped with its neighbouring
    ///   changes only, and the scan resumes just before them.
    static func apply(_ steps: [EditStep]) -> [EditStep] {
        var steps = steps
        var index = 0
        while index < steps.count {
            guard case .equal(let a, let b, let count) = steps[index],
                  let before = changeSize(steps, endingAt: index - 1),
                  let after = changeSize(steps, startingAt: index + 1),
                  count < keptRunWords, count <= before, count <= after else {
                index += 1
                continue
            }
            // The window: the change before, the absorbed run, the change after.
            var start = index
            while start > 0, !isEqual(steps[start - 1]) { start -= 1 }
            var end = index + 1
            while end < steps.count, !isEqual(steps[end]) { end += 1 }
            var window = Array(steps[start..<end])
            window[index - start] = .delete(a: a, count: count)
            window.insert(.insert(b: b, count: count), at: index - start + 1)
            let merged = MyersDiff.merged(window)
            steps.replaceSubrange(start..<end, with: merged)
            // The grown change may now outweigh the equal run before it.
            index = max(0, start - 1)
        }
        return steps
    }

    static func isEqual(_ step: EditStep) -> Bool {
        if case .equal = step { return true }
        return false
    }

    /// The size of the change (a run of deletions and insertions) that ends at `index`, or nil.
    static func changeSize(_ steps: [EditStep], endingAt index: Int) -> Int? {
        var deleted = 0, inserted = 0, cursor = index
        while cursor >= 0 {
            switch steps[cursor] {
            case .delete(_, let count): deleted += count
            case .insert(_, let count): inserted += count
            case .equal: cursor = -1; continue
            }
            cursor -= 1
        }
        return deleted + inserted == 0 ? nil : max(deleted, inserted)
    }

    /// The size of the change that starts at `index`, or nil.
    static func changeSize(_ steps: [EditStep], startingAt index: Int) -> Int? {
        var deleted = 0, inserted = 0, cursor = index
        while cursor < steps.count {
            switch steps[cursor] {
            case .delete(_, let count): deleted += count
            case .insert(_, let count): inserted += count
            case .equal: cursor = steps.count; continue
            }
            cursor += 1
        }
        return deleted + inserted == 0 ? nil : max(deleted, inserted)
    }
}
