import Foundation

/// Values by slot (0, 1, 2, …), each computed at most once: a thread asking for a slot another
/// thread is computing waits for that result instead of computing it again.
///
/// `lint` runs files on every core, and neighbouring files (AmazonEC2FullAccess, AmazonEC2ReadOnly…)
/// need the same catalog blocks and tables at the same moment: computing outside a lock and
/// keeping whichever finished last parsed popular blocks twice. Waiting costs no more time than
/// the duplicate work did, and no CPU.
final class OnceSlots<Value>: @unchecked Sendable {
    private let condition = CacheCondition()
    private var values: [Value?]
    /// 0 not started, 1 being computed, 2 done (the value may be nil).
    private var states: [UInt8]
    /// Slots below this one have all been started (`computeAnyUnstarted` scans from here).
    private var cursor = 0
    /// Whether any thread has asked for a slot with `value` (set under the lock it takes anyway).
    private var requested = false

    init(count: Int) {
        values = Array(repeating: nil, count: count)
        states = Array(repeating: 0, count: count)
    }

    /// The value of `slot`, computing it with `make` if no thread has. Slots past the end grow the table.
    func value(_ slot: Int, _ make: () -> Value?) -> Value? {
        condition.lock()
        requested = true
        if slot >= states.count {
            values += Array(repeating: nil, count: slot + 1 - states.count)
            states += Array(repeating: 0, count: slot + 1 - states.count)
        }
        while states[slot] == 1 {
            // Rather than sit idle while another thread computes this slot, do work lint will want
            // anyway: parse a catalog block nobody has started (none left: wait).
            condition.unlock()
            let helped = IdleWork.run()
            condition.lock()
            if !helped && states[slot] == 1 { condition.wait() }
        }
        if states[slot] == 2 {
            let v = values[slot]
            condition.unlock()
            return v
        }
        states[slot] = 1
        condition.unlock()
        let v = make()
        finish(slot, v)
        return v
    }

    /// How many slots have been started or computed (for tests).
    var startedCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return states.filter { $0 != 0 }.count
    }

    /// Stores a computed slot and wakes the threads waiting for it.
    private func finish(_ slot: Int, _ v: Value?) {
        condition.lock()
        values[slot] = v
        states[slot] = 2
        condition.broadcast()
        condition.unlock()
    }

    /// Computes one slot no thread has started, the lowest first; false when every slot has been
    /// started. Never waits for another thread.
    /// With `untilRequested`, also false once any thread has asked for a slot with `value`: a warm-up
    /// that should give way as soon as the real work starts (`ActionCatalog.prewarm`).
    func computeAnyUnstarted(untilRequested: Bool = false, _ make: (Int) -> Value?) -> Bool {
        condition.lock()
        if untilRequested && requested { condition.unlock(); return false }
        while cursor < states.count && states[cursor] != 0 { cursor += 1 }
        guard cursor < states.count else { condition.unlock(); return false }
        let slot = cursor
        states[slot] = 1
        cursor += 1
        condition.unlock()
        finish(slot, make(slot))
        return true
    }
}

/// What a thread does instead of waiting for a value another thread is computing (`OnceSlots`,
/// `RuleCache`): parse one catalog block that no thread has started.
///
/// `lint` runs files on every core, and at the start of a run neighbouring files need the same
/// blocks and tables at once: the threads took turns sleeping until the other finished (a corpus
/// run made ~425 voluntary context switches, now ~170). A corpus run parses nearly every block
/// anyway, so a waiting thread parses the next one instead. A small run may parse a block it never
/// reads (~50 µs, and only while the thread would otherwise sleep).
enum IdleWork {
    /// Does one piece of idle work; false when there is none left.
    static func run() -> Bool { ActionCatalog.shared.parseAnyUnparsedBlock() }
}
