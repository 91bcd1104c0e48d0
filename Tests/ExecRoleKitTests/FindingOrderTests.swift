@testable import ExecRoleKit
import IAMKit
import Testing

/// `FindingOrder.arrange` must give what the engine gave before it: drop repeats (same order,
/// rule, pointer, message; the first stays) with a set, then sort stably by order, position, rule.
@Suite("Finding order")
struct FindingOrderTests {
    static func reference(_ placed: [(order: Int, finding: Finding)]) -> [Finding] {
        struct Key: Hashable { var order: Int; var rule: String; var pointer: String; var message: String }
        var seen = Set<Key>()
        var out: [(order: Int, finding: Finding)] = []
        for p in placed where seen.insert(Key(order: p.order, rule: p.finding.rule, pointer: p.finding.pointer, message: p.finding.message)).inserted {
            out.append(p)
        }
        out.sort { a, b in
            if a.order != b.order { return a.order < b.order }
            let pa = a.finding.position.map { ($0.line, $0.column) } ?? (Int.max, 0)
            let pb = b.finding.position.map { ($0.line, $0.column) } ?? (Int.max, 0)
            if pa != pb { return pa < pb }
            return a.finding.rule < b.finding.rule
        }
        return out.map(\.finding)
    }

    /// Random findings over few pointers, rules and messages, so repeats, equal positions, pointers
    /// without a position and long runs all occur. The position is a function of (order, pointer),
    /// as in the engine.
    static func placed(seed: UInt64, count: Int) -> [(order: Int, finding: Finding)] {
        var g = SeededGenerator(seed: seed)
        let pointers = ["", "/Statement/0", "/Statement/0/Action/1", "/Statement/1", "/Statement/1/Resource", "/x"]
        let rules = ["IAM006", "ER011", "IAM013", "ER001"]
        let messages = ["a", "b", "c"]
        return (0..<count).map { i in
            let order = g.int(0...2)
            let pi = g.int(0...(pointers.count - 1))
            // Pointers 0 and 5 have no position; 3 and 4 share one in document 1.
            let position: SourcePosition? = pi == 0 || pi == 5 ? nil
                : SourcePosition(line: order == 1 && pi == 4 ? 3 : pi, column: order * 2 + 1, offset: i)
            let f = Finding(rule: g.pick(rules), slug: "s", severity: .low, title: "t", message: g.pick(messages), fix: "f\(i)",
                            pointer: pointers[pi], position: position, document: "d\(order)")
            return (order, f)
        }
    }

    @Test(arguments: [1, 2, 3, 17, 40, 200, 1_000])
    func arrangesLikeDedupeThenStableSort(_ count: Int) {
        for seed in UInt64(1)...25 {
            let p = Self.placed(seed: seed &* 7 &+ UInt64(count), count: count)
            let got = FindingOrder.arrange(p.map { RoleFinding($0.finding, in: .role) }, orders: p.map(\.order))
            let want = Self.reference(p)
            // `fix` is unique per input finding: equal lists of fixes mean the same findings, same order.
            #expect(got.map(\.fix) == want.map(\.fix), "seed \(seed), \(count) findings")
            #expect(got == want)
        }
    }

    @Test func empty() {
        #expect(FindingOrder.arrange([], orders: []).isEmpty)
    }
}
