@testable import App
import ExecRoleKit
import Foundation
import XCTest

/// The effects runner against a temporary directory.
final class WizardIOTests: XCTestCase {
    var dir = ""
    override func setUp() {
        dir = NSTemporaryDirectory() + "wizard-io-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func testDraftSavesAreAtomicAndNewestWins() async throws {
        let io = WizardIO()
        let path = dir + "/state/ecsrole/draft.json"
        let a = io.draftTicket(), b = io.draftTicket()
        _ = await io.perform(.saveDraft(path: path, contents: "new"), draftSeq: b)
        _ = await io.perform(.saveDraft(path: path, contents: "old"), draftSeq: a)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new", "an older save finishing late must not win")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/state/ecsrole"), ["draft.json"], "no temporary left behind")
        _ = await io.perform(.deleteDraft(path: path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testReadExistingAndWriteNeverOverwritesUnasked() async throws {
        let io = WizardIO()
        let items = [FileSetWriter.Item(name: "a.json", contents: "A"), FileSetWriter.Item(name: "b.sh", contents: "B", executable: true)]
        guard case .existingLoaded(let none)? = await io.perform(.readExisting(dir: dir, names: ["a.json"])) else { return XCTFail() }
        XCTAssertTrue(none.isEmpty)
        guard case .filesWritten(.success(let names))? = await io.perform(.writeFiles(dir: dir, items: items, overwrite: false)) else { return XCTFail() }
        XCTAssertEqual(names, ["a.json", "b.sh"])
        guard case .filesWritten(.failure(let e))? = await io.perform(.writeFiles(dir: dir, items: items, overwrite: false)) else { return XCTFail() }
        XCTAssertTrue(e.message.contains("refusing to overwrite"))
        guard case .existingLoaded(let some)? = await io.perform(.readExisting(dir: dir, names: ["a.json", "zzz"])) else { return XCTFail() }
        XCTAssertEqual(some, ["a.json": "A"])
    }

    func testLoadSources() async throws {
        let io = WizardIO()
        guard case .sourceFailed(let m)? = await io.perform(.loadSource(.live, path: nil)) else { return XCTFail() }
        XCTAssertTrue(m.contains("not available"))
        let invPath = dir + "/inv.json"
        try JSONEncoder().encode(DemoAccount.inventory()).write(to: URL(fileURLWithPath: invPath))
        guard case .sourceLoaded(let load)? = await io.perform(.loadSource(.file, path: invPath)) else { return XCTFail() }
        XCTAssertEqual(load.inventory, DemoAccount.inventory())
        var s = WizardTest.fresh()
        _ = WizardReducer.reduce(&s, .sourceLoaded(load))
        XCTAssertEqual(s.source, .file)
        // A saved spec brings choices, keeps the pick lists.
        var spec = RoleSpec(name: "from-spec", account: "111122223333", region: "eu-west-1")
        spec.logGroups = [.init(name: "/ecs/web")]
        try SpecCoding.text(spec).write(toFile: dir + "/ecsrole.json", atomically: true, encoding: .utf8)
        guard case .sourceLoaded(let l2)? = await io.perform(.loadSource(.spec, path: dir + "/ecsrole.json")) else { return XCTFail() }
        _ = WizardReducer.reduce(&s, .sourceLoaded(l2))
        XCTAssertEqual(s.spec, spec)
        XCTAssertEqual(s.catalog.inventory.source, "demo")
        guard case .sourceFailed? = await io.perform(.loadSource(.taskdef, path: dir + "/missing.json")) else { return XCTFail() }
    }

    func testTaskDefinitionBecomesChoices() throws {
        let td = """
        {"family": "web", "executionRoleArn": "arn:aws:iam::111122223333:role/web-exec",
         "containerDefinitions": [{"name": "web", "image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/acme/web:1",
           "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "web"}},
           "secrets": [{"name": "DB", "valueFrom": "/web/prod/db-url"}]}]}
        """
        try td.write(toFile: dir + "/td.json", atomically: true, encoding: .utf8)
        let spec = try WizardIO.readTaskDefinition(dir + "/td.json", fallback: DemoAccount.inventory())
        XCTAssertEqual(spec.name, "web-exec")
        XCTAssertEqual(spec.repositories.map(\.arn), ["arn:aws:ecr:eu-west-1:111122223333:repository/acme/web"])
        XCTAssertEqual(spec.parameters.map(\.arn), ["arn:aws:ssm:eu-west-1:111122223333:parameter/web/prod/db-url"])
        // In the wizard, the demo inventory's rows show these as ticked.
        var s = WizardTest.fresh()
        s.spec = spec
        _ = WizardReducer.reduce(&s, .goTo(.images))
        XCTAssertTrue(WizardPicker(s).itemRows.contains { WizardChoices.isSelected(s, WizardPicker(s).item($0)!) })
    }
}
