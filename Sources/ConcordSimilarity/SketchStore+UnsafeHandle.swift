extension SketchStore {
    /// Read access to a store's arrays through pointers, for the loops that run once per candidate
    /// pair: one handle serves a whole chunk of pairs, where each array access through the store
    /// would check bounds and pin the array again. All of the store's pointer code lives here.
    struct _UnsafeHandle {
        let slots: Int
        let fingerprints: UnsafeBufferPointer<UInt32>
        let offsets: UnsafeBufferPointer<Int>
        let signatures: UnsafeBufferPointer<UInt32>

        /// The sorted distinct fingerprints of document `index`.
        @inline(__always)
        func fingerprints(of index: Int) -> UnsafeBufferPointer<UInt32> {
            UnsafeBufferPointer(rebasing: fingerprints[offsets[index]..<offsets[index + 1]])
        }

        /// How many signature slots documents `a` and `b` agree on.
        ///
        /// - Complexity: O(*k*) for *k* slots, compared four at a time in vector registers (a
        ///   compare and a branch per slot cost more, and this runs for every candidate pair).
        func agreeingSlots(_ a: Int, _ b: Int) -> Int {
            let x = UnsafeRawPointer(signatures.baseAddress! + a * slots), y = UnsafeRawPointer(signatures.baseAddress! + b * slots)
            var matches = SIMD4<UInt32>(repeating: 0)
            var offset = 0
            while offset + 16 <= slots * 4 {
                let equal = x.loadUnaligned(fromByteOffset: offset, as: SIMD4<UInt32>.self)
                    .== y.loadUnaligned(fromByteOffset: offset, as: SIMD4<UInt32>.self)
                matches &+= SIMD4(repeating: 0).replacing(with: 1, where: equal)
                offset += 16
            }
            var count = Int(matches.wrappedSum())
            while offset < slots * 4 {
                count += x.load(fromByteOffset: offset, as: UInt32.self) == y.load(fromByteOffset: offset, as: UInt32.self) ? 1 : 0
                offset += 4
            }
            return count
        }

        /// The exact overlap score of documents `a` and `b`.
        ///
        /// - Complexity: O(*n*a + *n*b).
        func score(_ a: Int, _ b: Int, measure: OverlapMeasure) -> Double {
            let first = fingerprints(of: a), second = fingerprints(of: b)
            return measure.score(common: ShingleSet.intersectionCount(first, second), a: first.count, b: second.count)
        }
    }

    /// Calls `body` with a handle on the store's arrays, valid only inside `body`.
    func _withUnsafeHandle<R>(_ body: (_UnsafeHandle) -> R) -> R {
        fingerprints.withUnsafeBufferPointer { fingerprints in
            offsets.withUnsafeBufferPointer { offsets in
                signatures.withUnsafeBufferPointer { signatures in
                    body(_UnsafeHandle(slots: slots, fingerprints: fingerprints, offsets: offsets, signatures: signatures))
                }
            }
        }
    }
}
