import ExecRoleKit
import IAMKit
import XCTest

final class GeneratorS3AndTrustTests: XCTestCase {
    func testEnvironmentFilesNeedObjectAndBucketLocation() throws {
        let p = try GeneratedPolicy(taskdef: taskdef(#""image": "nginx", "environmentFiles": [{"value": "arn:aws:s3:::cfg-bucket/web/prod.env", "type": "s3"}]"#))
        XCTAssertEqual(p.bySid["ReadS3Objects"]?.actions, ["s3:GetObject"])
        XCTAssertEqual(p.bySid["ReadS3Objects"]?.resources, ["arn:aws:s3:::cfg-bucket/web/prod.env"])
        XCTAssertEqual(p.bySid["LocateS3Buckets"]?.actions, ["s3:GetBucketLocation"])
        XCTAssertEqual(p.bySid["LocateS3Buckets"]?.resources, ["arn:aws:s3:::cfg-bucket"])
    }

    func testFireLensS3ConfigNeedsTheSameAndFileConfigNothing() throws {
        let s3 = try GeneratedPolicy(taskdef: taskdef(#""image": "x", "firelensConfiguration": {"type": "fluentbit", "options": {"config-file-type": "s3", "config-file-value": "arn:aws:s3:::fb-conf/extra.conf"}}"#))
        XCTAssertEqual(s3.bySid["ReadS3Objects"]?.resources, ["arn:aws:s3:::fb-conf/extra.conf"])
        XCTAssertEqual(s3.bySid["LocateS3Buckets"]?.resources, ["arn:aws:s3:::fb-conf"])
        let file = try GeneratedPolicy(taskdef: taskdef(#""image": "x", "firelensConfiguration": {"type": "fluentbit", "options": {"config-file-type": "file", "config-file-value": "/extra.conf"}}"#))
        XCTAssertTrue(file.bySid.isEmpty)
    }

    func testTrustPolicyHasTheConfusedDeputyGuardAccountWide() throws {
        let spec = RoleSpec(name: "r", account: "111122223333", region: "eu-west-1")
        let trust = PolicyGenerator.trustPolicy(spec)
        let st = trust["Statement"]!.arrayValue![0]
        XCTAssertEqual(st["Principal"], .obj([("Service", .string("ecs-tasks.amazonaws.com"))]))
        XCTAssertEqual(st["Action"], .string("sts:AssumeRole"))
        XCTAssertEqual(st["Condition"]?["StringEquals"]?["aws:SourceAccount"], .string("111122223333"))
        XCTAssertEqual(st["Condition"]?["ArnLike"]?["aws:SourceArn"], .string("arn:aws:ecs:eu-west-1:111122223333:*"),
                       "account-wide, never a cluster ARN (tasks would fail to start)")
    }

    func testTrustGuardCanBeTurnedOff() throws {
        var spec = RoleSpec(name: "r", account: "111122223333", region: "eu-west-1")
        spec.trustGuard = false
        XCTAssertNil(PolicyGenerator.trustPolicy(spec)["Statement"]!.arrayValue![0]["Condition"])
    }

    func testVPCEndpointConditionNeverOnTheTokenCall() throws {
        var spec = RoleSpec(name: "r", account: "111122223333", region: "eu-west-1")
        spec.repositories = [.init(arn: "arn:aws:ecr:eu-west-1:111122223333:repository/app")]
        spec.vpcEndpoints = ["vpce-0abc"]
        let sts = PolicyGenerator.identityPolicy(spec)["Statement"]!.arrayValue!
        XCTAssertNil(sts.first { $0["Sid"] == .string("ECRAuthToken") }?["Condition"])
        XCTAssertNotNil(sts.first { $0["Sid"] == .string("ECRPullImages") }?["Condition"]?["StringEquals"]?["aws:SourceVpce"])
    }

    func testEmptyTaskGivesAnEmptyStatementListNotAnError() throws {
        let p = try GeneratedPolicy(taskdef: taskdef(#""image": "nginx""#))
        XCTAssertEqual(p.json["Statement"], .array([]))
    }

    func testRoleNameComesFromExecutionRoleArnThenFamily() throws {
        let a = try GeneratedPolicy(taskdef: taskdef(#""image": "nginx""#, extra: #""executionRoleArn": "arn:aws:iam::111122223333:role/web-exec","#))
        XCTAssertEqual(a.spec.name, "web-exec")
        XCTAssertEqual(try GeneratedPolicy(taskdef: taskdef(#""image": "nginx""#)).spec.name, "svc-execution-role")
    }
}
