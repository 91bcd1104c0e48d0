import TUIKit

/// State of the `tui-demo` program: the layout the wizard will have (picker, policy, findings),
/// filled with generated data. The lead replaces the data with the real policy.
public struct DemoState: Sendable {
    public enum Pane: Int, Sendable, CaseIterable { case picker, policy, findings }

    public var size: Size
    public var focus: Pane = .picker
    public var filter: FuzzyFilter
    public var query = TextFieldState()
    public var filtering = false
    public var list = ListState()
    public var policyLines: [String] = []
    public var changedLines: Set<Int> = []
    public var policyScroll = 0
    public var findings: [DemoFinding]
    public var findingsList = ListState()
    public var highlightedLine: Int?
    public var toast: String?
    public var showHelp = false
    public var lastMouse: MouseEvent?
    public var lastUnboundKey: String?

    public init(size: Size, items: [String] = DemoData.items()) {
        self.size = size
        self.filter = FuzzyFilter(index: FuzzyIndex(items))
        self.findings = DemoData.findings
        self.policyLines = DemoData.policy(for: [])
    }

    /// Rows of the picker list that fit on screen (used for paging and keeping the cursor visible).
    public var pickerHeight: Int { DemoLayout(size: size, filtering: filtering || !query.characters.isEmpty).pickerList.height }
}

/// One finding in the demo findings pane.
public struct DemoFinding: Sendable, Hashable {
    public var severity: Severity
    public var title: String
    public var line: Int
}

/// Where every pane of the demo goes at a given size; shared by the view, the reducer (page sizes)
/// and mouse hit-testing so they always agree.
public struct DemoLayout: Sendable {
    public var picker: Rect
    public var filterLine: Rect
    public var pickerList: Rect
    public var policy: Rect
    public var policyCode: Rect
    public var meter: Rect
    public var findings: Rect
    public var findingsList: Rect
    public var status: Rect
    public var help: Rect

    public init(size: Size, filtering: Bool) {
        let rows = Layout.vertical([.fill(), .length(1), .length(1)]).split(Rect(size: size))
        status = rows[1]
        help = rows[2]
        let cols = Layout.horizontal([.percentage(40), .fill()]).split(rows[0])
        picker = cols[0]
        let pickerInner = cols[0].inset(by: 1)
        let leftRows = Layout.vertical([.length(filtering ? 1 : 0), .fill()]).split(pickerInner)
        filterLine = leftRows[0]
        pickerList = leftRows[1]
        let right = Layout.vertical([.percentage(60), .fill()]).split(cols[1])
        policy = right[0]
        let policyRows = Layout.vertical([.fill(), .length(1)]).split(right[0].inset(by: 1))
        policyCode = policyRows[0]
        meter = policyRows[1]
        findings = right[1]
        findingsList = right[1].inset(by: 1)
    }
}
