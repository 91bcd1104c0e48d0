import Testing
@testable import IAMKit

/// The rules' byte-level shortcuts answer exactly like the string definitions they replace.
@Suite("Rule support on bytes")
struct RuleSupportBytesTests {
    static let resources = [
        "*", "", "arn", "arn:", "arn:aws:s3:::*", "arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*", "arn:aws:s3:::*/x",
        "arn:aws:logs:*:*:*", "arn:aws:logs:*:*:log-group:*", "arn:aws:logs:us-east-1:111122223333:log-group:/ecs/app:*",
        "arn:aws:iam::*:role/*", "arn:aws:iam::*:role/app", "arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:*",
        "arn:aws:iam::*:*", "arn:aws:ec2:*:*:instance/*", "arn:aws:ec2:*:1:instance/*x", "arn:aws:sns:*:*:*topic",
        "arn:aws:secretsmanager:*:*:secret:*", "arn:aws:secretsmanager:*:111122223333:secret:db-*", "arn:aws:kms:*:*:key/",
        "arn:aws:kms:*:*:key", "arn:aws:kms:*:*:/", "arn:aws:kms:*:*:/*", "arn:aws:kms:*:*::*", "arn:aws:s3:::a:b/*",
        "arnx:aws:s3:::*", "ARN:aws:s3:::*", "arn:aws:s3::*", "arn:aws:s3:::", "arn:aws:s3::: *", "arn:a*:s3:::x",
        "arn:aws:dynamodb:*:*:table/*/index/*", "arn:aws:iam::*:user/${aws:username}", "arn:aws:iam::**:x/*",
        "arn:aws:iam::é:role/*", "arn:aws:s3:::bücket/*", "arn:aws:s3:::*é",
    ]

    @Test func broadResourceBytesMatchTheARNDefinition() {
        for r in Self.resources {
            #expect(RuleSupport.isBroadResource(r) == RuleSupport.broadByARN(r), "\(r)")
        }
        #expect(RuleSupport.isBroadResource("arn:aws:iam::*:role/*"))
        #expect(!RuleSupport.isBroadResource("arn:aws:iam::111122223333:role/app"))
    }

    @Test func wildcardServiceMatchesTheCharacterDefinition() {
        let actions = ["*", "s3:*", "s*:Get*", "*:Get", "?3:x", "s3", "s*", "e*r", ":*", "*:", "ecr:Get*", "é*:x", "ec2:*é", "a?b:c:d"]
        for a in actions {
            let byCharacters: Bool = {
                guard let colon = a.firstIndex(of: ":") else { return false }
                return Glob.hasWildcard(String(a[..<colon]))
            }()
            #expect(GrammarRule.wildcardService(a) == byCharacters, "\(a)")
        }
    }

    @Test func resourceTypeNameIDsAreOnePerName() {
        var idByName: [String: Int32] = [:], nameByID: [Int32: String] = [:]
        for prefix in ["iam", "s3", "ec2", "ecr", "logs", "kms", "secretsmanager", "ssm", "sagemaker", "glue"] {
            for a in ActionCatalog.shared.service(prefix)?.actions ?? [] {
                for ref in a.resourceTypes {
                    #expect(idByName[ref.name, default: ref.nameID] == ref.nameID, "\(ref.name)")
                    #expect(nameByID[ref.nameID, default: ref.name] == ref.name, "\(ref.nameID)")
                    idByName[ref.name] = ref.nameID
                    nameByID[ref.nameID] = ref.name
                }
            }
        }
        #expect(idByName.count > 100)
    }
}
