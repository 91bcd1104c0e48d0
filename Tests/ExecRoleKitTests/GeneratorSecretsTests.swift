import ExecRoleKit
import IAMKit
import XCTest

final class GeneratorSecretsTests: XCTestCase {
    func secrets(_ valueFrom: String...) -> String {
        let list = valueFrom.enumerated().map { #"{"name": "S\#($0.offset)", "valueFrom": "\#($0.element)"}"# }.joined(separator: ",")
        return taskdef(#""image": "nginx", "secrets": [\#(list)]"#)
    }

    func testFullSecretARNIsGrantedExactly() throws {
        let p = try GeneratedPolicy(taskdef: secrets("arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-Ab12Cd"))
        XCTAssertEqual(p.bySid["ReadSecrets"]?.actions, ["secretsmanager:GetSecretValue"])
        XCTAssertEqual(p.bySid["ReadSecrets"]?.resources, ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-Ab12Cd"])
    }

    func testPartialARNGetsExactlySixQuestionMarksNeverAStar() throws {
        let p = try GeneratedPolicy(taskdef: secrets("arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db"))
        XCTAssertEqual(p.bySid["ReadSecrets"]?.resources, ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-??????"])
        XCTAssertFalse(p.allResources.contains { $0.hasSuffix("*") })
    }

    func testJsonKeyStageAndVersionTailsAreStripped() throws {
        let base = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:appauth-u9bH6K"
        for tail in [":username1::", ":username1:AWSPREVIOUS:", "::AWSPREVIOUS:", ":::9d4cb84b-ad69-40c0-a0ab-cead3EXAMPLE", ":username1::9d4cb84b"] {
            let p = try GeneratedPolicy(taskdef: secrets(base + tail))
            XCTAssertEqual(p.bySid["ReadSecrets"]?.resources, [base], tail)
        }
        let s = try GeneratedPolicy(taskdef: secrets(base + ":username1:AWSPREVIOUS:")).spec.secrets[0]
        XCTAssertEqual(s.jsonKey, "username1")
        XCTAssertEqual(s.versionStage, "AWSPREVIOUS")
    }

    func testAmbiguousLowercaseSuffixGrantsBothForms() throws {
        // "-config" may be the random suffix or part of the name; both forms, never NAME*.
        let p = try GeneratedPolicy(taskdef: secrets("arn:aws:secretsmanager:eu-west-1:111122223333:secret:service-config"))
        XCTAssertEqual(p.bySid["ReadSecrets"]?.resources, [
            "arn:aws:secretsmanager:eu-west-1:111122223333:secret:service-config",
            "arn:aws:secretsmanager:eu-west-1:111122223333:secret:service-config-??????",
        ])
    }

    func testSSMNamesDropTheLeadingSlash() throws {
        let p = try GeneratedPolicy(taskdef: secrets("/app/db/password", "plain-name"))
        XCTAssertEqual(p.bySid["ReadParameters"]?.actions, ["ssm:GetParameters"])
        XCTAssertEqual(p.bySid["ReadParameters"]?.resources, [
            "arn:aws:ssm:eu-west-1:111122223333:parameter/app/db/password",
            "arn:aws:ssm:eu-west-1:111122223333:parameter/plain-name",
        ])
        XCTAssertFalse(p.allActions.contains("ssm:GetParameter"), "the agent uses GetParameters only")
    }

    func testSSMARNFormsAreNormalisedWithAWarning() throws {
        for bad in ["arn:aws:ssm:eu-west-1:111122223333:parameter:/app/db", "arn:aws:ssm:eu-west-1:111122223333:parameter//app/db"] {
            let p = try GeneratedPolicy(taskdef: secrets(bad))
            XCTAssertEqual(p.bySid["ReadParameters"]?.resources, ["arn:aws:ssm:eu-west-1:111122223333:parameter/app/db"], bad)
            XCTAssertFalse(p.notes.isEmpty, "a warning for \(bad)")
        }
    }

    func testSSMParameterInAnotherRegionKeepsItsARN() throws {
        let p = try GeneratedPolicy(taskdef: secrets("arn:aws:ssm:us-east-1:111122223333:parameter/shared/key"))
        XCTAssertEqual(p.bySid["ReadParameters"]?.resources, ["arn:aws:ssm:us-east-1:111122223333:parameter/shared/key"])
    }

    func testSSMReferenceToSecretsManagerNeedsBoth() throws {
        let p = try GeneratedPolicy(taskdef: secrets("/aws/reference/secretsmanager/prod/api"))
        XCTAssertEqual(p.bySid["ReadParameters"]?.resources, ["arn:aws:ssm:eu-west-1:111122223333:parameter/aws/reference/secretsmanager/prod/api"])
        XCTAssertEqual(p.bySid["ReadSecrets"]?.resources, ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/api-??????"])
    }

    func testRepositoryCredentialsNeedTheSecret() throws {
        let p = try GeneratedPolicy(taskdef: taskdef(#""image": "ghcr.io/org/app:1", "repositoryCredentials": {"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:ghcr-Zx9Yw8"}"#))
        XCTAssertEqual(p.bySid["ReadSecrets"]?.resources, ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:ghcr-Zx9Yw8"])
        XCTAssertNil(p.bySid["ECRAuthToken"])
    }

    func testLogDriverSecretOptions() throws {
        let p = try GeneratedPolicy(taskdef: taskdef(#""image": "nginx", "logConfiguration": {"logDriver": "awsfirelens", "secretOptions": [{"name": "apikey", "valueFrom": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:dd-key-Q1w2E3"}]}"#))
        XCTAssertEqual(p.bySid["ReadSecrets"]?.resources, ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:dd-key-Q1w2E3"])
    }

    func testKMSKeyIsScopedByViaService() throws {
        let key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        let p = try GeneratedPolicy(taskdef: secrets("arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-Ab12Cd", "/app/x"), kmsKeys: [key])
        XCTAssertEqual(p.bySid["DecryptSecrets"]?.actions, ["kms:Decrypt"])
        XCTAssertEqual(p.bySid["DecryptSecrets"]?.resources, [key])
        XCTAssertEqual(p.bySid["DecryptSecrets"]?.condition,
                       .obj([("StringEquals", .obj([("kms:ViaService", .array([.string("secretsmanager.eu-west-1.amazonaws.com"), .string("ssm.eu-west-1.amazonaws.com")]))]))]))
    }

    func testKMSAliasIsRefusedWithAnExplanation() throws {
        XCTAssertThrowsError(try GeneratedPolicy(taskdef: secrets("/app/x"), kmsKeys: ["arn:aws:kms:eu-west-1:111122223333:alias/app"])) { e in
            XCTAssertTrue("\(e)".contains("alias"))
            XCTAssertEqual((e as? ExecRoleError)?.flag, "--kms-key")
        }
    }

    func testNoKMSStatementWithoutACustomerKey() throws {
        XCTAssertNil(try GeneratedPolicy(taskdef: secrets("/app/x")).bySid["DecryptSecrets"])
    }

    func testSSMNameWithoutAccountNamesTheFlag() throws {
        XCTAssertThrowsError(try GeneratedPolicy(taskdef: secrets("/app/x"), account: nil)) { e in
            XCTAssertEqual((e as? ExecRoleError)?.flag, "--account")
        }
    }

    func testPlaceholdersAreReportedNeverTurnedIntoARNs() throws {
        for v in ["arn:aws:secretsmanager:region:aws_account_id:secret:x-AbCdEf", "arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}", "<SECRET_ARN>"] {
            XCTAssertThrowsError(try GeneratedPolicy(taskdef: secrets(v)), v) { e in
                let err = e as? ExecRoleError
                XCTAssertNotNil(err?.position, "positioned: \(v)")
                XCTAssertTrue(err?.message.contains("never guesses") ?? false)
            }
        }
    }
}
