import Foundation
import TUIKit

/// Headless keystroke benchmark for the demo: per keystroke, reduce + render + diff, while typing
/// a query into the 60,000-item filter and deleting it again. Used by `ecsrole tui-demo --bench`.
public enum DemoBenchmark {
    public struct Result: Sendable {
        public var samples: [Double]  // milliseconds
        public var setupMilliseconds: Double
        public func percentile(_ p: Double) -> Double {
            let sorted = samples.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
        }
    }

    public static func run(size: Size = Size(width: 200, height: 60), query: String = "secretsget", rounds: Int = 20) -> Result {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let program = DemoProgram()
        var state = DemoState(size: size)
        let setup = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
        var previous = program.render(state, size: size)
        var samples: [Double] = []
        let keys: [DemoProgram.Action] = [.startFilter] + query.map { .filterKey(.char($0)) }
            + Array(repeating: .filterKey(KeyEvent(.backspace)), count: query.count) + [.cancelFilter]
        for _ in 0..<rounds {
            for action in keys {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = program.reduce(&state, action)
                let frame = program.render(state, size: size)
                let diff = BufferDiff.between(previous, frame)
                previous = frame
                let end = DispatchTime.now().uptimeNanoseconds
                if diff.runs.count < 0 { print("unreachable") }  // keep the diff alive
                samples.append(Double(end - start) / 1e6)
            }
        }
        return Result(samples: samples, setupMilliseconds: setup)
    }
}
