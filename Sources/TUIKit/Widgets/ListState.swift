/// Cursor, scroll offset and multi-selection of a list; lives in program state.
public struct ListState: Hashable, Sendable {
    /// Row of the cursor (in the displayed, possibly filtered, order).
    public var cursor: Int = 0
    /// First visible row.
    public var offset: Int = 0
    /// Selected item ids (stable ids, not rows, so selection survives filtering).
    public var selected: Set<Int> = []

    public init(cursor: Int = 0, offset: Int = 0, selected: Set<Int> = []) {
        self.cursor = cursor
        self.offset = offset
        self.selected = selected
    }

    /// Moves the cursor by `delta` rows, clamped to `count`, and scrolls so it stays visible in
    /// a viewport of `height` rows.
    public mutating func move(by delta: Int, count: Int, height: Int) {
        cursor = count == 0 ? 0 : min(max(0, cursor + delta), count - 1)
        scrollToCursor(height: height)
    }

    /// Jumps to `row` (clamped).
    public mutating func jump(to row: Int, count: Int, height: Int) {
        cursor = count == 0 ? 0 : min(max(0, row), count - 1)
        scrollToCursor(height: height)
    }

    /// Adjusts `offset` minimally so the cursor is inside the viewport.
    public mutating func scrollToCursor(height: Int) {
        let h = max(1, height)
        if cursor < offset { offset = cursor }
        if cursor >= offset + h { offset = cursor - h + 1 }
        offset = max(0, offset)
    }

    /// Scrolls the viewport without moving the cursor out of it (mouse wheel).
    public mutating func scroll(by delta: Int, count: Int, height: Int) {
        offset = max(0, min(offset + delta, max(0, count - height)))
        cursor = min(max(cursor, offset), max(offset, offset + height - 1), max(0, count - 1))
    }

    /// Toggles selection of item `id`.
    public mutating func toggle(_ id: Int) {
        if selected.contains(id) { selected.remove(id) } else { selected.insert(id) }
    }

    /// Selects all of `ids`, or clears them when they are all selected already (the `a` key).
    public mutating func toggleAll(_ ids: some Sequence<Int>) {
        let all = Set(ids)
        if all.isSubset(of: selected) { selected.subtract(all) } else { selected.formUnion(all) }
    }

    /// The offset actually used for `height` rows (clamped so the cursor shows).
    public func visibleOffset(height: Int, count: Int) -> Int {
        var s = self
        s.cursor = min(cursor, max(0, count - 1))
        s.scrollToCursor(height: height)
        return min(s.offset, max(0, count - 1))
    }
}
