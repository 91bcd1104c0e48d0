import Foundation

/// Values by slot (0, 1, 2, …), each computed at most once: a thread asking for a slot another
/// thread is computing waits for that result instead of computing it again.
///
/// `lint` runs files on every core, and neighbouring files (AmazonEC2FullAccess, AmazonEC2ReadOnly…)
/// need the same catalog blocks and tables at the same moment: computing outside a lock and
/// keeping whichever finished last parsed popular blocks twice. Waiting costs no more time than
/// the duplicate work did, and no CPU.
final class OnceSlots<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var values: [Value?]
    /// 0 not started, 1 being computed, 2 done (the value may be nil).
    private var states: [UInt8]

    init(count: Int) {
        values = Array(repeating: nil, count: count)
        states = Array(repeating: 0, count: count)
    }

    /// The value of `slot`, computing it with `make` if no thread has. Slots past the end grow the table.
    func value(_ slot: Int, _ make: () -> Value?) -> Value? {
        condition.lock()
        if slot >= states.count {
            values += Array(repeating: nil, count: slot + 1 - states.count)
            states += Array(repeating: 0, count: slot + 1 - states.count)
        }
        while states[slot] == 1 { condition.wait() }
        if states[slot] == 2 {
            let v = values[slot]
            condition.unlock()
            return v
        }
        states[slot] = 1
        condition.unlock()
        let v = make()
        condition.lock()
        values[slot] = v
        states[slot] = 2
        condition.broadcast()
        condition.unlock()
        return v
    }
}
