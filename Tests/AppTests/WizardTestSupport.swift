@testable import App
import ExecRoleKit
import Foundation
import TUIKit
import XCTest

/// Shared helpers for the wizard tests: a demo-account state and key drivers.
enum WizardTest {
    static let inventory = DemoAccount.inventory()
    static let catalog = WizardCatalog(inventory)
    /// Where the wizard's screen snapshots live (`RECORD_SNAPSHOTS=1` rewrites them).
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// A fresh wizard on the demo account at 120x36, autosaving to a fake path (effects only).
    static func fresh(draft: String? = "/tmp/ecsrole-test/draft.json") -> WizardState {
        var s = WizardState(spec: {
            var spec = RoleSpec(name: "my-service-execution-role", partition: "aws", account: DemoAccount.account, region: DemoAccount.region)
            spec.launchType = "FARGATE"
            return spec
        }(), catalog: catalog, source: .demo, size: Size(width: 120, height: 36))
        s.refreshOutput(previous: nil)
        s.draftPath = draft
        return s
    }

    /// Feeds one input event through the key routing and the reducer; returns the effects.
    @discardableResult
    static func send(_ s: inout WizardState, _ event: InputEvent) -> [WizardEffect] {
        guard let a = WizardKeys.action(for: event, state: s) else { return [] }
        return WizardReducer.reduce(&s, a)
    }

    /// Types each character as a key press.
    @discardableResult
    static func type(_ s: inout WizardState, _ text: String) -> [WizardEffect] {
        text.flatMap { send(&s, .key(.char($0))) }
    }

    @discardableResult
    static func key(_ s: inout WizardState, _ k: Key, _ mods: Modifiers = []) -> [WizardEffect] {
        send(&s, .key(KeyEvent(k, modifiers: mods)))
    }

    /// Opens a text prompt with the key `opener`, optionally clears it (readline C-u), types `text`
    /// and presses Enter; returns the effects of the Enter.
    @discardableResult
    static func submit(_ s: inout WizardState, opener: Character, _ text: String, clearing: Bool = false) -> [WizardEffect] {
        Self.type(&s, String(opener))
        if clearing { Self.key(&s, .char("u"), .ctrl) }
        Self.type(&s, text)
        return Self.key(&s, .enter)
    }

    /// Moves the cursor to the row whose item satisfies `match`.
    static func focus(_ s: inout WizardState, where match: (PickItem) -> Bool) {
        let p = WizardPicker(s)
        guard let row = (0..<p.count).first(where: { p.item($0).map(match) ?? false }) else { return XCTFail("no such row") }
        s.list.jump(to: row, count: p.count, height: WizardLayout(s.size).pickerViewport)
    }

    static func focusField(_ s: inout WizardState, _ f: WizardField) { focus(&s) { $0 == .field(f) } }

    static func hasDraftSave(_ effects: [WizardEffect]) -> Bool {
        effects.contains { if case .saveDraft = $0 { return true }; return false }
    }
}
