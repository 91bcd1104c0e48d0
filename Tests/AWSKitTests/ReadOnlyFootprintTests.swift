@testable import AWSKit
import Foundation
import Testing

/// The library cannot read secret values: no operation for them exists, and no source file names them.
@Suite struct ReadOnlyFootprintTests {
    static let forbiddenNames = ["GetSecretValue", "BatchGetSecretValue", "GetParameter", "GetParameters",
                                 "GetParametersByPath", "GetParameterHistory", "Decrypt", "GenerateDataKey", "ReEncrypt"]

    @Test func operationListHasNoSecretReadingCall() {
        for op in AWSOperation.allCases {
            #expect(!Self.forbiddenNames.contains(op.name), "\(op)")
            if let target = op.target {
                #expect(!Self.forbiddenNames.contains { target.hasSuffix(".\($0)") }, "\(target)")
            }
        }
        #expect(Set(AWSOperation.allCases.compactMap(\.target)) == [
            "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories", "Logs_20140328.DescribeLogGroups",
            "secretsmanager.ListSecrets", "AmazonSSM.DescribeParameters", "TrentService.ListKeys",
            "TrentService.ListAliases", "TrentService.DescribeKey",
            "AmazonEC2ContainerServiceV20141113.ListTaskDefinitionFamilies",
            "AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition",
        ])
        #expect(Set(AWSOperation.allCases.filter { $0.target == nil }.map(\.iamAction)) == [
            "iam:GetRole", "iam:ListRolePolicies", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies", "iam:GetPolicy",
            "iam:GetPolicyVersion", "iam:ListRoles", "sts:GetCallerIdentity", "sts:AssumeRole",
        ])
    }

    /// Belt and braces: no string literal in Sources/AWSKit names a forbidden call or WithDecryption.
    @Test func sourcesNeverSpellAForbiddenCall() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/AWSKit").standardizedFileURL
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            // Only code lines: doc comments explain the rule and may name the calls.
            let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
            for name in Self.forbiddenNames + ["WithDecryption"] {
                #expect(!code.contains("\"\(name)\"") && !code.contains(".\(name)\""),
                        "\(file) mentions \(name)")
            }
        }
    }
}
