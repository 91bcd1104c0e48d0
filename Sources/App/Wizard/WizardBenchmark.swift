import ExecRoleKit
import Foundation
import TUIKit

/// The keystroke benchmark: the Logs step over 60,000 log groups, typing and deleting a filter
/// query; each sample is reduce + render + diff, as the runtime does per keystroke.
public enum WizardBenchmark {
    public struct Result: Sendable {
        public var samples: [Double]
        public var setupMilliseconds: Double
        public var logGroups: Int
        /// Per-phase p99s (reduce, render, diff), to see where a slow keystroke goes.
        public var phaseP99: (reduce: Double, render: Double, diff: Double) = (0, 0, 0)
        public func percentile(_ p: Double) -> Double {
            let s = samples.sorted()
            guard !s.isEmpty else { return 0 }
            return s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
        }
        public var report: String {
            let f = { (v: Double) in String(format: "%.3f", v) }
            return "wizard bench: 200x60, \(logGroups) log groups, \(samples.count) keystrokes; setup \(f(setupMilliseconds)) ms; per keystroke reduce+render+diff: p50 \(f(percentile(0.5))) ms, p99 \(f(percentile(0.99))) ms, max \(f(percentile(1))) ms (p99 by phase: reduce \(f(phaseP99.reduce)), render \(f(phaseP99.render)), diff \(f(phaseP99.diff)))"
        }
    }

    public static func run(extraLogGroups: Int = 60_000, rounds: Int = 40) -> Result {
        let clock = ContinuousClock()
        let t0 = clock.now
        var state = WizardState.start(inventory: DemoAccount.large(logGroups: extraLogGroups), size: Size(width: 200, height: 60))
        _ = WizardReducer.reduce(&state, .goTo(.logs))
        _ = WizardReducer.reduce(&state, .startFilter)
        let view = WizardView()
        var last = view.render(state, size: state.size)
        let setup = (clock.now - t0)
        var samples: [Double] = []
        var phases: [[Double]] = [[], [], []]
        func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
        let queries = ["ecs", "plat", "web-1", "/aws/ecs/ml/pay"]
        for r in 0..<rounds {
            let q = queries[r % queries.count]
            let keys = q.map { KeyEvent.char($0) } + Array(repeating: KeyEvent(.backspace), count: q.count)
            for k in keys {
                let start = clock.now
                _ = WizardReducer.reduce(&state, .edit(k))
                let t1 = clock.now
                let frame = view.render(state, size: state.size)
                let t2 = clock.now
                _ = BufferDiff.between(last, frame)
                let t3 = clock.now
                last = frame
                samples.append(ms(t3 - start))
                phases[0].append(ms(t1 - start)); phases[1].append(ms(t2 - t1)); phases[2].append(ms(t3 - t2))
            }
        }
        let setupMs = Double(setup.components.seconds) * 1000 + Double(setup.components.attoseconds) / 1e15
        var r = Result(samples: samples, setupMilliseconds: setupMs, logGroups: state.catalog.inventory.logGroups.count)
        func p99(_ xs: [Double]) -> Double { let s = xs.sorted(); return s.isEmpty ? 0 : s[min(s.count - 1, Int((Double(s.count - 1) * 0.99).rounded()))] }
        r.phaseP99 = (p99(phases[0]), p99(phases[1]), p99(phases[2]))
        return r
    }
}
