import ExecRoleKit
import Foundation
import IAMKit
import XCTest

/// Real error messages from public threads (each fixture names its source) diagnosed with the right
/// role, missing permission, reason and fix.
final class DiagnoseFixtureTests: XCTestCase {
    struct Fixture: Decodable {
        var source: String
        var message: String
        var category: String
        var role: String?
        var action: String?
        var denial: String?
        var inferred: Bool?
        var network: Bool?
        var noFix: Bool?
        var fixResource: String?
        var fixMentions: [String]?
    }

    static func fixtures() throws -> [Fixture] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/diagnose/messages.json")
        return try JSONDecoder().decode([Fixture].self, from: Data(contentsOf: url))
    }

    func testEveryFixture() throws {
        let all = try Self.fixtures()
        XCTAssertGreaterThanOrEqual(all.filter { !$0.source.hasPrefix("synthetic") }.count, 10)
        for f in all {
            let d = ErrorMessageParser.diagnose(f.message)
            let ctx = "\(f.source)"
            XCTAssertTrue(d.recognised, ctx)
            XCTAssertEqual(d.category.rawValue, f.category, ctx)
            if let r = f.role { XCTAssertEqual(d.roleName, r, ctx) }
            XCTAssertEqual(d.action, f.action, ctx)
            if let den = f.denial { XCTAssertEqual(d.denial?.rawValue, den, ctx) }
            XCTAssertEqual(d.actionInferred, f.inferred ?? false, ctx)
            XCTAssertEqual(d.networkProblem != nil, f.network ?? false, ctx)
            if f.noFix == true { XCTAssertNil(d.fix, ctx) } else {
                let fix = try XCTUnwrap(d.fix, ctx)
                let text = JSONWriter.compact(fix)
                if let r = f.fixResource { XCTAssertTrue(text.contains("\"\(r)\""), "\(ctx): \(text)") }
                for m in f.fixMentions ?? [] { XCTAssertTrue(text.contains(m), "\(ctx): \(text) should mention \(m)") }
                // Fixes are valid policy statements that grant what the message was refused.
                let policy = try PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":\(fix.arrayValue == nil ? "[\(text)]" : text)}").0
                XCTAssertTrue(policy.diagnostics.isEmpty, "\(ctx): \(policy.diagnostics)")
            }
        }
    }

    func testFixGrantsTheRefusedRequest() throws {
        // The CreateLogGroup message's fix must allow exactly the request the message names.
        let f = try Self.fixtures()[0]
        let d = ErrorMessageParser.diagnose(f.message)
        let policy = try PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[\(JSONWriter.compact(try XCTUnwrap(d.fix)))]}").0
        let r = PolicyEvaluator.evaluate(EvaluationRequest(action: try XCTUnwrap(d.action), resource: try XCTUnwrap(d.resource)),
                                         identity: [NamedPolicy(name: "fix", policy: policy)])
        XCTAssertEqual(r.decision, .allowed, r.reason)
    }

    func testNotRecognised() {
        let d = ErrorMessageParser.diagnose("Essential container in task exited")
        XCTAssertFalse(d.recognised)
        XCTAssertNil(d.fix)
    }

    func testSecretTailIsStrippedAndSuffixKept() {
        let d = ErrorMessageParser.diagnose("AccessDeniedException: User: arn:aws:sts::111122223333:assumed-role/exec/abc is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-Xy12Zq:password:: because no identity-based policy allows the secretsmanager:GetSecretValue action")
        XCTAssertEqual(d.fix.map(JSONWriter.compact)?.contains("\"arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-Xy12Zq\""), true)
        XCTAssertEqual(d.roleARN, "arn:aws:iam::111122223333:role/exec")
    }

    func testDoubleSlashParameterIsNormalised() {
        let d = ErrorMessageParser.diagnose("User: arn:aws:sts::111122223333:assumed-role/exec/abc is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:eu-west-1:111122223333:parameter//app/db")
        let text = d.fix.map(JSONWriter.compact) ?? ""
        XCTAssertTrue(text.contains("\"arn:aws:ssm:eu-west-1:111122223333:parameter/app/db\""), text)
        XCTAssertTrue(text.contains("ssm:GetParameters"), text)
    }

    func testExplicitDenyInIdentityPolicyHasNoAllowFix() {
        let d = ErrorMessageParser.diagnose("User: arn:aws:sts::111122223333:assumed-role/exec/abc is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:111122223333:key/k1 with an explicit deny in an identity-based policy")
        XCTAssertEqual(d.denial, .explicitDenyIdentity)
        XCTAssertNil(d.fix)
        XCTAssertTrue(d.explanation.joined().contains("Deny"))
    }
}
