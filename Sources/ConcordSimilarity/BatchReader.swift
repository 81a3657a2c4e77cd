import ConcordCorpus
internal import Foundation

/// Reads a corpus in batches of documents, in input order, for a consumer that works on each
/// batch (sketching it). With `overlapped`, a reader thread reads the next batch while the consumer
/// works on the current one, at most two batches ahead, so reading and sketching share the
/// cores instead of taking turns; the batches, their order and what is thrown are the same.
enum BatchReader {
    /// Batches read ahead of the consumer, at most.
    static let readAhead = 2

    /// Calls `consume` with each batch of up to `size` documents of `loading`, in order.
    ///
    /// - Throws: what reading throws (the first error, after the batches before it were
    ///   consumed) or what `consume` throws (reading then stops).
    /// - Complexity: O(total bytes) to read.
    static func forEachBatch(of loading: inout CorpusLoading, size: Int, overlapped: Bool,
                             _ consume: ([Document]) throws -> Void) throws {
        guard overlapped else {
            try batches(of: &loading, size: size, consume)
            return
        }
        let handoff = Handoff(capacity: readAhead)
        let reading = UncheckedBox(Reading(loading: loading))
        let thread = Thread {
            do {
                try batches(of: &reading.value.loading, size: size, handoff.put)
                handoff.finish(throwing: nil)
            } catch {
                handoff.finish(throwing: error)
            }
        }
        // As much stack as the main thread has: reading runs the same code there or here.
        thread.stackSize = 8 << 20
        thread.start()
        defer {
            handoff.waitUntilFinished()
            loading = reading.value.loading
        }
        do {
            // `take` gives nil only once the reader has finished.
            while let batch = handoff.take() { try consume(batch) }
        } catch {
            handoff.cancel()
            throw error
        }
        if let error = handoff.failure { throw error }
    }

    /// Hands `deliver` each batch of up to `size` documents of `loading`, in order (the last one
    /// possibly empty).
    private static func batches(of loading: inout CorpusLoading, size: Int, _ deliver: ([Document]) throws -> Void) throws {
        var batch: [Document] = []
        batch.reserveCapacity(size)
        try loading.forEachDocument { document in
            batch.append(document)
            if batch.count >= size {
                try deliver(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try deliver(batch)
    }

    /// The loading state, moved to the reader thread and back.
    private final class Reading {
        var loading: CorpusLoading
        init(loading: CorpusLoading) { self.loading = loading }
    }

    /// The batches between the reader thread and the consumer, guarded by one condition.
    private final class Handoff: @unchecked Sendable {
        private let condition = NSCondition()
        private let capacity: Int
        private var ready: [[Document]] = []
        private var finished = false
        private var cancelled = false
        private(set) var failure: (any Error)?

        init(capacity: Int) { self.capacity = capacity }

        /// Thrown to the reader when the consumer has stopped.
        struct Cancelled: Error {}

        /// Queues `batch`, waiting while `capacity` batches wait.
        func put(_ batch: [Document]) throws {
            condition.lock()
            defer { condition.unlock() }
            while ready.count >= capacity && !cancelled { condition.wait() }
            if cancelled { throw Cancelled() }
            ready.append(batch)
            condition.broadcast()
        }

        /// The next batch, waiting for it; nil once the reader has finished and every batch was taken.
        func take() -> [Document]? {
            condition.lock()
            defer { condition.unlock() }
            while ready.isEmpty && !finished { condition.wait() }
            guard !ready.isEmpty else { return nil }
            condition.broadcast()
            return ready.removeFirst()
        }

        /// The reader is done, with the error that stopped it, if any.
        func finish(throwing error: (any Error)?) {
            condition.lock()
            defer { condition.unlock() }
            if !(error is Cancelled) { failure = error }
            finished = true
            condition.broadcast()
        }

        /// The consumer has stopped: the reader's next `put` throws.
        func cancel() {
            condition.lock()
            defer { condition.unlock() }
            cancelled = true
            condition.broadcast()
        }

        /// Waits for the reader to finish.
        func waitUntilFinished() {
            condition.lock()
            defer { condition.unlock() }
            while !finished { condition.wait() }
        }
    }
}
