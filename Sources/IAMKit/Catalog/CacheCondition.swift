import Foundation

/// The mutex and condition variable of the compute-once caches (`OnceSlots`, `RuleCache`).
///
/// `NSCondition`'s mutex sleeps as soon as it finds the lock taken. The caches hold it for a
/// dictionary or array lookup, and lint's two threads look them up constantly: each collision put a
/// thread to sleep and woke it again (~130 times per corpus run). On Linux this mutex is glibc's
/// adaptive kind, which spins briefly first — long enough for a lookup to finish.
final class CacheCondition: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        #if os(Linux)
        // PTHREAD_MUTEX_ADAPTIVE_NP (a GNU extension, not visible to Swift by name).
        pthread_mutexattr_settype(&attributes, 3)
        #endif
        pthread_mutex_init(mutex, &attributes)
        pthread_mutexattr_destroy(&attributes)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deinitialize(count: 1)
        condition.deallocate()
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    /// Waits for a `broadcast`; call with the lock held (it is held again on return).
    func wait() { pthread_cond_wait(condition, mutex) }
    func broadcast() { pthread_cond_broadcast(condition) }
}
