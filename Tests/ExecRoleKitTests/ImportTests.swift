import ExecRoleKit
import IAMKit
import XCTest

final class ImportTests: XCTestCase {
    func testEveryFixtureImports() throws {
        let files = try Fixtures.taskDefinitions()
        XCTAssertGreaterThanOrEqual(files.count, 27)
        for f in files {
            let td = try TaskDefinitionImporter.parse(try Fixtures.text(f))
            XCTAssertFalse(td.containers.isEmpty, f)
        }
    }

    func testInvalidFixtureFailsWithLineAndColumn() throws {
        XCTAssertThrowsError(try TaskDefinitionImporter.parse(try Fixtures.text("invalid/trailing-comma.json"))) { e in
            let err = e as! ExecRoleError
            XCTAssertEqual(err.position?.line, 4)
            XCTAssertEqual(err.position?.column, 38)
            XCTAssertTrue(err.description.hasPrefix("4:38: trailing comma"), err.description)
        }
    }

    func testDescribeOutputIsUnwrapped() throws {
        let td = try TaskDefinitionImporter.parse(#"{"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:7", "family": "web", "containerDefinitions": [{"name": "a", "image": "nginx"}], "revision": 7, "status": "ACTIVE"}, "tags": []}"#)
        XCTAssertEqual(td.family, "web")
        XCTAssertEqual(td.basePointer, "/taskDefinition")
        XCTAssertEqual(td.containers[0].image?.pointer, "/taskDefinition/containerDefinitions/0/image")
    }

    func testBareContainerArray() throws {
        let td = try TaskDefinitionImporter.parse(#"[{"name": "a", "image": "nginx", "portMappings": [{"containerPort": "80"}]}]"#)
        XCTAssertEqual(td.containers.map(\.name), ["a"])
    }

    func testNullsAndEmptyStringsMeanAbsent() throws {
        let td = try TaskDefinitionImporter.parse(#"{"executionRoleArn": null, "taskRoleArn": "", "containerDefinitions": [{"name": "a", "image": "nginx", "logConfiguration": null, "secrets": null, "user": ""}]}"#)
        XCTAssertNil(td.executionRoleArn)
        XCTAssertNil(td.taskRoleArn)
        XCTAssertNil(td.containers[0].logConfiguration)
        XCTAssertNil(td.containers[0].user)
    }

    func testLogConfigurationAsArrayIsReadWithAWarning() throws {
        let td = try TaskDefinitionImporter.parse(try Fixtures.text("taskdefs/awsdocs-ecs-guide/secrets-logconfig__L35__fragment.json"))
        XCTAssertNotNil(td.containers.first?.logConfiguration)
        XCTAssertTrue(td.notes.contains { $0.kind == .warning && $0.message.contains("array") })
    }

    func testTemplatesAreReportedAsPlaceholdersWithPositions() throws {
        let td = try TaskDefinitionImporter.parse(#"{"containerDefinitions": [{"name": "a", "image": "<IMAGE1_NAME>", "secrets": [{"name": "X", "valueFrom": "${SECRET_ARN}"}]}]}"#)
        let ph = td.notes.filter { $0.kind == .placeholder }
        XCTAssertEqual(ph.count, 2)
        XCTAssertEqual(ph[0].position?.line, 1)
        XCTAssertNotNil(ph[1].position)
    }

    func testNotATaskDefinition() throws {
        XCTAssertThrowsError(try TaskDefinitionImporter.parse(#"{"Version": "2012-10-17", "Statement": []}"#)) { e in
            XCTAssertTrue("\(e)".contains("not a task definition"))
        }
    }

    func testSpecRoundTripsByteForByte() throws {
        let td = try TaskDefinitionImporter.parse(try Fixtures.text("taskdefs/aws-samples-firelens/cloudwatchlogs__task-definition-cloudwatch.json"))
        let (spec, _) = try SpecBuilder(context: .init(account: "111122223333", region: "us-west-2")).build(td)
        let text = SpecCoding.text(spec)
        let again = try SpecCoding.parse(text)
        XCTAssertEqual(again, spec)
        XCTAssertEqual(RoleOutput.files(for: again), RoleOutput.files(for: spec))
    }

    func testSpecErrorsArePositioned() throws {
        XCTAssertThrowsError(try SpecCoding.parse("{\n  \"version\": 1,\n  \"name\": 5\n}")) { e in
            XCTAssertEqual((e as? ExecRoleError)?.position?.line, 3)
        }
    }
}
