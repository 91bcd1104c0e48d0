import IAMKit

/// The order `LintEngine.run` reports findings in, and its dedupe.
enum FindingOrder {
    /// Sorts findings by document (`orders`), then line and column (findings without a position
    /// last), then rule id, keeping the given order among equals; and drops every finding with the
    /// same order, rule, pointer and message as an earlier one (the first stays).
    ///
    /// The engine used to drop repeats with a set keyed by all four fields (hashing every message)
    /// before sorting. A repeat has the same document and pointer, hence the same position, so after
    /// the stable sort it lies in the same run of equal (order, line, column, rule) as the finding
    /// it repeats, after it: only runs longer than one need a look, and they are rare and short.
    /// Same result; the sort also moves indices rather than whole findings.
    /// - Parameters:
    ///   - placed: findings with their positions set.
    ///   - orders: the order of each finding's document (`placed[i]` is in document `orders[i]`).
    static func arrange(_ placed: [RoleFinding], orders: [Int]) -> [Finding] {
        // Most roles have no finding or one (nothing to sort or drop): no keys, no permutation.
        if placed.count <= 1 { return placed.map(\.finding) }
        let keys = placed.indices.map { i in
            SortKey(order: orders[i], line: placed[i].finding.position?.line ?? Int.max, column: placed[i].finding.position?.column ?? 0)
        }
        var perm = Array(placed.indices)
        perm.sort { a, b in
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            return placed[a].finding.rule < placed[b].finding.rule
        }
        var out: [Finding] = []
        out.reserveCapacity(placed.count)
        var start = 0
        while start < perm.count {
            let first = perm[start]
            var end = start + 1
            while end < perm.count && keys[perm[end]] == keys[first] && placed[perm[end]].finding.rule == placed[first].finding.rule {
                end += 1
            }
            if end - start == 1 {
                out.append(placed[first].finding)
            } else {
                var seen = Set<Repeat>()
                for j in start..<end {
                    let f = placed[perm[j]].finding
                    if seen.insert(Repeat(pointer: f.pointer, message: f.message)).inserted { out.append(f) }
                }
            }
            start = end
        }
        return out
    }

    /// Document order, then position.
    private struct SortKey: Equatable, Comparable {
        var order: Int
        var line: Int
        var column: Int

        static func < (a: SortKey, b: SortKey) -> Bool {
            (a.order, a.line, a.column) < (b.order, b.line, b.column)
        }
    }

    /// What else makes a finding a repeat within a run.
    private struct Repeat: Hashable {
        var pointer: String
        var message: String
    }
}
