import Foundation
import TestSupport
import TUIKit
import XCTest

final class WidgetSnapshotTests: XCTestCase {
    /// Where the widget snapshots live (`RECORD_SNAPSHOTS=1` rewrites them).
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    func buffer(_ w: Int, _ h: Int) -> ScreenBuffer { ScreenBuffer(size: Size(width: w, height: h)) }

    func testBlockFocusedAndASCII() {
        var b = buffer(24, 4)
        b.render(Block(title: "Policy", rightTitle: "3", focused: true), in: Rect(x: 0, y: 0, width: 24, height: 2))
        b.render(Block(title: "Plain", theme: .standard(TerminalOptions(ascii: true))), in: Rect(x: 0, y: 2, width: 24, height: 2))
        assertSnapshot(b, named: "block", in: Self.snapshots)
    }

    func testParagraphWrapsWords() {
        var b = buffer(16, 5)
        let p = Paragraph(lines: [[Span("The quick brown "), Span("fox", style: Style.plain.bold), Span(" jumps over the lazy dog")],
                                  [Span("supercalifragilistic")]])
        b.render(p, in: b.area)
        assertSnapshot(b, named: "paragraph-wrap", in: Self.snapshots)
        XCTAssertEqual(p.wrappedRows(width: 16).count, 5)
    }

    func testListWithMarksCursorAndFooter() {
        var b = buffer(30, 6)
        let items = ["ecr:GetImage", "日本語の項目", "🚀 launch", "s3:GetObject", "kms:Decrypt", "sqs:SendMessage"]
        var state = ListState(selected: [0, 3])
        state.move(by: 4, count: items.count, height: 5)
        b.render(ListView(count: items.count, state: state, multiSelect: true, total: 120) { i in
            ListRow(id: i, text: items[i], highlights: i == 4 ? [0, 4] : [])
        }, in: b.area)
        assertSnapshot(b, named: "list", in: Self.snapshots)
        XCTAssertTrue(b.contains("2 of 120 selected"))
    }

    func testListScrollKeepsCursorVisible() {
        var s = ListState()
        s.move(by: 50, count: 100, height: 10)
        XCTAssertEqual(s.cursor, 50)
        XCTAssertEqual(s.offset, 41)
        s.move(by: -45, count: 100, height: 10)
        XCTAssertEqual(s.offset, 5)
        s.scroll(by: 30, count: 100, height: 10)
        XCTAssertEqual(s.offset, 35)
        XCTAssertEqual(s.cursor, 35)
        s.toggleAll(0..<3)
        XCTAssertEqual(s.selected, [0, 1, 2])
        s.toggleAll(0..<3)
        XCTAssertEqual(s.selected, [])
    }

    func testFilterInput() {
        var b = buffer(30, 1)
        b.render(FilterInput(field: TextFieldState("gsv"), matchCount: 12, total: 60000), in: b.area)
        assertSnapshot(b, named: "filter-input", in: Self.snapshots)
    }

    func testCodeViewJSONWithMarkers() {
        var b = buffer(44, 7)
        let json = """
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Effect": "Allow",
            "Action": ["ecr:GetImage", 42, true]
          }]
        }
        """
        b.render(CodeView(lines: json.components(separatedBy: "\n"), language: .json,
                          markers: [1: LineMarker(changed: true), 4: LineMarker(changed: true, severity: .error)],
                          highlightedLine: 3), in: b.area)
        assertSnapshot(b, named: "codeview-json", in: Self.snapshots)
    }

    func testCodeViewHCLAndYAML() {
        var b = buffer(40, 6)
        let hcl = ["# execution role", "resource \"aws_iam_role\" \"exec\" {", "  name = \"exec\"", "  count = 2", "}"]
        b.render(CodeView(lines: hcl, language: .hcl, showLineNumbers: false), in: Rect(x: 0, y: 0, width: 40, height: 3))
        let yaml = ["Resources:", "  Role: # the role", "    Type: 'AWS::IAM::Role'"]
        b.render(CodeView(lines: yaml, language: .yaml, showLineNumbers: false), in: Rect(x: 0, y: 3, width: 40, height: 3))
        assertSnapshot(b, named: "codeview-hcl-yaml", in: Self.snapshots)
    }

    func testCodeViewScrollsToHighlightedLine() {
        let view = CodeView(lines: (0..<100).map { "line \($0)" }, language: .plain, highlightedLine: 60)
        XCTAssertEqual(view.effectiveScroll(height: 10), 51)
    }

    func testTableTabsStatusMeterModal() {
        var b = buffer(50, 16)
        b.render(Tabs(titles: ["JSON", "Terraform", "CLI"], selected: 1), in: Rect(x: 0, y: 0, width: 50, height: 1))
        b.render(Table(header: ["Action", "Level"], rows: [["ecr:GetImage", "Read"], ["kms:Decrypt", "Write"]],
                       widths: [.fill(), .length(8)], selected: 1), in: Rect(x: 0, y: 1, width: 50, height: 3))
        b.render(SizeMeter(used: 2345, limit: 6144), in: Rect(x: 0, y: 4, width: 50, height: 1))
        b.render(SizeMeter(used: 7000, limit: 6144), in: Rect(x: 0, y: 5, width: 50, height: 1))
        b.render(StatusLine(message: "Ready", toast: "Saved", kind: .success), in: Rect(x: 0, y: 6, width: 50, height: 1))
        b.render(Modal(title: "Quit?", message: "Discard the unsaved role and quit?", buttons: ["Quit", "Cancel"], width: 40),
                 in: Rect(x: 0, y: 7, width: 50, height: 9))
        assertSnapshot(b, named: "table-tabs-status-meter-modal", in: Self.snapshots)
        XCTAssertEqual(SizeMeter.grouped(1234567), "1,234,567")
        XCTAssertEqual(SizeMeter(used: 2345, limit: 6144).label, "2,345 / 6,144 chars")
    }
}
