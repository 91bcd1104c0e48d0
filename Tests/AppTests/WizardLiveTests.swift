@testable import App
import ExecRoleKit
import TUIKit
import XCTest

/// The live-account wiring of the wizard (progress, age, refresh, partial failures) and the lint
/// engine behind the findings pane.
final class WizardLiveTests: XCTestCase {
    typealias T = WizardTest

    func testRefreshShowsProgressAndAsksForTheSource() {
        var s = T.fresh()
        s.source = .live
        let effects = T.type(&s, "R")
        XCTAssertEqual(effects, [.loadSource(.live, path: nil)])
        XCTAssertEqual(s.loading, ChoiceSource.live.label)
        XCTAssertTrue(WizardView().render(s, size: s.size).text.contains("reading"), "progress indicator in the header")
        XCTAssertEqual(T.type(&s, "R"), [], "no second read while one is in flight")
    }

    func testLoadedInventoryRecordsItsAgeAndFailedServices() {
        var s = T.fresh()
        s.source = .live
        T.type(&s, "R")
        var inv = Inventory(source: "live", generatedAt: "2026-11-23T02:31:05Z", account: "123456789012", region: "eu-west-1",
                            repositories: [.init(name: "only-repo", arn: "arn:aws:ecr:eu-west-1:123456789012:repository/only-repo", uri: "x")])
        inv.errors = [.init(service: "secretsmanager", message: "AccessDeniedException: not authorized")]
        _ = WizardReducer.reduce(&s, .sourceLoaded(.init(source: .live, path: nil, inventory: inv)))
        XCTAssertNil(s.loading)
        XCTAssertEqual(s.inventoryReadAt, "2026-11-23T02:31:05Z")
        XCTAssertEqual(s.inventoryErrors.map(\.service), ["secretsmanager"])
        XCTAssertEqual(s.status?.kind, .warning)
        XCTAssertTrue(s.status?.text.contains("secretsmanager") ?? false)
        XCTAssertTrue(WizardView().render(s, size: s.size).text.contains("read 2026-11-23 02:31 UTC"))
        XCTAssertEqual(s.catalog.repositories.count, 1)
    }

    func testRefreshOnATaskDefinitionSourceExplains() {
        var s = T.fresh()
        s.source = .taskdef
        XCTAssertEqual(T.type(&s, "R"), [])
        XCTAssertEqual(s.status?.kind, .warning)
    }

    func testFindingsPaneRunsTheLintEngine() {
        var spec = RoleSpec(name: "r", account: "111122223333", region: "eu-west-1")
        spec.logGroups = [.init(name: "/ecs/web")]
        spec.trustGuard = false
        let output = WizardOutput.make(WizardState.Choices(spec: spec), previous: nil)
        let findings = LintFindings().findings(spec: spec, output: output)
        let deputy = findings.first { $0.slug == "trust-confused-deputy" }
        XCTAssertNotNil(deputy, "\(findings.map(\.slug))")
        XCTAssertEqual(deputy?.step, .extras)
        XCTAssertFalse(findings.contains { $0.slug == "log-stream-arn" }, "the generator never falls into the trap")
        XCTAssertFalse(findings.contains { $0.severity == .error }, "a generated policy has no errors: \(findings.map(\.message))")
    }

    func testEmptyChoicesGiveOnlyTheNothingChosenNote() {
        let spec = RoleSpec(name: "r", account: "111122223333", region: "eu-west-1")
        let output = WizardOutput.make(WizardState.Choices(spec: spec), previous: nil)
        XCTAssertEqual(LintFindings().findings(spec: spec, output: output).map(\.slug), ["nothing-chosen"])
    }
}
