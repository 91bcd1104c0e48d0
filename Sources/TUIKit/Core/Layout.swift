/// How much space one slot of a split wants.
public enum Constraint: Hashable, Sendable {
    /// Exactly `n` cells (shrunk only if the total does not fit).
    case length(Int)
    /// `p` percent of the whole.
    case percentage(Int)
    /// At least `n` cells; grows like `fill` when space is left.
    case min(Int)
    /// At most `n` cells; takes what it can up to `n`.
    case max(Int)
    /// Shares the leftover space with other fills in proportion to `weight`.
    case fill(Int = 1)
}

/// Splits a rectangle into rows or columns from a list of constraints.
///
/// Deliberately simpler than a Cassowary solver: fixed sizes first (length, percentage, max, min),
/// leftover space to `fill` and `min` slots by weight, and when the fixed sizes overflow they are
/// shrunk from the last slot backwards so the first panes stay intact.
public struct Layout: Sendable {
    public enum Direction: Sendable { case horizontal, vertical }
    public var direction: Direction
    public var constraints: [Constraint]
    /// Cells left empty between slots.
    public var spacing: Int

    public init(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) {
        self.direction = direction
        self.constraints = constraints
        self.spacing = spacing
    }

    /// Splits into rows (top to bottom).
    public static func vertical(_ c: [Constraint], spacing: Int = 0) -> Layout { Layout(.vertical, c, spacing: spacing) }
    /// Splits into columns (left to right).
    public static func horizontal(_ c: [Constraint], spacing: Int = 0) -> Layout { Layout(.horizontal, c, spacing: spacing) }

    /// The slot rectangles, one per constraint, covering `area`.
    public func split(_ area: Rect) -> [Rect] {
        let total = direction == .horizontal ? area.width : area.height
        let lengths = Layout.solve(constraints, total: Swift.max(0, total - spacing * Swift.max(0, constraints.count - 1)))
        var rects: [Rect] = []
        var offset = 0
        for len in lengths {
            if direction == .horizontal {
                rects.append(Rect(x: area.x + offset, y: area.y, width: len, height: area.height))
            } else {
                rects.append(Rect(x: area.x, y: area.y + offset, width: area.width, height: len))
            }
            offset += len + spacing
        }
        return rects
    }

    /// Lengths for `constraints` summing to at most `total` (exactly `total` when a fill/min exists).
    static func solve(_ constraints: [Constraint], total: Int) -> [Int] {
        var lengths = constraints.map { c -> Int in
            switch c {
            case .length(let n): return Swift.max(0, n)
            case .percentage(let p): return total * Swift.max(0, Swift.min(100, p)) / 100
            case .min(let n): return Swift.max(0, n)
            case .max, .fill: return 0
            }
        }
        var used = lengths.reduce(0, +)
        if used > total {
            // Overflow: shrink from the end.
            var excess = used - total
            for i in lengths.indices.reversed() where excess > 0 {
                let cut = Swift.min(lengths[i], excess)
                lengths[i] -= cut
                excess -= cut
            }
            return lengths
        }
        var free = total - used
        // `max` slots take what they can, up to their cap, before fills share the rest.
        for (i, c) in constraints.enumerated() {
            if case .max(let n) = c {
                let take = Swift.min(Swift.max(0, n), free)
                lengths[i] = take
                free -= take
            }
        }
        let weights = constraints.map { c -> Int in
            switch c {
            case .fill(let w): return Swift.max(1, w)
            case .min: return 1
            default: return 0
            }
        }
        let weightSum = weights.reduce(0, +)
        if weightSum > 0, free > 0 {
            var given = 0
            let lastWeighted = weights.lastIndex { $0 > 0 }!
            for i in weights.indices where weights[i] > 0 {
                let share = i == lastWeighted ? free - given : free * weights[i] / weightSum
                lengths[i] += share
                given += share
            }
        }
        used = lengths.reduce(0, +)
        return lengths
    }
}
