@testable import ExecRoleKit
import IAMKit
import XCTest

/// For random task definitions, the generator's policy lets the task start, and it is minimal at the
/// statement level: removing any one statement stops the task.
final class SimulationPropertyTests: XCTestCase {
    static let seeds: ClosedRange<UInt64> = 1...200

    func spec(_ json: String, keys: [String]) throws -> RoleSpec {
        let td = try TaskDefinitionImporter.parse(json)
        let ctx = SpecBuilder.Context(account: TaskDefinitionGenerator.account, region: TaskDefinitionGenerator.region, kmsKeys: keys)
        return try SpecBuilder(context: ctx).build(td).0
    }

    func testGeneratedPolicyStartsTaskAndEveryStatementIsNeeded() throws {
        var withCalls = 0
        for seed in Self.seeds {
            var g = SeededGenerator(seed: seed)
            let (json, keys) = TaskDefinitionGenerator.make(&g)
            let s = try spec(json, keys: keys)
            let policyJSON = PolicyGenerator.identityPolicy(s)
            let policy = try PolicyParser.parse(JSONWriter.pretty(policyJSON)).0
            let sim = TaskSimulation.run(s, identity: [NamedPolicy(name: "generated", policy: policy)])
            if !sim.wouldStart {
                let d = sim.firstDenied!
                XCTFail("seed \(seed): generated policy denies \(d.call.request.action) on \(d.call.request.resource): \(d.result.reason)\n\(json)")
                continue
            }
            if !sim.calls.isEmpty { withCalls += 1 }
            for i in policy.statements.indices {
                var reduced = policy
                reduced.statements.remove(at: i)
                let r = TaskSimulation.run(s, identity: [NamedPolicy(name: "reduced", policy: reduced)])
                XCTAssertFalse(r.wouldStart, "seed \(seed): removing statement \(policy.statements[i].sidOrIndex) still starts the task\n\(json)")
            }
        }
        XCTAssertGreaterThan(withCalls, 150, "the generator should mostly produce tasks that need the role")
    }

    func testGeneratorIsDeterministic() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42)
        XCTAssertEqual(TaskDefinitionGenerator.make(&a).json, TaskDefinitionGenerator.make(&b).json)
    }

    /// The same property through a VPC endpoint: the generator's SourceVpce conditions hold when the
    /// task uses the endpoint and fail when it does not.
    func testVpcEndpointConditions() throws {
        for seed in UInt64(1)...40 {
            var g = SeededGenerator(seed: seed)
            let (json, keys) = TaskDefinitionGenerator.make(&g)
            var s = try spec(json, keys: keys)
            s.vpcEndpoints = ["vpce-0abc"]
            let policy = try PolicyParser.parse(JSONWriter.pretty(PolicyGenerator.identityPolicy(s))).0
            let named = [NamedPolicy(name: "generated", policy: policy)]
            XCTAssertTrue(TaskSimulation.run(s, identity: named, network: AgentNetwork(endpoints: ["*": "vpce-0abc"])).wouldStart, "seed \(seed)")
            let conditioned = Requirements.compute(s).contains { [.ecrPull, .secretsManager, .ssm, .logs].contains($0.purpose) }
            if conditioned {
                XCTAssertFalse(TaskSimulation.run(s, identity: named).wouldStart, "seed \(seed): SourceVpce conditions must fail without the endpoint")
            }
        }
    }
}
