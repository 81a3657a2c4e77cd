/// Finds candidate pairs with LSH banding: for each band, documents are sorted by the hash of
/// their band's rows, and documents with equal hashes form a bucket whose members are paired.
/// Sorting instead of a hash table keeps memory flat and the output order deterministic.
public struct CandidatePairs: Sendable {
    /// Pairs (a, b) with a < b, each once, as `a << 32 | b`, sorted.
    public var pairs: [UInt64]
    /// Buckets larger than the cap: their members were paired only with the cap's first members.
    public var cappedBuckets: Int

    /// Bucket size above which a bucket is not paired out fully (a bucket of *m* documents has
    /// *m*(*m*−1)/2 pairs; thousands of identical boilerplate pages must not stall the run).
    public static let defaultBucketCap = 400

    /// The candidate pairs of the documents in `store` that have shingles.
    ///
    /// - Complexity: O(*b* · *m* log *m*) for *b* bands and *m* documents, plus the pairs found.
    public static func find(in store: SketchStore, bands: BandParameters, threads: Int,
                            bucketCap: Int = defaultBucketCap) -> CandidatePairs {
        let documents = (0..<store.count).filter { store.shingleCount($0) > 0 }
        var merged: [UInt64] = []
        var capped = 0
        // Bands in groups of `threads`, merged after each group, so memory holds one group's pairs.
        var start = 0
        while start < bands.bands {
            let group = Array(start..<min(start + max(threads, 1), bands.bands))
            let found = parallelMap(group.count, threads: threads) { index in
                bandPairs(store, documents: documents, band: group[index], rows: bands.rows, bucketCap: bucketCap)
            }
            for (pairs, cappedHere) in found {
                merged = mergeUnique(merged, pairs)
                capped += cappedHere
            }
            start += group.count
        }
        return CandidatePairs(pairs: merged, cappedBuckets: capped)
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

    /// The sorted distinct pairs of one band, and how many of its buckets were capped.
    static func bandPairs(_ store: SketchStore, documents: [Int], band: Int, rows: Int, bucketCap: Int) -> ([UInt64], Int) {
        var keyed: [KeyedDocument] = []
        keyed.reserveCapacity(documents.count)
        for document in documents {
            keyed.append(KeyedDocument(key: bandKey(store, document: document, band: band, rows: rows), document: UInt32(document)))
        }
        // Documents go in ascending order and the sort is stable: equal keys stay in document order.
        KeyedDocument.radixSort(&keyed)
        var pairs: [UInt64] = []
        var capped = 0
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count && keyed[end].key == keyed[start].key { end += 1 }
            let size = end - start
            if size > 1 {
                // The first `bucketCap` members are paired with every later member: all pairs when
                // the bucket fits the cap, O(cap · m) pairs when it does not.
                if size > bucketCap { capped += 1 }
                for i in start..<(start + min(size, bucketCap)) {
                    for j in (i + 1)..<end {
                        pairs.append(UInt64(keyed[i].document) << 32 | UInt64(keyed[j].document))
                    }
                }
            }
            start = end
        }
        pairs.sort()
        return (uniqued(pairs), capped)
    }

    static func uniqued(_ sorted: [UInt64]) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(sorted.count)
        for value in sorted where result.last != value { result.append(value) }
        return result
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
