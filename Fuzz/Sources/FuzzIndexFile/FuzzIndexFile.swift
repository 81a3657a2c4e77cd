import ConcordCorpus
import ConcordSimilarity
import FuzzSupport

// `IndexFile.read` on arbitrary content. The input is an index without its last 8 bytes: the
// harness appends the checksum the reader expects, so that mutations reach the parsing of the
// header, ids, offsets, fingerprints and signatures instead of stopping at "checksum mismatch"
// (hostile counts behind a valid checksum is the case issue 13 item 7 is about). Properties:
// - reading never crashes and allocates nothing the file's size does not justify (AddressSanitizer
//   reports an allocation over -malloc_limit_mb as a finding);
// - it fails only with an `IndexError` naming the file, with a message;
// - an index it accepts is consistent (as many offsets as ids plus one, from 0, never decreasing,
//   the last one the fingerprint count, count × slots signatures);
// - an accepted index, written back and read again, is the same index.

nonisolated(unsafe) private let input = ScratchFile(name: "input.idx")
nonisolated(unsafe) private let rewritten = ScratchFile(name: "rewritten.idx")

/// Reads `path`, checking how it fails or what it holds.
private func read(_ path: String) -> IndexFile? {
    let index: IndexFile
    do {
        index = try IndexFile.read(from: path)
    } catch let error as IndexError {
        require(error.path == path && !error.message.isEmpty, "a refusal without a message: \(error)")
        return nil
    } catch {
        require(false, "reading threw something other than an IndexError: \(error)")
        return nil
    }
    let store = index.store
    require(store.slots == index.settings.slots, "store slots \(store.slots), settings slots \(index.settings.slots)")
    require(store.count == index.ids.count, "\(index.ids.count) ids, \(store.count) sketches")
    require(store.offsets.first == 0 && zip(store.offsets, store.offsets.dropFirst()).allSatisfy { $0 <= $1 },
            "fingerprint offsets not from 0 upwards")
    require(store.offsets.last == store.fingerprints.count, "last offset \(store.offsets.last!), \(store.fingerprints.count) fingerprints")
    require(store.signatures.count == store.count * store.slots,
            "\(store.signatures.count) signatures for \(store.count) documents of \(store.slots) slots")
    return index
}

func fuzzIndexFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let content = fuzzInput(data, size)
    var bytes = Array(content)
    withUnsafeBytes(of: IndexFile.checksum(of: bytes[...]).littleEndian) { bytes.append(contentsOf: $0) }
    input.write(bytes)
    guard let index = read(input.path) else { return 0 }
    do {
        try index.write(to: rewritten.path)
    } catch {
        require(false, "an index that was read cannot be written back: \(error)")
    }
    guard let again = read(rewritten.path) else {
        require(false, "an index written back is refused")
        return 0
    }
    require(again == index, "an index changed through a write and a read")
    return 0
}
