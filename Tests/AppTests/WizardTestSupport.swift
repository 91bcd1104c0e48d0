@testable import App
import ExecRoleKit
import Foundation
import TUIKit
import XCTest

/// Shared helpers for the wizard tests: a demo-account state and key drivers.
enum WizardTest {
    static let inventory = DemoAccount.inventory()
    static let catalog = WizardCatalog(inventory)

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

/// Compares a buffer with `Snapshots/<name>.txt` (text + style layer). `RECORD_SNAPSHOTS=1`
/// (re)writes; a missing snapshot is recorded and fails once.
func assertWizardSnapshot(_ buffer: ScreenBuffer, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let dir = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = dir.appendingPathComponent("\(name).txt")
    let actual = BufferSnapshot.render(buffer)
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        if !record { XCTFail("Recorded new snapshot \(name); run again", file: file, line: line) }
        return
    }
    guard expected != actual else { return }
    let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
    var diff: [String] = []
    for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : "") != (i < a.count ? a[i] : "") {
        diff.append("\(i + 1) - \(i < e.count ? e[i] : "<missing>")\n\(i + 1) + \(i < a.count ? a[i] : "<missing>")")
    }
    XCTFail("Snapshot \(name) differs:\n" + diff.prefix(20).joined(separator: "\n"), file: file, line: line)
}
