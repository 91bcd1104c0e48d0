import TUIKit

/// Where each pane goes for a screen size. Shared by the view (drawing) and the reducer (paging,
/// mouse hit-testing), so a click lands on what was drawn there.
public struct WizardLayout: Equatable, Sendable {
    public var header: Rect
    public var steps: Rect
    public var picker: Rect
    /// Rows of the picker's list (inside the border, below the filter line).
    public var pickerList: Rect
    public var filterLine: Rect
    public var explain: Rect
    public var preview: Rect
    public var findings: Rect
    public var status: Rect
    public var helpBar: Rect

    public init(_ size: Size) {
        let full = Rect(size: size)
        let rows = Layout.vertical([.length(1), .fill(), .length(1), .length(1)]).split(full)
        header = rows[0]; status = rows[2]; helpBar = rows[3]
        let cols = Layout.horizontal([.percentage(46), .fill()]).split(rows[1])
        let stepCount = WizardStep.allCases.count
        let explainHeight = size.height >= 34 ? 8 : 6
        let left = Layout.vertical([.length(stepCount + 2), .fill(), .length(explainHeight)]).split(cols[0])
        steps = left[0]; picker = left[1]; explain = left[2]
        let inner = picker.inset(by: 1)
        filterLine = Rect(x: inner.x, y: inner.y, width: inner.width, height: min(1, inner.height))
        pickerList = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 1))
        let right = Layout.vertical([.fill(3), .fill(2)]).split(cols[1])
        preview = right[0]; findings = right[1]
    }

    /// Rows the picker shows items in (its list area less the footer line).
    public var pickerViewport: Int { ListView.viewportHeight(pickerList) }
}
