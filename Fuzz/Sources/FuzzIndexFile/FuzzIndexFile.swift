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

/// The index checksum: StableHash over every byte before it. StableHash is `package` in
/// ConcordText, out of reach of this package, so this is a copy of `StableHash.hash(_:seed:)`
/// with seed 0. `Fuzz/run` checks that the two agree on a real `concord index add` file before it
/// fuzzes (`checkChecksumCopy`, with CONCORD_FUZZ_CHECK_INDEX set to that file).
private func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
    let count = bytes.count
    var state = UInt64(count) &* multiplier
    guard let base = bytes.baseAddress, count > 0 else { return mix(state) }
    var index = 0
    while index + 8 <= count {
        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        state = (state ^ word) &* multiplier
        state = (state << 29) | (state >> 35)
        index += 8
    }
    let remaining = count - index
    if remaining > 0 {
        var tail: UInt64 = 0
        for offset in 0..<remaining { tail |= UInt64(base.load(fromByteOffset: index + offset, as: UInt8.self)) << UInt64(8 * offset) }
        state = (state ^ tail) &* multiplier
    }
    return mix(state)
}

/// With CONCORD_FUZZ_CHECK_INDEX=PATH: checks that `checksum` gives PATH's stored checksum, so
/// that the harness's copy of StableHash cannot drift from the real one unnoticed.
func checkChecksumCopy() {
    guard let path = environmentValue("CONCORD_FUZZ_CHECK_INDEX") else { return }
    let file = readFile(path)
    require(file.count > 8, "\(path) is no index")
    let stored = file.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: file.count - 8, as: UInt64.self) }
    let computed = file.withUnsafeBytes { checksum(UnsafeRawBufferPointer(rebasing: $0[0..<(file.count - 8)])) }
    require(UInt64(littleEndian: stored) == computed, "the harness's checksum disagrees with \(path): update the copy of StableHash")
    print("FuzzIndexFile: checksum agrees with \(path)")
}

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
    withUnsafeBytes(of: checksum(content).littleEndian) { bytes.append(contentsOf: $0) }
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
