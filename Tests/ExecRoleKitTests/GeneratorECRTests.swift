import ExecRoleKit
import IAMKit
import XCTest

final class GeneratorECRTests: XCTestCase {
    func testPrivateECRImageNeedsTokenOnStarAndPullOnRepository() throws {
        let p = try GeneratedPolicy(taskdef: taskdef(#""image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/app:1.4.2""#))
        XCTAssertEqual(p.bySid["ECRAuthToken"]?.actions, ["ecr:GetAuthorizationToken"])
        XCTAssertEqual(p.bySid["ECRAuthToken"]?.resources, ["*"])
        XCTAssertEqual(p.bySid["ECRPullImages"]?.actions, ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"])
        XCTAssertEqual(p.bySid["ECRPullImages"]?.resources, ["arn:aws:ecr:eu-west-1:111122223333:repository/team/app"])
        XCTAssertEqual(p.bySid.count, 2, "nothing but ECR for an image-only task")
    }

    func testDigestAndPortInImageAreNotPartOfTheRepository() throws {
        let p = try GeneratedPolicy(taskdef: taskdef(#""image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app@sha256:0123abcd""#))
        XCTAssertEqual(p.bySid["ECRPullImages"]?.resources, ["arn:aws:ecr:eu-west-1:111122223333:repository/app"])
    }

    func testCrossAccountCrossRegionImageUsesTheRepositoryOwnARNAndWarns() throws {
        let p = try GeneratedPolicy(taskdef: taskdef(#""image": "444455556666.dkr.ecr.us-east-1.amazonaws.com/shared/base:2""#))
        XCTAssertEqual(p.bySid["ECRPullImages"]?.resources, ["arn:aws:ecr:us-east-1:444455556666:repository/shared/base"])
        XCTAssertTrue(p.notes.contains { $0.message.contains("repository's policy must also allow") })
    }

    func testChinaPartitionImage() throws {
        let p = try GeneratedPolicy(taskdef: taskdef(#""image": "111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1""#), region: "cn-north-1")
        XCTAssertEqual(p.bySid["ECRPullImages"]?.resources, ["arn:aws-cn:ecr:cn-north-1:111122223333:repository/app"])
        XCTAssertEqual(p.spec.partition, "aws-cn")
    }

    func testPullThroughCacheAddsBatchImportUpstreamImage() throws {
        let p = try GeneratedPolicy(taskdef: taskdef(#""image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/docker-hub/library/nginx:1.27""#))
        XCTAssertEqual(p.bySid["ECRPullThroughCache"]?.actions, ["ecr:BatchImportUpstreamImage"])
        XCTAssertEqual(p.bySid["ECRPullThroughCache"]?.resources, ["arn:aws:ecr:eu-west-1:111122223333:repository/docker-hub/library/nginx"])
    }

    func testCustomPullThroughPrefix() throws {
        let td = taskdef(#""image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/upstream-x/tool:1""#)
        XCTAssertNil(try GeneratedPolicy(taskdef: td).bySid["ECRPullThroughCache"])
        XCTAssertNotNil(try GeneratedPolicy(taskdef: td, pullThrough: ["upstream-x"]).bySid["ECRPullThroughCache"])
    }

    func testPublicAndDockerHubImagesNeedNoECRGrant() throws {
        for image in ["public.ecr.aws/nginx/nginx:latest", "nginx", "docker.io/library/redis:7", "ghcr.io/org/tool:1", "localhost:5000/x"] {
            let p = try GeneratedPolicy(taskdef: taskdef(#""image": "\#(image)""#))
            XCTAssertTrue(p.bySid.isEmpty, "\(image) needs no grant, got \(p.bySid.keys)")
        }
    }

    func testSameRepositoryTwiceIsGrantedOnce() throws {
        let td = """
        {"containerDefinitions": [
          {"name": "a", "image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1"},
          {"name": "b", "image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:2"}]}
        """
        XCTAssertEqual(try GeneratedPolicy(taskdef: td).bySid["ECRPullImages"]?.resources.count, 1)
    }

    func testGuardDutySidecarPullsFromTheAWSOwnedRepository() throws {
        var spec = RoleSpec(name: "r", account: "111122223333", region: "eu-west-1")
        spec.guardDutyAgent = true
        let reqs = Requirements.compute(spec)
        XCTAssertTrue(reqs.contains { $0.action == "ecr:GetAuthorizationToken" && $0.resource == "*" })
        XCTAssertTrue(reqs.contains { $0.action == "ecr:BatchGetImage" && $0.resource == "arn:aws:ecr:eu-west-1:*:repository/aws-guardduty-agent-fargate" })
    }
}
