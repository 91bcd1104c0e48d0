@testable import App
import ExecRoleKit
import Foundation
import TUIKit
import XCTest

/// Drives keys through the real runtime with the in-memory terminal and checks the files written.
final class WizardFlowTests: XCTestCase {
    func temp() -> String {
        let dir = NSTemporaryDirectory() + "wizard-flow-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func testCompleteWizardWritesFilesEqualToGenerateFromSavedSpec() async throws {
        let dir = temp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var state = WizardTest.fresh(draft: dir + "/state/draft.json")
        state.choices.outDir = dir + "/out"
        let backend = MemoryBackend(size: Size(width: 120, height: 36))
        let runtime = Runtime(program: WizardProgram(), state: state, backend: backend)
        // Images: filter and tick two; Logs: tick one with create-group; Secrets: tick a CMK secret; write.
        backend.type("2/web")
        backend.feed(keys: [KeyEvent(.enter)])
        backend.type(" j ")
        backend.type("3/ecs/web")
        backend.feed(keys: [KeyEvent(.enter)])
        backend.type(" c")
        backend.type("4/stripe")
        backend.feed(keys: [KeyEvent(.enter)])
        backend.type(" ")
        backend.type("6")
        backend.feed(keys: [KeyEvent(.down)])  // guardDuty is the second extras row
        backend.type(" ")
        await runtime.waitForIdle()
        let draft = try String(contentsOfFile: dir + "/state/draft.json", encoding: .utf8)
        XCTAssertEqual(WizardDraft.decode(draft)?.choices, runtime.state.choices, "the draft holds the latest choices")
        backend.type("w")
        await runtime.waitForIdle()
        XCTAssertTrue(runtime.state.written, runtime.state.status?.text ?? "")
        XCTAssertTrue(backend.screen.contains("Wrote"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/state/draft.json"), "the draft is removed once written")

        let written = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted()
        let specText = try String(contentsOfFile: dir + "/out/ecsrole.json", encoding: .utf8)
        let spec = try SpecCoding.parse(specText)
        XCTAssertEqual(spec, runtime.state.spec)
        XCTAssertEqual(spec.repositories.count, 2)
        XCTAssertEqual(spec.logGroups.first?.createGroup, true)
        XCTAssertTrue(spec.guardDutyAgent)
        XCTAssertFalse(spec.kmsKeys.isEmpty)
        // What `ecsrole generate --spec ecsrole.json` writes, byte for byte.
        let expected = RoleOutput.files(for: spec, format: .all)
        XCTAssertEqual(written, expected.map(\.name).sorted())
        for f in expected {
            XCTAssertEqual(try String(contentsOfFile: dir + "/out/" + f.name, encoding: .utf8), f.contents, f.name)
        }

        // Writing again with nothing changed: up to date, no question.
        backend.type("w")
        await runtime.waitForIdle()
        XCTAssertTrue(runtime.state.status?.text.contains("up to date") ?? false)
        // A change, then write: asks before replacing; n keeps the files.
        backend.type("1")
        backend.feed(keys: [KeyEvent(.down), KeyEvent(.down), KeyEvent(.down), KeyEvent(.enter)])  // partition cycles
        backend.type("w")
        await runtime.waitForIdle()
        XCTAssertNotNil(runtime.state.dialog)
        XCTAssertTrue(backend.screen.contains("Overwrite files?"))
        backend.type("n")
        await runtime.waitForIdle()
        XCTAssertEqual(try String(contentsOfFile: dir + "/out/ecsrole.json", encoding: .utf8), specText)
    }

    func testUndoAndQuit() async {
        var state = WizardTest.fresh(draft: nil)
        state.choices.outDir = "/nonexistent"
        let backend = MemoryBackend(size: Size(width: 100, height: 30))
        let runtime = Runtime(program: WizardProgram(), state: state, backend: backend)
        backend.type("2 u")
        await runtime.waitForIdle()
        XCTAssertTrue(runtime.state.spec.repositories.isEmpty)
        backend.feed(keys: [.ctrl("r")])
        await runtime.waitForIdle()
        XCTAssertEqual(runtime.state.spec.repositories.count, 1)
        backend.type("q")
        await runtime.waitForIdle()
        XCTAssertTrue(runtime.hasQuit)
    }

    func testTooSmallTerminal() async {
        let backend = MemoryBackend(size: Size(width: 60, height: 20))
        let runtime = Runtime(program: WizardProgram(), state: WizardTest.fresh(draft: nil), backend: backend)
        runtime.step()
        XCTAssertTrue(backend.screen.contains("Terminal too small"))
    }

    func testBenchmarkRunsAndIsFastEnough() {
        let r = WizardBenchmark.run(extraLogGroups: 60_000, rounds: 2)
        XCTAssertGreaterThan(r.logGroups, 60_000)
        XCTAssertFalse(r.samples.isEmpty)
    }
}
