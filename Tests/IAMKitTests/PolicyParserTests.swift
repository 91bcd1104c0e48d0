import IAMKit
import XCTest

final class PolicyParserTests: XCTestCase {
    func diags(_ text: String, kind: PolicyKind = .identity) throws -> [String] {
        try PolicyParser.parse(text, kind: kind).0.diagnostics.map(\.message)
    }

    func testFullGrammarIsModelled() throws {
        let text = """
        {"Version": "2012-10-17", "Id": "x", "Statement": [{
          "Sid": "A1", "Effect": "Deny", "NotAction": "iam:*", "NotResource": ["arn:aws:s3:::b/*"],
          "Condition": {"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["a*", "b"]}, "Bool": {"aws:SecureTransport": false}, "Null": {"aws:TokenIssueTime": "true"}}
        }]}
        """
        let (p, _) = try PolicyParser.parse(text)
        XCTAssertTrue(p.diagnostics.isEmpty, "\(p.diagnostics)")
        let s = p.statements[0]
        XCTAssertEqual(s.effect, .deny)
        XCTAssertEqual(s.action?.negated, true)
        XCTAssertEqual(s.action?.values, ["iam:*"])
        XCTAssertEqual(s.resource?.negated, true)
        XCTAssertEqual(s.conditions.count, 3)
        XCTAssertEqual(s.conditions[0].op.qualifier, .forAnyValue)
        XCTAssertEqual(s.conditions[0].op.base, "StringLike")
        XCTAssertTrue(s.conditions[0].op.ifExists)
        XCTAssertEqual(s.conditions[0].values.map(\.value), ["a*", "b"])
        XCTAssertEqual(s.conditions[0].values[1].pointer, "/Statement/0/Condition/ForAnyValue:StringLikeIfExists/aws:TagKeys/1")
        XCTAssertEqual(s.conditions[1].values.map(\.value), ["false"])
        XCTAssertEqual(s.conditions[2].op.family, .null)
        XCTAssertEqual(s.action?.items[0].pointer, "/Statement/0/NotAction")
    }

