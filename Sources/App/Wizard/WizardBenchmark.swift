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
        public func percentile(_ p: Double) -> Double {
            let s = samples.sorted()
            guard !s.isEmpty else { return 0 }
            return s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
        }
        public var report: String {
            let f = { (v: Double) in String(format: "%.3f", v) }
            return "wizard bench: 200x60, \(logGroups) log groups, \(samples.count) keystrokes; setup \(f(setupMilliseconds)) ms; per keystroke reduce+render+diff: p50 \(f(percentile(0.5))) ms, p99 \(f(percentile(0.99))) ms, max \(f(percentile(1))) ms"
        }
    }

    public static func run(extraLogGroups: Int = 60_000, rounds: Int = 10) -> Result {
        let clock = ContinuousClock()
        let t0 = clock.now
        var state = WizardState.start(inventory: DemoAccount.large(logGroups: extraLogGroups), size: Size(width: 200, height: 60))
        _ = WizardReducer.reduce(&state, .goTo(.logs))
        _ = WizardReducer.reduce(&state, .startFilter)
        let view = WizardView()
        var last = view.render(state, size: state.size)
        let setup = (clock.now - t0)
        var samples: [Double] = []
        let queries = ["ecs", "plat", "web-1", "/aws/ecs/ml/pay"]
        for r in 0..<rounds {
            let q = queries[r % queries.count]
            let keys = q.map { KeyEvent.char($0) } + Array(repeating: KeyEvent(.backspace), count: q.count)
            for k in keys {
                let start = clock.now
                _ = WizardReducer.reduce(&state, .edit(k))
                let frame = view.render(state, size: state.size)
                _ = BufferDiff.between(last, frame)
                last = frame
                let d = clock.now - start
                samples.append(Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
            }
        }
        let setupMs = Double(setup.components.seconds) * 1000 + Double(setup.components.attoseconds) / 1e15
        return Result(samples: samples, setupMilliseconds: setupMs, logGroups: state.catalog.inventory.logGroups.count)
    }
}
