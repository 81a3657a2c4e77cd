#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Runs `body(chunk)` for chunks 0..<count on up to `threads` threads and returns the results in
/// chunk order, so parallel work is assembled exactly as a serial run would assemble it.
func parallelMap<T>(_ count: Int, threads: Int, _ body: (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    if threads <= 1 || count == 1 { return (0..<count).map(body) }
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    // The results are copied out below; the buffer's own copies must be destroyed before the
    // memory is freed, or every worker's result leaks (LeakSanitizer, issue 13).
    defer {
        results.deinitialize()
        results.deallocate()
    }
    withoutActuallyEscaping(body) { work in
        let box = UncheckedBox((work, results))
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
            let (work, output) = box.value
            while true {
                let index = next.increment()
                if index >= count { break }
                output[index] = work(index)
            }
        }
    }
    return results.map { $0! }
}

/// Hands values across threads where the caller guarantees each is used safely (disjoint writes,
/// thread-confined objects).
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// A counter shared by worker threads, guarded by a mutex.
final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    /// The current value, then adds one.
    func increment() -> Int {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        value += 1
        return value - 1
    }
}
