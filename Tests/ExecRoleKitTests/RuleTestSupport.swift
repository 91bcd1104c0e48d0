import ExecRoleKit
import IAMKit

/// Builds roles from JSON text for the rule tests.
enum RoleFixture {
    static func role(policy: String? = nil, policies: [String] = [], trust: String? = nil, taskdef: String? = nil,
                     context: SpecBuilder.Context = .init()) throws -> RoleUnderReview {
        var role = RoleUnderReview(name: "test-execution-role", taskContext: context)
        for (i, text) in ((policy.map { [$0] } ?? []) + policies).enumerated() {
            let (p, doc) = try PolicyParser.parse(text, kind: .identity)
            role.identityPolicies.append(PolicySource(name: "policy\(i).json", policy: p, document: doc))
        }
        if let trust {
            let (p, doc) = try PolicyParser.parse(trust, kind: .trust)
            role.trustPolicy = PolicySource(name: "trust.json", policy: p, document: doc)
        }
        if let taskdef { role.taskDefinition = try TaskDefinitionImporter.parse(taskdef) }
        return role
    }

    static func lint(policy: String? = nil, policies: [String] = [], trust: String? = nil, taskdef: String? = nil,
                     context: SpecBuilder.Context = .init(), only: Set<String>? = nil) throws -> [Finding] {
        LintEngine.run(try role(policy: policy, policies: policies, trust: trust, taskdef: taskdef, context: context), only: only)
    }
}

extension Array where Element == Finding {
    func with(_ slug: String) -> [Finding] { filter { $0.slug == slug } }
    var slugs: Set<String> { Set(map(\.slug)) }
}
