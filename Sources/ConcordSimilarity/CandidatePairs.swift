/// Finds candidate pairs with LSH banding: for each band, documents are sorted by the hash of
/// their band's rows, and documents with equal hashes form a bucket whose members are paired.
/// Sorting instead of a hash table keeps memory flat and the output order deterministic.
public struct CandidatePairs: Sendable {
    /// Pairs (a, b) with a < b, each once, as `a << 32 | b`, sorted.
    public var pairs: [UInt64]
    /// Buckets larger than the cap: their members were paired only with the cap's first members.
    public var cappedBuckets: Int
    /// The signature-agreement floor every pair passed when it was found (0: none).
    public var minimumAgreement: Int

    /// Bucket size above which a bucket is not paired out fully (a bucket of *m* documents has
    /// *m*(*m*−1)/2 pairs; thousands of identical boilerplate pages must not stall the run).
    public static let defaultBucketCap = 400

    /// Bands whose keys are computed in one pass over the signatures. A document's signature is
    /// read once per block instead of once per band, which matters because the signatures of a
    /// large corpus do not fit any cache; the keys of one block take 16 bytes per band and document.
    static let bandsPerPass = 8

    /// The candidate pairs of the documents in `store` that have shingles; with `split`, only the
    /// pairs (a, b) with a < `split` ≤ b, which are exactly the pairs across `split` that a search
    /// without it finds (buckets and caps are the same). A pair whose signatures agree on fewer
    /// than `minimumAgreement` slots is dropped where a band proposes it, before it is stored:
    /// verification would drop it first thing, and on a large corpus most proposed pairs are such.
    /// The floor is tried on the slots' low bytes first (`SignatureLowBytes`), which a bucket's
    /// members keep in the cache.
    ///
    /// - Complexity: O(*b* · *m*) for *b* bands and *m* documents (radix sorts), plus O(*k*) for
    ///   *k* slots per pair a band proposes.
    public static func find(in store: SketchStore, bands: BandParameters, threads: Int,
                            bucketCap: Int = defaultBucketCap, crossingAt split: Int? = nil,
                            minimumAgreement: Int = 0) -> CandidatePairs {
        let documents = (0..<store.count).filter { store.shingleCount($0) > 0 }
        let perPass = min(max(threads, bandsPerPass), bands.bands)
        let keyed = UnsafeMutableBufferPointer<KeyedDocument>.allocate(capacity: perPass * documents.count)
        defer { keyed.deallocate() }
        var merged: [UInt64] = []
        var capped = 0
        let lowBytes = minimumAgreement > 0 ? SignatureLowBytes(store) : nil
        // Bands in blocks, merged after each block, so memory holds one block's keys and pairs.
        var start = 0
        while start < bands.bands {
            let block = start..<min(start + perPass, bands.bands)
            writeKeys(store, documents: documents, bands: block, rows: bands.rows, into: keyed)
            let found = parallelMap(block.count, threads: threads) { index in
                let band = UnsafeMutableBufferPointer(rebasing: keyed[(index * documents.count)..<((index + 1) * documents.count)])
                return store._withUnsafeHandle { handle in
                    bandPairs(band, documentCount: store.count, bucketCap: bucketCap, split: split) { a, b in
                        guard let lowBytes else { return true }
                        return lowBytes.agreeingSlotsBound(a, b) >= minimumAgreement && handle.agreeingSlots(a, b) >= minimumAgreement
                    }
                }
            }
            for (pairs, cappedHere) in found {
                merged = mergeUnique(merged, pairs)
                capped += cappedHere
            }
            start = block.upperBound
        }
        return CandidatePairs(pairs: merged, cappedBuckets: capped, minimumAgreement: minimumAgreement)
    }

    /// Writes, for each band of `bands` in turn, every document of `documents` with its key in
    /// that band, in document order, reading the signatures once.
    static func writeKeys(_ store: SketchStore, documents: [Int], bands: Range<Int>, rows: Int,
                          into keyed: UnsafeMutableBufferPointer<KeyedDocument>) {
        for (position, document) in documents.enumerated() {
            for band in bands {
                let key = bandKey(store, document: document, band: band, rows: rows)
                (keyed.baseAddress! + (band - bands.lowerBound) * documents.count + position)
                    .initialize(to: KeyedDocument(key: key, document: UInt32(document)))
            }
        }
    }

    /// The LSH key of document `document`'s band `band`: a hash of its `rows` slots.
    @inline(__always)
    public static func bandKey(_ store: SketchStore, document: Int, band: Int, rows: Int) -> UInt64 {
        store.signatures.withUnsafeBufferPointer { signatures in
            var hash = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
            let base = document * store.slots + band * rows
            for row in 0..<rows {
                hash = (hash ^ UInt64(signatures[base + row])) &* 0xFF51_AFD7_ED55_8CCD
                hash = (hash << 31) | (hash >> 33)
            }
            return Shingles.finalize(hash)
        }
    }

    /// The sorted distinct pairs of one band (`keyed`: the documents with their keys in that band,
    /// in document order) that `keeps`, and how many of its buckets were capped; with `split`,
    /// only the pairs (a, b) with a < `split` ≤ b.
    ///
    /// The documents are sorted by band key, stably, so each bucket lists its members in
    /// ascending order. Pairs are checked bucket by bucket: a bucket's members are read again and
    /// again while they are in the cache, where checking the pairs document by document would
    /// fetch a partner's signature from memory for every pair of a large bucket. The kept pairs are
    /// then sorted; they are distinct, since a document sits in one bucket per band.
    ///
    /// - Complexity: O(*m*) for *m* documents (a radix sort), plus the pairs checked, plus a
    ///   radix sort of the pairs kept.
    static func bandPairs(_ keyed: UnsafeMutableBufferPointer<KeyedDocument>, documentCount: Int,
                          bucketCap: Int, split: Int? = nil, keeps: (Int, Int) -> Bool = { _, _ in true }) -> ([UInt64], Int) {
        // Documents come in ascending order and the sort is stable: equal keys stay in document order.
        KeyedDocument.radixSort(keyed)
        var pairs: [UInt64] = []
        var capped = 0
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count && keyed[end].key == keyed[start].key { end += 1 }
            // The first `bucketCap` members pair with every later member: all pairs when the
            // bucket fits the cap, O(cap · m) pairs when it does not.
            if end - start > bucketCap { capped += 1 }
            for position in start..<min(end, start + bucketCap) {
                let document = Int(keyed[position].document)
                // Across `split`: the pairs from before it to at or after it.
                if let split, document >= split { break }
                for partner in (position + 1)..<end {
                    let other = Int(keyed[partner].document)
                    if other >= split ?? 0 && keeps(document, other) { pairs.append(UInt64(document) << 32 | UInt64(other)) }
                }
            }
            start = end
        }
        PairRadixSort.sort(&pairs, documentCount: documentCount)
        return (pairs, capped)
    }

    /// The sorted union of two sorted distinct arrays.
    static func mergeUnique(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var result: [UInt64] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] { result.append(a[i]); i += 1 } else if b[j] < a[i] { result.append(b[j]); j += 1 } else { result.append(a[i]); i += 1; j += 1 }
        }
        result.append(contentsOf: a[i...])
        result.append(contentsOf: b[j...])
        return result
    }
}
