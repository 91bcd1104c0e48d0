/// A horizontal run of cells that changed between two frames; backends flush exactly these.
public struct ChangedRun: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]
    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

/// The difference between the frame on screen and the next one.
public struct BufferDiff: Sendable {
    /// True when the whole screen must be repainted (first frame, size change, after resume).
    public var isFullRedraw: Bool
    public var runs: [ChangedRun]
    public var isEmpty: Bool { runs.isEmpty }
    public var changedCellCount: Int { runs.reduce(0) { $0 + $1.cells.count } }

    public init(isFullRedraw: Bool, runs: [ChangedRun]) {
        self.isFullRedraw = isFullRedraw
        self.runs = runs
    }

    /// Changed runs from `old` to `new`. With no `old` (or a different size) every row is one run.
    /// Runs always start on a grapheme's first cell so a wide character is never split.
    public static func between(_ old: ScreenBuffer?, _ new: ScreenBuffer) -> BufferDiff {
        let w = new.width
        guard let old, old.size == new.size else {
            var runs: [ChangedRun] = []
            runs.reserveCapacity(new.height)
            for y in 0..<new.height {
                runs.append(ChangedRun(x: 0, y: y, cells: Array(new.cells[(y * w)..<((y + 1) * w)])))
            }
            return BufferDiff(isFullRedraw: true, runs: runs)
        }
        var runs: [ChangedRun] = []
        new.cells.withUnsafeBufferPointer { nc in
            old.cells.withUnsafeBufferPointer { oc in
                for y in 0..<new.height {
                    let base = y * w
                    var x = 0
                    while x < w {
                        if nc[base + x] == oc[base + x] { x += 1; continue }
                        var start = x
                        if nc[base + start].isContinuation, start > 0 { start -= 1 }
                        // Extend while cells differ, tolerating short equal gaps to keep runs few.
                        var lastDiff = x
                        var probe = x + 1
                        while probe < w, probe - lastDiff <= 4 {
                            if nc[base + probe] != oc[base + probe] { lastDiff = probe }
                            probe += 1
                        }
                        var end = lastDiff + 1
                        if end < w, nc[base + end].isContinuation { end += 1 }
                        if let last = runs.last, last.y == y, last.x + last.cells.count > start {
                            // Overlap only possible through the wide-char adjustment: merge.
                            let merged = Array(nc[(base + last.x)..<(base + end)])
                            runs[runs.count - 1] = ChangedRun(x: last.x, y: y, cells: merged)
                        } else {
                            runs.append(ChangedRun(x: start, y: y, cells: Array(nc[(base + start)..<(base + end)])))
                        }
                        x = end
                    }
                }
            }
        }
        return BufferDiff(isFullRedraw: false, runs: runs)
    }
}
