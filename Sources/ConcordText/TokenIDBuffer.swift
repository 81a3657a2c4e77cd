/// Token ids as the pipeline writes them: a growable buffer that the pipeline sizes once per line
/// (a line of *n* bytes holds at most *n* words) and then fills without a capacity or uniqueness
/// check per word. Reused across documents, it allocates only when a document outgrows it.
package final class TokenIDBuffer {
    /// Number of ids written.
    package private(set) var count = 0
    private var capacity: Int
    private var storage: UnsafeMutablePointer<UInt64>

    package init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// Forgets every id, keeping the storage.
    package func removeAll() { count = 0 }

    /// The ids written, as an array.
    package var ids: [UInt64] { withUnsafeBufferPointer { Array($0) } }

    /// Calls `body` with the ids written.
    package func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt64>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage, count: count))
    }

    /// Where the next id goes, with room for `additional` ids from there. Write at most that many
    /// and hand the advanced pointer back to `commit`.
    @inline(__always)
    func reserve(_ additional: Int) -> UnsafeMutablePointer<UInt64> {
        if count + additional > capacity { grow(to: count + additional) }
        return storage + count
    }

    /// Records the ids written up to `end` (a pointer from `reserve`, advanced).
    @inline(__always)
    func commit(_ end: UnsafeMutablePointer<UInt64>) { count = end - storage }

    private func grow(to needed: Int) {
        let grown = UnsafeMutablePointer<UInt64>.allocate(capacity: max(needed, capacity * 2))
        grown.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = grown
        capacity = max(needed, capacity * 2)
    }
}
