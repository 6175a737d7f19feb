import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Work spread over the machine's cores, for the few commands that handle a
/// whole store's worth of records (a store-wide list parses 200 hot sets and
/// prints megabytes). Results keep their order and a throwing transform's
/// first error in that order is thrown, so a parallel run is
/// indistinguishable from a sequential one. A transform must only read
/// shared state: the store's readers may (their caches are behind a lock),
/// and each result slot is written by exactly one worker.
public enum Parallel {
    /// Online cores, at least 1.
    static let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    public static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        let workers = min(cores, items.count)
        guard workers > 1 else { return items.map(transform) }
        var results = [R?](repeating: nil, count: items.count)
        withoutActuallyEscaping(transform) { transform in
            results.withUnsafeMutableBufferPointer { slots in
                // The workers share these by design (see above); the box only
                // tells the compiler so.
                let shared = Unchecked((items: items, slots: slots, transform: transform))
                // Strided, not in halves: neighbouring items (clients) tend to cost alike.
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    let (items, slots, transform) = shared.value
                    var i = w
                    while i < items.count {
                        slots[i] = transform(items[i])
                        i += workers
                    }
                }
            }
        }
        return results.map { $0! }
    }

    public static func map<T, R>(_ items: [T], _ transform: (T) throws -> R) throws -> [R] {
        try map(items) { item in Result { try transform(item) } }.map { try $0.get() }
    }

    /// `transform` of every element, in order, computed in one contiguous
    /// chunk per core when there are at least `minimumChunk` elements a core.
    public static func chunkedMap<T, R>(_ items: [T], minimumChunk: Int, _ transform: (T) throws -> R) throws -> [R] {
        let parts = chunks(items.count, minimumChunk: minimumChunk)
        guard parts.count > 1 else { return try items.map(transform) }
        return Array(try map(parts) { r in try items[r].map(transform) }.joined())
    }

    /// `0..<count` in up to one contiguous range per core, each at least `minimumChunk` long.
    public static func chunks(_ count: Int, minimumChunk: Int) -> [Range<Int>] {
        let n = max(1, min(cores, count / max(1, minimumChunk)))
        return (0..<n).map { k in (count * k / n)..<(count * (k + 1) / n) }
    }
}

private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// A value behind a mutex, for state that `Parallel` workers may reach.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    /// Allocated, not a stored property: a mutex must not move.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init(_ value: Value) {
        self.value = value
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
