import IAMKit
import XCTest

/// The evaluator table: every row is one request against policies, with the decision IAM gives
/// according to the IAM User Guide (evaluation logic, condition operators, multivalued keys,
/// policy variables) and the ECS execution-role facts in AWS-FACTS.md.
final class EvaluatorTableTests: XCTestCase {
    static let acct = "123456789012"
    static let stream = "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:log-stream:ecs/web/0a1b2c"
    static let group = "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app"
    static let secret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbC123"
    static let param = "arn:aws:ssm:us-east-1:123456789012:parameter/app/db"
    static let key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    static let alias = "arn:aws:kms:us-east-1:123456789012:alias/app"
    static let repo = "arn:aws:ecr:us-east-1:123456789012:repository/web"
    static let task = "arn:aws:ecs:us-east-1:123456789012:task/main/0123456789abcdef"

    static var cases: [EvaluatorCase] {
        var c: [EvaluatorCase] = []
        c += elementCases
        c += conditionCases
        c += variableCases
        c += ecsCases
        return c
    }

    func testTable() {
        let cases = Self.cases
        XCTAssertGreaterThanOrEqual(cases.count, 150)
        print("evaluator table: \(cases.count) cases")
        XCTAssertEqual(Set(cases.map(\.name)).count, cases.count, "case names must be unique")
        for k in cases {
            let r = k.run()
            XCTAssertEqual(r.decision, k.want, "\(k.name): \(r.reason)")
        }
    }

    // MARK: Effect, Action, Resource, NotAction, NotResource, several policies, boundary

