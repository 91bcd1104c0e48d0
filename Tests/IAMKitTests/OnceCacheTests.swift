import Dispatch
import Foundation
@testable import IAMKit
import Testing

/// Catalog blocks, risk tables and rule caches are computed once per key even when several
/// threads ask at the same moment (the others wait for the first).
@Suite("Compute-once caches")
struct OnceCacheTests {
    /// A counter several threads bump.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func bump() { lock.lock(); n += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    }

    /// Results written from several threads.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var all: [Int] = []
        func add(_ v: Int) { lock.lock(); all.append(v); lock.unlock() }
    }

    @Test func slotsComputeEachSlotOnce() {
        let slots = OnceSlots<Int>(count: 2)
        let made = Counter(), results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            // Slot 5 is past the initial count: the table grows.
            let v = slots.value(i % 2 == 0 ? 1 : 5) {
                made.bump()
                usleep(20_000) // long enough for the other threads to arrive while it is computed
                return 42
            }
            results.add(v ?? -1)
        }
        #expect(made.value == 2)
        #expect(results.all.count == 8 && results.all.allSatisfy { $0 == 42 })
        // A slot computed as nil is done too.
        var nilMade = 0
        #expect(slots.value(0) { nilMade += 1; return nil } == nil)
        #expect(slots.value(0) { nilMade += 1; return 1 } == nil)
        #expect(nilMade == 1)
    }

    @Test func ruleCacheComputesEachKeyOnce() {
        let cache = RuleCache<Int, String>()
        let made = Counter(), results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let v = cache.value(i % 2 == 0 ? "a" : "b") {
                made.bump()
                usleep(20_000)
                return i % 2 == 0 ? 1 : 2
            }
            results.add(v)
        }
        #expect(made.value == 2)
        #expect(results.all.filter { $0 == 1 }.count == 4 && results.all.filter { $0 == 2 }.count == 4)
    }

    /// `computeAnyUnstarted` (the idle work of waiting threads) and `value` together still compute
    /// each slot once, with the value `value` would have computed; it stops when all are started.
    @Test func idleWorkAndLookupsComputeEachSlotOnce() {
        let slots = OnceSlots<Int>(count: 64)
        let made = Counter(), results = Results()
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            if i % 2 == 0 {
                while slots.computeAnyUnstarted({ slot in made.bump(); return slot * 10 }) {}
            } else {
                for slot in stride(from: 63, through: 0, by: -1) {
                    results.add(slots.value(slot) { made.bump(); usleep(200); return slot * 10 } ?? -1)
                }
            }
        }
        #expect(made.value == 64)
        #expect(results.all.count == 8 * 64)
        #expect(Set(results.all) == Set((0..<64).map { $0 * 10 }))
        #expect(!slots.computeAnyUnstarted { _ in Issue.record("all slots were started"); return 0 })
    }

    /// The shared catalog's idle work parses blocks no thread asked for, each once, and they are
    /// the blocks a lookup would have parsed.
    @Test func idleWorkParsesCatalogBlocks() {
        let catalog = ActionCatalog.shared
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<20 { _ = IdleWork.run() }
        }
        for prefix in ["ecr", "logs", "s3", catalog.servicePrefixes.last!] {
            let svc = catalog.service(prefix)
            #expect(svc?.prefix == prefix)
            #expect(svc.map { $0.actions.isEmpty } == false)
        }
        while IdleWork.run() {}
        #expect(!catalog.parseAnyUnparsedBlock())
        #expect(catalog.servicePrefixes.allSatisfy { catalog.service($0) != nil })
    }
}
