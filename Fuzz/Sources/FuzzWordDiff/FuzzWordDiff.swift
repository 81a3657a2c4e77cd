import ConcordDiff
import ConcordText
import FuzzSupport

// The word diff on two arbitrary texts: the input split at its first 0xFF byte (which never occurs
// in UTF-8), each half decoded with repairs. Properties, with and without semantic cleanup, and
// with a tiny search limit (the inexact path):
// - the hunks spell both texts: their old ranges tile the old text and their new ranges the new
//   one, in order; `same` hunks hold equal bytes; applying the hunks to the old text gives the new;
// - every move joins a deleted passage to an inserted one with the same number of bytes or more
//   words than the minimum, inside the deleted and inserted hunks;
// - a text diffed with itself has no changes.

nonisolated(unsafe) private let pipeline = try! TextPipeline(options: WordDiff.pipelineOptions)

private func check(_ diff: WordDiff, old: [UInt8], new: [UInt8]) {
    var oldEnd = 0, newEnd = 0
    var deleted: [Range<Int>] = [], inserted: [Range<Int>] = []
    for hunk in diff.hunks {
        switch hunk {
        case .same(let a, let b), .restyled(let a, let b):
            require(a.lowerBound == oldEnd && b.lowerBound == newEnd && a.upperBound <= old.count && b.upperBound <= new.count,
                    "hunk \(hunk) does not follow \(oldEnd), \(newEnd)")
            if case .same = hunk { require(old[a].elementsEqual(new[b]), "a same hunk \(hunk) with different bytes") }
            oldEnd = a.upperBound
            newEnd = b.upperBound
        case .deleted(let a):
            require(a.lowerBound == oldEnd && a.upperBound <= old.count && !a.isEmpty, "hunk \(hunk) does not follow \(oldEnd)")
            deleted.append(a)
            oldEnd = a.upperBound
        case .inserted(let b):
            require(b.lowerBound == newEnd && b.upperBound <= new.count && !b.isEmpty, "hunk \(hunk) does not follow \(newEnd)")
            inserted.append(b)
            newEnd = b.upperBound
        }
    }
    require(oldEnd == old.count && newEnd == new.count, "hunks end at \(oldEnd), \(newEnd) of \(old.count), \(new.count)")
    require(Array(diff.applied().utf8) == new, "the hunks applied to the old text do not give the new one")
    for move in diff.moves {
        require(deleted.contains { $0.lowerBound <= move.old.lowerBound && move.old.upperBound <= $0.upperBound },
                "move \(move) from outside the deleted hunks")
        require(inserted.contains { $0.lowerBound <= move.new.lowerBound && move.new.upperBound <= $0.upperBound },
                "move \(move) to outside the inserted hunks")
    }
}

func fuzzWordDiff(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzInput(data, size)
    let split = bytes.firstIndex(of: 0xFF) ?? bytes.count
    let old = String(decoding: bytes[0..<split], as: UTF8.self)
    let new = String(decoding: bytes[min(split + 1, bytes.count)...], as: UTF8.self)
    let oldBytes = Array(old.utf8), newBytes = Array(new.utf8)
    do {
        for (cleanup, limit) in [(true, WordDiff.searchLimit), (false, WordDiff.searchLimit), (true, 2)] {
            check(try WordDiff(old: old, new: new, pipeline: pipeline, cleanup: cleanup, searchLimit: limit),
                  old: oldBytes, new: newBytes)
        }
        let same = try WordDiff(old: old, new: old, pipeline: pipeline)
        check(same, old: oldBytes, new: oldBytes)
        require(!same.hasChanges, "a text diffed with itself has changes")
    } catch {
        require(false, "the word diff threw on valid Unicode: \(error)")
    }
    return 0
}