    static var elementCases: [EvaluatorCase] {
        typealias E = EvaluatorCase
        let s3 = "arn:aws:s3:::bucket/key"
        func allow(_ action: String, _ resource: String = "\"*\"") -> String { P.doc(P.st(action: action, resource: resource)) }
        return [
            E("exact action and resource", [allow(P.q("s3:GetObject"), P.q(s3))], "s3:GetObject", s3, .allowed),
            E("other action", [allow(P.q("s3:GetObject"), P.q(s3))], "s3:PutObject", s3, .implicitDeny),
            E("action case-insensitive", [allow(P.q("S3:getobject"))], "s3:GetObject", s3, .allowed),
            E("request action case-insensitive", [allow(P.q("s3:GetObject"))], "S3:GETOBJECT", s3, .allowed),
            E("action prefix glob", [allow(P.q("s3:Get*"))], "s3:GetObject", s3, .allowed),
            E("action prefix glob miss", [allow(P.q("s3:Get*"))], "s3:PutObject", s3, .implicitDeny),
            E("action infix glob", [allow(P.q("s3:*Object"))], "s3:GetObject", s3, .allowed),
            E("action single-char glob", [allow(P.q("s3:?etObject"))], "s3:GetObject", s3, .allowed),
            E("action two single-char globs", [allow(P.q("s3:??tObject"))], "s3:GetObject", s3, .allowed),
            E("action ? needs exactly one char", [allow(P.q("s3:?GetObject"))], "s3:GetObject", s3, .implicitDeny),
            E("action star", [allow(P.q("*"))], "iam:CreateUser", "*", .allowed),
            E("other service wildcard", [allow(P.q("ec2:*"))], "s3:GetObject", s3, .implicitDeny),
            E("service without colon matches nothing", [allow(P.q("s3"))], "s3:GetObject", s3, .implicitDeny),
            E("action array second entry", [allow("[\"ec2:RunInstances\", \"s3:GetObject\"]")], "s3:GetObject", s3, .allowed),
            E("resource case-sensitive", [allow(P.q("*"), P.q("arn:aws:s3:::Bucket/*"))], "s3:GetObject", s3, .implicitDeny),
            E("resource glob", [allow(P.q("*"), P.q("arn:aws:s3:::bucket/*"))], "s3:GetObject", s3, .allowed),
            E("resource array second entry", [allow(P.q("*"), "[\"arn:aws:s3:::other/*\", \"arn:aws:s3:::bucket/*\"]")], "s3:GetObject", s3, .allowed),
            E("resource star", [allow(P.q("*"), P.q("*"))], "s3:GetObject", s3, .allowed),
            E("resource star does not need the ARN shape", [allow(P.q("*"), P.q("*"))], "ecr:GetAuthorizationToken", "*", .allowed),
            E("resource glob spans colons", [allow(P.q("*"), P.q("arn:aws:logs:us-east-1:\(acct):log-group:/ecs/app:*"))], "logs:PutLogEvents", stream, .allowed),
            E("resource ? in log group", [allow(P.q("*"), P.q("arn:aws:logs:us-east-1:\(acct):log-group:/ecs/ap?:*"))], "logs:PutLogEvents", stream, .allowed),
            E("resource wildcard region and account", [allow(P.q("*"), P.q("arn:aws:logs:*:*:log-group:/ecs/app:*"))], "logs:PutLogEvents", stream, .allowed),
            E("resource partition differs", [allow(P.q("*"), P.q("arn:aws-cn:s3:::bucket/*"))], "s3:GetObject", s3, .implicitDeny),
            E("Statement as a single object", [#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#], "s3:GetObject", s3, .allowed),
            E("empty Statement array", [#"{"Version":"2012-10-17","Statement":[]}"#], "s3:GetObject", s3, .implicitDeny),
            E("no policies at all", [], "s3:GetObject", s3, .implicitDeny),
            E("Effect missing", [#"{"Version":"2012-10-17","Statement":[{"Action":"*","Resource":"*"}]}"#], "s3:GetObject", s3, .implicitDeny),
            E("Effect lowercase is invalid", [#"{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}"#], "s3:GetObject", s3, .implicitDeny),
            E("Resource missing", [#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*"}]}"#], "s3:GetObject", s3, .implicitDeny),
            E("explicit deny wins in the same policy", [P.doc(P.st(), P.st("Deny", action: P.q("s3:GetObject")))], "s3:GetObject", s3, .explicitDeny),
            E("explicit deny wins across policies", [allow(P.q("*")), P.doc(P.st("Deny", action: P.q("s3:*")))], "s3:GetObject", s3, .explicitDeny),
            E("deny of another action leaves allow", [P.doc(P.st(), P.st("Deny", action: P.q("s3:PutObject")))], "s3:GetObject", s3, .allowed),
            E("deny alone is not an allow", [P.doc(P.st("Deny", action: P.q("s3:PutObject")))], "s3:GetObject", s3, .implicitDeny),
            E("allow in second policy", [allow(P.q("ec2:*")), allow(P.q("s3:GetObject"))], "s3:GetObject", s3, .allowed),
            E("deny on another resource leaves allow", [P.doc(P.st(), P.st("Deny", resource: P.q("arn:aws:s3:::other/*")))], "s3:GetObject", s3, .allowed),
            E("NotAction allow covers others", [P.doc(P.st(action: P.q("iam:*"), notAction: true))], "s3:GetObject", s3, .allowed),
            E("NotAction allow excludes listed", [P.doc(P.st(action: P.q("iam:*"), notAction: true))], "iam:CreateUser", "*", .implicitDeny),
            E("NotAction case-insensitive", [P.doc(P.st(action: P.q("IAM:*"), notAction: true))], "iam:PassRole", "*", .implicitDeny),
            E("NotAction array", [P.doc(P.st(action: "[\"iam:*\", \"s3:*\"]", notAction: true))], "s3:GetObject", s3, .implicitDeny),
            E("deny NotAction spares listed", [P.doc(P.st(), P.st("Deny", action: P.q("s3:*"), notAction: true))], "s3:GetObject", s3, .allowed),
            E("deny NotAction denies the rest", [P.doc(P.st(), P.st("Deny", action: P.q("s3:*"), notAction: true))], "ec2:RunInstances", "*", .explicitDeny),
            E("NotResource allow outside", [P.doc(P.st(resource: P.q("arn:aws:s3:::secret/*"), notResource: true))], "s3:GetObject", s3, .allowed),
            E("NotResource allow excludes listed", [P.doc(P.st(resource: P.q("arn:aws:s3:::bucket/*"), notResource: true))], "s3:GetObject", s3, .implicitDeny),
            E("deny NotResource denies outside", [P.doc(P.st(), P.st("Deny", resource: P.q("arn:aws:s3:::safe/*"), notResource: true))], "s3:GetObject", s3, .explicitDeny),
            E("deny NotResource spares inside", [P.doc(P.st(), P.st("Deny", resource: P.q("arn:aws:s3:::bucket/*"), notResource: true))], "s3:GetObject", s3, .allowed),
            E("NotAction and NotResource together", [P.doc(P.st(), P.st("Deny", action: P.q("s3:Get*"), notAction: true, resource: P.q("arn:aws:s3:::bucket/*"), notResource: true))], "s3:PutObject", "arn:aws:s3:::other/x", .explicitDeny),
            E("boundary and identity both allow", [allow(P.q("s3:*"))], boundary: allow(P.q("s3:GetObject")), "s3:GetObject", s3, .allowed),
            E("boundary does not allow", [allow(P.q("s3:*"))], boundary: allow(P.q("s3:GetObject")), "s3:PutObject", s3, .implicitDeny),
            E("boundary alone grants nothing", [allow(P.q("ec2:*"))], boundary: allow(P.q("*")), "s3:GetObject", s3, .implicitDeny),
            E("boundary explicit deny", [allow(P.q("*"))], boundary: P.doc(P.st(), P.st("Deny", action: P.q("s3:*"))), "s3:GetObject", s3, .explicitDeny),
            E("boundary with unmet condition", [allow(P.q("*"))], boundary: P.cond(#"{"Bool":{"aws:SecureTransport":"true"}}"#), "s3:GetObject", s3, .implicitDeny),
            E("boundary with met condition", [allow(P.q("*"))], boundary: P.cond(#"{"Bool":{"aws:SecureTransport":"true"}}"#), "s3:GetObject", s3, ["aws:SecureTransport": ["true"]], .allowed),
            E("deny with unmet condition leaves allow", [P.doc(P.st(), P.st("Deny", condition: #"{"Bool":{"aws:SecureTransport":"false"}}"#))], "s3:GetObject", s3, ["aws:SecureTransport": ["true"]], .allowed),
            E("deny with met condition", [P.doc(P.st(), P.st("Deny", condition: #"{"Bool":{"aws:SecureTransport":"false"}}"#))], "s3:GetObject", s3, ["aws:SecureTransport": ["false"]], .explicitDeny),
        ]
    }
}
