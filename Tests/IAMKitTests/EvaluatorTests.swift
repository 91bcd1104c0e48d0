import IAMKit
import XCTest

/// What the evaluator says besides the decision: deciding statements with pointers, near-miss
/// reasons, and the value parsers behind the typed operators.
final class EvaluatorTests: XCTestCase {
    func eval(_ text: String, _ action: String, _ resource: String, _ ctx: [String: String] = [:], boundary: String? = nil) -> EvaluationResult {
        let p = NamedPolicy(name: "policy.json", policy: try! PolicyParser.parse(text).0)
        let b = boundary.map { NamedPolicy(name: "boundary.json", policy: try! PolicyParser.parse($0).0) }
        return PolicyEvaluator.evaluate(EvaluationRequest(action: action, resource: resource, context: RequestContext(ctx)), identity: [p], boundary: b)
    }

    func testDecidingStatementsCarrySidIndexAndPointer() {
        let r = eval(#"{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#, "s3:GetObject", "arn:aws:s3:::b/k")
        XCTAssertEqual(r.decision, .allowed)
        XCTAssertEqual(r.deciding, [StatementRef(policy: "policy.json", sid: "A", index: 0, pointer: "/Statement/0"),
                                    StatementRef(policy: "policy.json", sid: nil, index: 1, pointer: "/Statement/1")])
    }

    func testExplicitDenyNamesOnlyTheDeny() {
        let r = eval(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"NoS3","Effect":"Deny","Action":"s3:*","Resource":"*"}]}"#, "s3:GetObject", "arn:aws:s3:::b/k")
        XCTAssertEqual(r.decision, .explicitDeny)
        XCTAssertEqual(r.deciding.map(\.sid), ["NoS3"])
        XCTAssertTrue(r.reason.contains("NoS3"), r.reason)
    }

    func testNonMatchingStatementsSayWhy() {
        let r = eval(#"{"Version":"2012-10-17","Statement":[{"Sid":"Act","Effect":"Allow","Action":"ec2:*","Resource":"*"},{"Sid":"Res","Effect":"Allow","Action":"logs:PutLogEvents","Resource":"arn:aws:logs:us-east-1:1:log-group:g"},{"Sid":"Cond","Effect":"Allow","Action":"logs:*","Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":"1"}}}]}"#,
                     "logs:PutLogEvents", "arn:aws:logs:us-east-1:1:log-group:g:log-stream:s")
        XCTAssertEqual(r.decision, .implicitDeny)
        XCTAssertEqual(r.statements.map(\.match.kind), ["action", "resource", "condition"])
        if case .condition(let key, let op, let pointer, _) = r.statements[2].match {
            XCTAssertEqual(key, "aws:SourceAccount"); XCTAssertEqual(op, "StringEquals")
            XCTAssertEqual(pointer, "/Statement/2/Condition/StringEquals/aws:SourceAccount")
        } else { XCTFail("expected a condition mismatch") }
        XCTAssertTrue(r.reason.contains("closest"), r.reason)
        XCTAssertTrue(r.reason.contains("\"Cond\""), r.reason)
    }

    func testBoundaryReason() {
        let r = eval(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#, "s3:GetObject", "arn:aws:s3:::b/k",
                     boundary: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]}"#)
        XCTAssertEqual(r.decision, .implicitDeny)
        XCTAssertEqual(r.boundaryAllows, false)
        XCTAssertTrue(r.reason.contains("permissions boundary"), r.reason)
    }

    func testDates() {
        XCTAssertEqual(ConditionValues.date("1970-01-01T00:00:00Z"), 0)
        XCTAssertEqual(ConditionValues.date("2000-03-01"), 951_868_800)
        XCTAssertEqual(ConditionValues.date("1700000000"), 1_700_000_000)
        XCTAssertEqual(ConditionValues.date("2026-01-01T02:00:00+0200"), ConditionValues.date("2026-01-01T00:00:00Z"))
        XCTAssertNil(ConditionValues.date("2026-13-01"))
        XCTAssertNil(ConditionValues.date("2026-01-01T00:00:00Zjunk"))
    }

    func testIPAddresses() {
        XCTAssertEqual(ConditionValues.ipAddress("::1"), Array(repeating: 0, count: 15) + [1])
        XCTAssertNil(ConditionValues.ipAddress("256.0.0.1"))
        XCTAssertNil(ConditionValues.ipAddress("1::2::3"))
        XCTAssertEqual(ConditionValues.ip("10.0.0.1", inCIDR: "10.0.0.0/33"), nil)
        XCTAssertEqual(ConditionValues.ip("fe80::1", inCIDR: "fe80::/10"), true)
    }

    func testWildcardPatternIsLinearOnAdversarialInput() {
        let p = WildcardPattern.glob(String(repeating: "a*", count: 30) + "b")
        XCTAssertFalse(p.matches(String(repeating: "a", count: 5000)))
    }
}
