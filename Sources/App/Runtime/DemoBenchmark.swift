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
        if ProcessInfo.processInfo.environment["BENCH_TRACE"] != nil {
            let a = DispatchTime.now().uptimeNanoseconds
            let items = DemoData.items()
            let b = DispatchTime.now().uptimeNanoseconds
            _ = FuzzyIndex(items)
            let c = DispatchTime.now().uptimeNanoseconds
            print(String(format: "setup: items %.3f ms, index %.3f ms", Double(b - a) / 1e6, Double(c - b) / 1e6))
            let index = FuzzyIndex(items)
            let first = index.match(FuzzyMatcher.Query("s"), among: nil).indices
            var best = Double.infinity, bestRank = Double.infinity
            for _ in 0..<50 {
                let t0 = DispatchTime.now().uptimeNanoseconds
                let r = index.match(FuzzyMatcher.Query("se"), among: first)
                let t1 = DispatchTime.now().uptimeNanoseconds
                _ = FuzzyIndex.rank(r.indices, scores: r.scores)
                let t2 = DispatchTime.now().uptimeNanoseconds
                best = min(best, Double(t1 - t0) / 1e6)
                bestRank = min(bestRank, Double(t2 - t1) / 1e6)
            }
            print(String(format: "match 'se' over %d candidates: min %.3f ms; rank min %.3f ms", first.count, best, bestRank))
        }
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
                let t1 = DispatchTime.now().uptimeNanoseconds
                let frame = program.render(state, size: size)
                let t2 = DispatchTime.now().uptimeNanoseconds
                let diff = BufferDiff.between(previous, frame)
                previous = frame
                let end = DispatchTime.now().uptimeNanoseconds
                if diff.runs.count < 0 { print("unreachable") }  // keep the diff alive
                samples.append(Double(end - start) / 1e6)
                if ProcessInfo.processInfo.environment["BENCH_TRACE"] != nil { print(action, String(format: "%.3f reduce %.3f render %.3f diff %.3f", Double(end - start) / 1e6, Double(t1 - start) / 1e6, Double(t2 - t1) / 1e6, Double(end - t2) / 1e6), state.filter.matchCount) }
            }
        }
        return Result(samples: samples, setupMilliseconds: setup)
    }
}
