@testable import App
import ExecRoleKit
import TestSupport
import TUIKit
import XCTest

/// Every step's screen, text and style layer (`RECORD_SNAPSHOTS=1` re-records).
final class WizardSnapshotTests: XCTestCase {
    typealias T = WizardTest

    func render(_ s: WizardState, theme: Theme = Theme()) -> ScreenBuffer { WizardView(theme: theme).render(s, size: s.size) }

    /// A state with a little chosen on every step, so every pane has content.
    func populated() -> WizardState {
        var s = T.fresh()
        _ = WizardReducer.reduce(&s, .goTo(.images))
        T.type(&s, "/web")
        T.key(&s, .enter)
        T.type(&s, " p")
        _ = WizardReducer.reduce(&s, .goTo(.logs))
        T.focus(&s) { if case .logGroup(let i) = $0 { return T.inventory.logGroups[i].name == "/ecs/web" }; return false }
        T.type(&s, " c")
        _ = WizardReducer.reduce(&s, .goTo(.secrets))
        T.focus(&s) { $0 == .secret(0) }
        T.type(&s, " ")
        return s
    }

    func testServiceStep() {
        var s = T.fresh()
        s.status = WizardStatus("Choices from the built-in demo account.")
        assertSnapshot(render(s), named: "Wizard-1-service", in: T.snapshots)
    }

    func testImagesStepFiltered() {
        var s = T.fresh()
        _ = WizardReducer.reduce(&s, .goTo(.images))
        T.type(&s, "/web")
        T.type(&s, " ")  // typed into the filter: still editing
        T.key(&s, .backspace)
        T.key(&s, .enter)
        T.type(&s, " ")
        assertSnapshot(render(s), named: "Wizard-2-images", in: T.snapshots)
    }

    func testLogsStep() {
        var s = populated()
        _ = WizardReducer.reduce(&s, .goTo(.logs))
        assertSnapshot(render(s), named: "Wizard-3-logs", in: T.snapshots)
    }

    func testSecretsStep() {
        let s = populated()
        assertSnapshot(render(s), named: "Wizard-4-secrets", in: T.snapshots)
    }

    func testKeysStep() {
        var s = populated()
        _ = WizardReducer.reduce(&s, .goTo(.keys))
        assertSnapshot(render(s), named: "Wizard-5-keys", in: T.snapshots)
    }

    func testExtrasStep() {
        var s = populated()
        _ = WizardReducer.reduce(&s, .goTo(.extras))
        assertSnapshot(render(s), named: "Wizard-6-extras", in: T.snapshots)
    }

    func testReviewStepWithTrustPreview() {
        var s = populated()
        _ = WizardReducer.reduce(&s, .goTo(.review))
        _ = WizardReducer.reduce(&s, .existingLoaded([OutputNames.specFile: "{}"]))
        T.key(&s, .tab)
        assertSnapshot(render(s), named: "Wizard-7-review", in: T.snapshots)
    }

    func testHelpPromptAndDialogs() {
        var s = T.fresh()
        T.type(&s, "?")
        T.type(&s, "trust")
        assertSnapshot(render(s), named: "Wizard-help", in: T.snapshots)
        var p = T.fresh()
        T.focusField(&p, .account)
        T.key(&p, .enter)
        assertSnapshot(render(p), named: "Wizard-prompt", in: T.snapshots)
        var d = T.fresh()
        d.dialog = .resume(WizardDraft.decode(WizardDraft.encode(populated()))!)
        assertSnapshot(render(d), named: "Wizard-resume", in: T.snapshots)
    }

    func testASCIIAndNoColor() {
        let s = populated()
        let theme = Theme.standard(TerminalOptions(ascii: true, noColor: true))
        let buf = render(s, theme: theme)
        XCTAssertFalse(buf.text.contains("╭"))
        XCTAssertFalse(buf.cells.contains { $0.style.fg != .default || $0.style.bg != .default })
        assertSnapshot(buf, named: "Wizard-ascii-nocolor", in: T.snapshots)
    }

    func testDemoMarkedAndSizeMeterShown() {
        let buf = render(populated())
        XCTAssertTrue(buf.contains("DEMO"))
        XCTAssertTrue(buf.contains("/ 6,144 chars"))
        XCTAssertTrue(buf.contains("inline limit 10,240"))
    }

    func testMinimumSizeStillShowsEveryPane() {
        var s = populated()
        s.size = Size(width: 80, height: 24)
        let buf = render(s)
        for needle in ["Steps", "Secrets", "Explain", "Findings", "execution-role-policy.json", "help"] {
            XCTAssertTrue(buf.contains(needle), "\(needle) missing at 80x24:\n\(buf.text)")
        }
    }

    func testTypingInFilterNeverTriggersCommands() {
        var s = T.fresh()
        _ = WizardReducer.reduce(&s, .goTo(.logs))
        let effects = T.type(&s, "/quit?aw")
        XCTAssertFalse(effects.contains(.quit))
        XCTAssertNil(s.help)
        XCTAssertEqual(s.filters[.logs]?.query, "quit?aw")
        XCTAssertTrue(s.spec.logGroups.isEmpty)
    }
}
