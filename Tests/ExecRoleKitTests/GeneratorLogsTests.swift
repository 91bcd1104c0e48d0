import ExecRoleKit
import IAMKit
import XCTest

final class GeneratorLogsTests: XCTestCase {
    func awslogs(_ opts: String) -> String {
        taskdef(#""image": "nginx", "logConfiguration": {"logDriver": "awslogs", "options": {\#(opts)}}"#)
    }

    func testAwslogsGrantsStreamsNotTheBareGroup() throws {
        let p = try GeneratedPolicy(taskdef: awslogs(#""awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "web""#))
        XCTAssertEqual(p.bySid["WriteContainerLogs"]?.actions, ["logs:CreateLogStream", "logs:PutLogEvents"])
        XCTAssertEqual(p.bySid["WriteContainerLogs"]?.resources, ["arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/web:*"])
        XCTAssertFalse(p.allResources.contains("arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/web"))
        XCTAssertNil(p.bySid["CreateLogGroups"], "no CreateLogGroup without awslogs-create-group")
    }

    func testCreateGroupAddsCreateLogGroupOnTheStreamForm() throws {
        let p = try GeneratedPolicy(taskdef: awslogs(#""awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-create-group": "true""#))
        XCTAssertEqual(p.bySid["CreateLogGroups"]?.actions, ["logs:CreateLogGroup"])
        XCTAssertEqual(p.bySid["CreateLogGroups"]?.resources, ["arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/web:*"])
    }

    func testCreateGroupFalseIsNotTrue() throws {
        let p = try GeneratedPolicy(taskdef: awslogs(#""awslogs-group": "g", "awslogs-create-group": "false""#))
        XCTAssertNil(p.bySid["CreateLogGroups"])
    }

    func testLogRegionOverridesTaskRegion() throws {
        let p = try GeneratedPolicy(taskdef: awslogs(#""awslogs-group": "g", "awslogs-region": "us-west-2""#), region: "eu-west-1")
        XCTAssertEqual(p.bySid["WriteContainerLogs"]?.resources, ["arn:aws:logs:us-west-2:111122223333:log-group:g:*"])
    }

    func testMissingAccountNamesTheFlag() throws {
        XCTAssertThrowsError(try GeneratedPolicy(taskdef: awslogs(#""awslogs-group": "g""#), account: nil)) { e in
            XCTAssertEqual((e as? ExecRoleError)?.flag, "--account")
        }
    }

    func testMissingRegionNamesTheFlag() throws {
        XCTAssertThrowsError(try GeneratedPolicy(taskdef: awslogs(#""awslogs-group": "g""#), region: nil)) { e in
            XCTAssertEqual((e as? ExecRoleError)?.flag, "--region")
        }
    }

    func testFireLensRouterNeedsNoLogsGrantForItsDestinations() throws {
        // awsfirelens destinations are written with the TASK role, not the execution role.
        let p = try GeneratedPolicy(taskdef: taskdef(#""image": "nginx", "logConfiguration": {"logDriver": "awsfirelens", "options": {"Name": "cloudwatch", "log_group_name": "x"}}"#))
        XCTAssertTrue(p.bySid.isEmpty)
    }

    func testNoSourceConditionsInTheIdentityPolicy() throws {
        let p = try GeneratedPolicy(taskdef: awslogs(#""awslogs-group": "g""#))
        let text = JSONWriter.compact(p.json)
        for key in ["aws:SourceAccount", "aws:SourceArn", "aws:SourceVpc"] { XCTAssertFalse(text.contains(key), key) }
    }
}
