import XCTest
@testable import IAMKit

final class KnowledgeTests: XCTestCase {
    let catalog = ActionCatalog.shared

    private func action(_ name: String) throws -> ActionInfo { try XCTUnwrap(catalog.action(name), name) }

    func testExecutionRoleActionsExistAndAgreeWithCatalog() throws {
        XCTAssertEqual(ExecutionRoleActions.all.count, 14)
        for e in ExecutionRoleActions.all {
            let info = try action(e.action)
            XCTAssertEqual(info.fullName, e.action, "canonical case")
            XCTAssertEqual(!info.supportsResourceLevelPermissions, e.requiresStarResource, e.action)
            XCTAssertFalse(e.why.isEmpty || e.thiefImpact.isEmpty || e.feature.isEmpty, e.action)
        }
        XCTAssertEqual(ExecutionRoleActions.entry(for: "SSM:getparameters")?.action, "ssm:GetParameters")
        XCTAssertNil(ExecutionRoleActions.entry(for: "ssm:GetParameter"))
        for a in ExecutionRoleActions.managedPolicyActions { XCTAssertNotNil(ExecutionRoleActions.entry(for: a)) }
    }

    /// The documented resource forms must actually match the action's resource types.
    func testExecutionRoleResourceFormsMatchCatalog() throws {
        let samples = [
            "ecr:BatchGetImage": "arn:aws:ecr:us-east-1:123456789012:repository/app",
            "ecr:BatchImportUpstreamImage": "arn:aws:ecr:us-east-1:123456789012:repository/ecr-public/*",
            "ecr:CreateRepository": "arn:aws:ecr:us-east-1:123456789012:repository/ecr-public/*",
            "logs:CreateLogStream": "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:log-stream:*",
            "logs:PutLogEvents": "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*",
            "logs:CreateLogGroup": "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*",
            "secretsmanager:GetSecretValue": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-??????",
            "ssm:GetParameters": "arn:aws:ssm:us-east-1:123456789012:parameter/app/db",
            "kms:Decrypt": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            "s3:GetObject": "arn:aws:s3:::cfg/app.env",
            "s3:GetBucketLocation": "arn:aws:s3:::cfg",
        ]
        for (name, arn) in samples {
            XCTAssertFalse(catalog.resourceTypes(of: try action(name), matching: arn).isEmpty, "\(name) on \(arn)")
        }
        // The trap: a bare log-group ARN.
        XCTAssertTrue(catalog.resourceTypes(of: try action("logs:PutLogEvents"), matching: "arn:aws:logs:us-east-1:1:log-group:/ecs/app").isEmpty)
    }

    func testEveryTableEntryIsInTheCatalog() {
        for pattern in RiskCatalog.allPatterns {
            XCTAssertFalse(catalog.expand(pattern).isEmpty, "\(pattern) matches no catalog action")
        }
    }

    func testPrivilegeEscalation() throws {
        let cats = RiskCatalog.categories(for: try action("iam:CreatePolicyVersion"))
        XCTAssertNotNil(cats[.privilegeEscalation])
        XCTAssertNotNil(cats[.resourceExposure])
        let passRole = RiskCatalog.categories(for: try action("iam:PassRole"))
        XCTAssertNotNil(passRole[.privilegeEscalation])
        let run = try action("ec2:RunInstances")
        XCTAssertTrue(RiskCatalog.categories(for: run)[.privilegeEscalation]?.contains("iam:PassRole") ?? false)
        let enabled = RiskCatalog.escalationPaths(enabledBy: [try action("iam:PassRole"), run]).map(\.name)
        XCTAssertEqual(enabled, ["CreateEC2WithExistingIP"])
        XCTAssertTrue(RiskCatalog.escalationPaths(enabledBy: [run]).isEmpty)
        let ecs = try ["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"].map(action)
        XCTAssertTrue(RiskCatalog.escalationPaths(enabledBy: ecs).map(\.name).contains("PassRoleToNewECSTask"))
        XCTAssertTrue(RiskCatalog.escalationPaths(enabledBy: catalog.expand("iam:*")).count >= 12)
    }

    func testOtherCategories() throws {
        XCTAssertNotNil(RiskCatalog.categories(for: try action("secretsmanager:GetSecretValue"))[.dataExfiltration])
        XCTAssertNotNil(RiskCatalog.categories(for: try action("kms:Decrypt"))[.dataExfiltration])
        XCTAssertNotNil(RiskCatalog.categories(for: try action("ecr:GetAuthorizationToken"))[.credentialsExposure])
        XCTAssertNotNil(RiskCatalog.categories(for: try action("s3:PutBucketPolicy"))[.resourceExposure])
        // Any permissions-management action is resource exposure (Cloudsplaining's definition).
        XCTAssertNotNil(RiskCatalog.categories(for: try action("sns:RemovePermission"))[.resourceExposure])
        XCTAssertNotNil(RiskCatalog.categories(for: try action("ec2:RunInstances"))[.infrastructureModification])
        XCTAssertNotNil(RiskCatalog.categories(for: try action("elasticloadbalancing:CreateListener"))[.infrastructureModification])
        XCTAssertNotNil(RiskCatalog.categories(for: try action("cloudformation:UpdateStack"))[.infrastructureModification])
        XCTAssertTrue(RiskCatalog.categories(for: try action("ecr:DescribeRepositories")).isEmpty)
        XCTAssertTrue(RiskCatalog.categories(for: try action("logs:CreateLogStream")).isEmpty)
    }

    func testApplicationActions() throws {
        for name in ["s3:PutObject", "dynamodb:PutItem", "sqs:SendMessage", "sns:Publish",
                     "ssmmessages:CreateControlChannel", "elasticfilesystem:ClientMount", "ssm:GetParameter"] {
            XCTAssertNotNil(RiskCatalog.applicationUse(of: try action(name)), name)
        }
        // Nothing the execution role legitimately needs is flagged.
        for e in ExecutionRoleActions.all {
            XCTAssertNil(RiskCatalog.applicationUse(of: try action(e.action)), e.action)
        }
    }
}
