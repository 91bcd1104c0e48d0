import ExecRoleKit
import IAMKit
import XCTest

/// Role bundles (`get-account-authorization-details`) and the agent's request context.
final class SimulateBundleTests: XCTestCase {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    func bundle() throws -> RoleBundle {
        let text = try String(contentsOf: Self.dir.appendingPathComponent("bundle/authorization-details.json"), encoding: .utf8)
        return try RoleBundle(document: JSONParser.parse(text))
    }

    func taskSpec() throws -> RoleSpec {
        let td = try TaskDefinitionImporter.parse(String(contentsOf: Self.dir.appendingPathComponent("seed-sample/taskdef.json"), encoding: .utf8))
        let ctx = SpecBuilder.Context(name: "orders-api-execution", kmsKeys: ["arn:aws:kms:eu-west-1:111122223333:key/5f3c1e2a-8b4d-4c6e-9f0a-1b2c3d4e5f60"])
        return try SpecBuilder(context: ctx).build(td).0
    }

    func testBundleResolvesInlineEncodedManagedAndBoundary() throws {
        let b = try bundle()
        XCTAssertEqual(b.roleNames, ["orders-api-execution", "other-role"])
        let r = try b.role("orders-api-execution")
        XCTAssertEqual(r.identity.map(\.name), ["orders-api-execution/secrets", "orders-api-execution/encoded",
                                                "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
                                                "arn:aws:iam::111122223333:policy/orders-deny-delete"])
        // The default version (v2), not v1's deny-all.
        XCTAssertEqual(r.identity[3].policy.statements.first?.sid?.value, "NoDelete")
        XCTAssertEqual(r.boundary?.name, "arn:aws:iam::111122223333:policy/ecs-boundary")
        XCTAssertEqual(r.trust?.statements.first?.principal?.values("Service"), ["ecs-tasks.amazonaws.com"])
        XCTAssertTrue(r.unresolved.isEmpty)
        // Pointers of object documents point into the bundle.
        XCTAssertEqual(r.identity[0].policy.statements[0].pointer, "/RoleDetailList/0/RolePolicyList/0/PolicyDocument/Statement/0")
    }

    func testBundleNeedsRoleWhenSeveral() throws {
        XCTAssertThrowsError(try bundle().role(nil))
        XCTAssertThrowsError(try bundle().role("missing"))
    }

    func testTaskStartsWithBundleRoleButBoundaryBlocksKMS() throws {
        let r = try bundle().role("orders-api-execution")
        let sim = TaskSimulation.run(try taskSpec(), identity: r.identity, boundary: r.boundary)
        XCTAssertFalse(sim.wouldStart)
        let denied = sim.calls.filter { !$0.allowed }
        XCTAssertEqual(Set(denied.map(\.call.request.action)), ["kms:Decrypt"])
        XCTAssertEqual(denied[0].result.boundaryAllows, false)
        XCTAssertTrue(denied[0].result.reason.contains("permissions boundary"), denied[0].result.reason)
        // Without the boundary everything is allowed, the managed policy covering ECR and logs.
        XCTAssertTrue(TaskSimulation.run(try taskSpec(), identity: r.identity).wouldStart)
    }

    func testAgentContext() throws {
        let spec = try taskSpec()
        let calls = AgentCalls.build(spec, currentTime: "2026-03-01T12:00:00Z")
        for c in calls {
            let ctx = c.request.context
            XCTAssertEqual(ctx["aws:PrincipalArn"], ["arn:aws:iam::111122223333:role/orders-api-execution"])
            XCTAssertEqual(ctx["aws:PrincipalAccount"], ["111122223333"])
            XCTAssertEqual(ctx["aws:SecureTransport"], ["true"])
            XCTAssertEqual(ctx["aws:CurrentTime"], ["2026-03-01T12:00:00Z"])
            XCTAssertEqual(ctx["aws:RequestedRegion"], ["eu-west-1"])
            XCTAssertNil(ctx["aws:SourceAccount"]); XCTAssertNil(ctx["aws:SourceArn"])
            XCTAssertNil(ctx["aws:SourceVpce"]); XCTAssertNil(ctx["aws:SourceVpc"])
        }
        let kms = calls.filter { $0.requirement.purpose == .kms }.compactMap { $0.request.context["kms:ViaService"]?.first }
        XCTAssertEqual(Set(kms), ["secretsmanager.eu-west-1.amazonaws.com", "ssm.eu-west-1.amazonaws.com"])
        let logs = try XCTUnwrap(calls.first { $0.request.action == "logs:PutLogEvents" })
        XCTAssertEqual(logs.request.resource, "arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/orders-api:log-stream:ecs/orders-api/\(AgentCalls.sampleTaskId)")
    }

    func testVpcEndpointContextPerService() throws {
        let spec = try taskSpec()
        let net = try AgentNetwork.parse(["secretsmanager=vpce-0sm", "vpce-0all"])
        let calls = AgentCalls.build(spec, network: net)
        func vpce(_ action: String) -> [String]? { calls.first { $0.request.action == action }?.request.context["aws:SourceVpce"] }
        XCTAssertEqual(vpce("secretsmanager:GetSecretValue"), ["vpce-0sm"])
        XCTAssertEqual(vpce("ssm:GetParameters"), ["vpce-0all"])
        XCTAssertNil(vpce("ecr:GetAuthorizationToken"), "the token call carries no VPC endpoint context")
        XCTAssertNil(vpce("kms:Decrypt"), "decrypts are made by Secrets Manager/SSM on the role's behalf")
        XCTAssertThrowsError(try AgentNetwork.parse(["not-an-endpoint"]))
    }

    func testPartialSecretHasSuffixCandidate() throws {
        var spec = RoleSpec(name: "r", account: "111122223333", region: "eu-west-1")
        spec.secrets = [.init(arn: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/svc-config")]
        let calls = AgentCalls.build(spec)
        XCTAssertEqual(calls.count, 1)
        XCTAssertEqual(calls[0].requests.map(\.resource), ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/svc-config",
                                                           "arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/svc-config-Ab12Cd"])
        // Either real form satisfies the call.
        let p = try PolicyParser.parse(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/svc-config-??????"}]}"#).0
        XCTAssertTrue(TaskSimulation.run(spec, identity: [NamedPolicy(name: "p", policy: p)]).wouldStart)
    }
}
