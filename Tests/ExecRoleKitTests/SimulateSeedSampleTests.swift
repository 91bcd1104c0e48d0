import ExecRoleKit
import IAMKit
import XCTest

/// The seed guide's sample policy predicts a failed start, and says why for each trap.
final class SimulateSeedSampleTests: XCTestCase {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/seed-sample")

    func load() throws -> (RoleSpec, Policy) {
        let td = try TaskDefinitionImporter.parse(String(contentsOf: Self.dir.appendingPathComponent("taskdef.json"), encoding: .utf8))
        let ctx = SpecBuilder.Context(kmsKeys: ["arn:aws:kms:eu-west-1:111122223333:key/5f3c1e2a-8b4d-4c6e-9f0a-1b2c3d4e5f60"])
        let spec = try SpecBuilder(context: ctx).build(td).0
        let policy = try PolicyParser.parse(String(contentsOf: Self.dir.appendingPathComponent("policy.json"), encoding: .utf8)).0
        return (spec, policy)
    }

    func testSamplePolicyPredictsFailedStart() throws {
        let (spec, policy) = try load()
        let sim = TaskSimulation.run(spec, identity: [NamedPolicy(name: "policy.json", policy: policy)])
        XCTAssertFalse(sim.wouldStart)
        // Every agent call is refused: the SourceAccount condition alone denies all of them.
        XCTAssertTrue(sim.calls.allSatisfy { $0.result.decision == .implicitDeny })
        let first = try XCTUnwrap(sim.firstDenied)
        XCTAssertEqual(first.call.request.action, "ecr:GetAuthorizationToken")
        XCTAssertTrue(TaskSimulation.failureMessage(for: first, spec: spec).hasPrefix("CannotPullContainerError"))
        XCTAssertTrue(TaskSimulation.failureMessage(for: first, spec: spec).contains("assumed-role/orders-api-execution/"))
        // The token call fails on its resource: it only ever names "*".
        let tokenOutcome = try XCTUnwrap(first.result.statements.first { $0.ref.sid == "ECRPull" })
        XCTAssertEqual(tokenOutcome.match.kind, "resource")
        // The layer calls match action and resource, and fail on aws:SourceAccount.
        let pull = try XCTUnwrap(sim.calls.first { $0.call.request.action == "ecr:BatchGetImage" })
        XCTAssertTrue(pull.result.reason.contains("aws:SourceAccount"), pull.result.reason)
        if case .condition(let key, _, let pointer, _) = pull.result.statements[0].match {
            XCTAssertEqual(key, "aws:SourceAccount")
            XCTAssertEqual(pointer, "/Statement/0/Condition/StringEquals/aws:SourceAccount")
        } else { XCTFail("expected the SourceAccount condition to be named") }
        // The fix for the first failure is the token statement on "*".
        let fix = JSONWriter.compact(sim.fixStatements[0])
        XCTAssertTrue(fix.contains("\"ecr:GetAuthorizationToken\"") && fix.contains("\"Resource\":\"*\""), fix)
        XCTAssertFalse(JSONWriter.compact(.array(sim.fixStatements)).contains("SourceAccount"))
    }

    /// Without the SourceAccount conditions the resource traps still deny: the token on a
    /// repository, the 7-`?` secret, the `key/arn:…` KMS resource. Logs and parameters then pass.
    func testResourceTrapsWithoutConditions() throws {
        var (spec, policy) = try load()
        spec.name = "orders-api-execution"
        for i in policy.statements.indices { policy.statements[i].conditions = [] }
        let sim = TaskSimulation.run(spec, identity: [NamedPolicy(name: "policy.json", policy: policy)])
        XCTAssertFalse(sim.wouldStart)
        let denied = Set(sim.calls.filter { !$0.allowed }.map(\.call.request.action))
        XCTAssertEqual(denied, ["ecr:GetAuthorizationToken", "secretsmanager:GetSecretValue", "kms:Decrypt"])
        for c in sim.calls where !c.allowed {
            XCTAssertTrue(c.result.reason.contains("does not match"), "\(c.call.request.action): \(c.result.reason)")
        }
        let allowed = Set(sim.calls.filter(\.allowed).map(\.call.request.action))
        XCTAssertTrue(allowed.isSuperset(of: ["logs:PutLogEvents", "ssm:GetParameters", "ecr:BatchGetImage"]))
    }
}