    func testStatementAsSingleObject() throws {
        let (p, _) = try PolicyParser.parse(#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}"#)
        XCTAssertTrue(p.singleStatement)
        XCTAssertEqual(p.statements[0].pointer, "/Statement")
        XCTAssertEqual(p.statements[0].action?.items[0].pointer, "/Statement/Action")
    }

    func testPrincipalForms() throws {
        let (p, _) = try PolicyParser.parse(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com", "AWS": ["arn:aws:iam::111122223333:root"]}, "Action": "sts:AssumeRole"}, {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}"#, kind: .trust)
        XCTAssertTrue(p.diagnostics.isEmpty, "\(p.diagnostics)")
        XCTAssertEqual(p.statements[0].principal?.values("Service"), ["ecs-tasks.amazonaws.com"])
        XCTAssertEqual(p.statements[0].principal?.values("AWS"), ["arn:aws:iam::111122223333:root"])
        XCTAssertEqual(p.statements[1].principal?.wildcard, true)
    }

    func testGrammarProblemsAreAllCollected() throws {
        let d = try diags(#"{"Version": "2012-10-18", "Statement": [{"Sid": "has space", "Effect": "allow", "Action": "s3:GetObject", "NotAction": "x", "Principal": "*", "Foo": 1}, {"Effect": "Allow", "Action": []}, 7], "Extra": 1}"#)
        let expect = ["Version must be", "letters and digits", "Effect must be", "Action or NotAction, not both", "not allowed in an identity policy",
                      "unknown statement element \"Foo\"", "neither Resource", "empty array", "statement must be an object", "unknown top-level element"]
        for e in expect { XCTAssertTrue(d.contains { $0.contains(e) }, "missing \(e) in \(d)") }
    }

    func testElementNamesAreCaseSensitiveWithAHint() throws {
        let d = try diags(#"{"Version": "2012-10-17", "Statement": [{"effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}"#)
        XCTAssertTrue(d.contains { $0.contains("did you mean \"Effect\"") }, "\(d)")
    }

    func testMissingVersionAndUnknownOperator() throws {
        let d = try diags(#"{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEqualz": {"a": "b"}, "NullIfExists": {"a": "true"}}}]}"#)
        XCTAssertTrue(d.contains { $0.contains("Version is missing") })
        XCTAssertTrue(d.contains { $0.contains("StringEqualz") })
        XCTAssertTrue(d.contains { $0.contains("NullIfExists") })
    }

    func testTrustPolicyRules() throws {
        let d = try diags(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}"#, kind: .trust)
        XCTAssertTrue(d.contains { $0.contains("no Principal") })
        XCTAssertTrue(d.contains { $0.contains("Resource is not allowed in a role trust policy") })
    }

    func testNotAPolicy() throws {
        XCTAssertFalse(try diags("[1]").isEmpty)
    }

    func testCanonicalWriterOrdersKeys() throws {
        let text = #"{"Statement": [{"Condition": {"Bool": {"aws:SecureTransport": "true"}}, "Resource": "*", "Action": ["s3:GetObject"], "Effect": "Allow", "Sid": "S"}], "Version": "2012-10-17"}"#
        let (p, _) = try PolicyParser.parse(text)
        let out = PolicyWriter.text(p)
        XCTAssertEqual(out, """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "S",
              "Effect": "Allow",
              "Action": [
                "s3:GetObject"
              ],
              "Resource": "*",
              "Condition": {
                "Bool": {
                  "aws:SecureTransport": "true"
                }
              }
            }
          ]
        }

        """)
        XCTAssertEqual(PolicyWriter.text(try PolicyParser.parse(out).0), out, "canonical form is a fixed point")
    }

    /// `Statement` keeps its fields in a shared box that is replaced, never changed, by a setter:
    /// it behaves as a struct of those fields (copies independent, equality field by field).
    func testStatementIsAValue() throws {
        let (p, _) = try PolicyParser.parse(#"{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":["s3:GetObject"],"Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}"#)
        let original = p.statements[0]
        var copy = original
        XCTAssertEqual(copy, original)
        copy.effect = .deny
        XCTAssertEqual(original.effect, .allow)
        XCTAssertEqual(copy.effect, .deny)
        XCTAssertNotEqual(copy, original)
        copy.effect = .allow
        XCTAssertEqual(copy, original, "equal field by field after changing back")
        copy.action?.items.append(Located("s3:PutObject", "/Statement/0/Action/1"))
        copy.sid = nil
        copy.index = 7
        copy.pointer = "/x"
        copy.conditions = []
        copy.conditionPointer = nil
        copy.effectPointer = "/x/Effect"
        copy.principal = PrincipalBlock(wildcard: true, pointer: "/x/Principal")
        copy.resource = nil
        XCTAssertEqual(original.action?.values, ["s3:GetObject"])
        XCTAssertEqual(original.sid?.value, "A")
        XCTAssertEqual(original.index, 0)
        XCTAssertEqual(original.pointer, "/Statement/0")
        XCTAssertEqual(original.conditions.count, 1)
        XCTAssertEqual(original.conditionPointer, "/Statement/0/Condition")
        XCTAssertEqual(original.effectPointer, "/Statement/0/Effect")
        XCTAssertNil(original.principal)
        XCTAssertEqual(original.resource?.values, ["*"])
        XCTAssertEqual(copy.action?.values, ["s3:GetObject", "s3:PutObject"])
        XCTAssertEqual([copy.index, copy.conditions.count], [7, 0])
        XCTAssertEqual(copy.effectPointer, "/x/Effect")
        XCTAssertEqual(copy.label, "statement 7")
        XCTAssertEqual(original.label, "statement \"A\"")
        let built = Statement(index: 0, pointer: "/Statement/0", sid: original.sid, effect: .allow, effectPointer: "/Statement/0/Effect",
                              action: original.action, resource: original.resource, conditions: original.conditions,
                              conditionPointer: "/Statement/0/Condition")
        XCTAssertEqual(built, original, "the public initializer makes the statement the parser makes")
    }
}
