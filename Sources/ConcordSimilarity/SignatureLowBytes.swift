/// The low byte of every signature slot of a store: a quarter of the signatures' size, so that
/// the agreement floor can be tried on the pairs of large LSH buckets from the cache. Slots that
/// agree agree in their low bytes too, so a pair whose low bytes agree on fewer slots than the
/// floor is below it; only a pair that passes needs its full slots compared.
struct SignatureLowBytes {
    let slots: Int
    private let bytes: [UInt8]

    /// - Complexity: O(*m* · *k*) for *m* documents of *k* slots.
    init(_ store: SketchStore) {
        slots = store.slots
        bytes = store.signatures.map { UInt8(truncatingIfNeeded: $0) }
    }

    /// How many slots of documents `a` and `b` agree in their low bytes: at least as many as agree.
    ///
    /// - Complexity: O(*k*) for *k* slots, compared sixteen at a time in vector registers.
    func agreeingSlotsBound(_ a: Int, _ b: Int) -> Int {
        bytes.withUnsafeBytes { bytes in agreeingSlotsBound(bytes.baseAddress! + a * slots, bytes.baseAddress! + b * slots) }
    }

    /// `agreeingSlotsBound` of the slots at `x` and `y`.
    private func agreeingSlotsBound(_ x: UnsafeRawPointer, _ y: UnsafeRawPointer) -> Int {
        var count = 0, offset = 0
        while offset + 16 <= slots {
            // A lane counts at most 255 blocks before it is added up.
            let end = min(slots, offset + 255 * 16)
            var matches = SIMD16<UInt8>(repeating: 0)
            while offset + 16 <= end {
                let equal = x.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
                    .== y.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
                matches &+= SIMD16(repeating: 0).replacing(with: 1, where: equal)
                offset += 16
            }
            count += matches.indices.reduce(0) { $0 + Int(matches[$1]) }
        }
        while offset < slots {
            count += x.load(fromByteOffset: offset, as: UInt8.self) == y.load(fromByteOffset: offset, as: UInt8.self) ? 1 : 0
            offset += 1
        }
        return count
    }
}
