import ExecRoleKit
import IAMKit

/// The findings pane's source: the same rule engine `ecsrole lint` runs, over the policy and trust
/// policy the wizard is about to write, plus the generator's own notes (partial secret ARNs,
/// cross-account images…) that are advice rather than lint findings.
public struct LintFindings: WizardFindingsSource {
    public init() {}

    public func findings(spec: RoleSpec, output: WizardOutput) -> [WizardFinding] {
        var out = GeneratorNotes().findings(spec: spec, output: output)
        var role = RoleUnderReview(name: spec.name)
        for (name, kind) in [(OutputNames.policyFile, PolicyKind.identity), (OutputNames.trustFile, PolicyKind.trust)] {
            guard let file = output.files.first(where: { $0.name == name }),
                  let doc = try? JSONParser.parse(file.contents) else { continue }
            let policy = PolicyParser.parse(doc.root, kind: kind)
            // Nothing chosen yet: the generator's "nothing chosen" note says it better than a grammar finding.
            if policy.statements.isEmpty { continue }
            let source = PolicySource(name: name, policy: policy, document: doc, storage: .managed)
            if kind == .identity { role.identityPolicies.append(source) } else { role.trustPolicy = source }
        }
        // The generator's notes already cover the size limit with the wizard's wording.
        for f in LintEngine.run(role, ignore: ["policy-size"]) {
            let line = f.position.map { " (line \($0.line))" } ?? ""
            out.append(WizardFinding(Self.severity(f.severity), f.slug, f.message + line, fix: f.fix, step: Self.step(for: f.slug)))
        }
        return out.sorted { $0.severity > $1.severity }
    }

    static func severity(_ s: Severity) -> WizardFinding.Severity {
        switch s {
        case .critical, .high: return .error
        case .medium, .low: return .warning
        case .info: return .info
        }
    }

    /// The step where a finding of this rule is fixed.
    static func step(for slug: String) -> WizardStep {
        if slug.hasPrefix("trust-") || slug == "condition-key-absent" { return .extras }
        if slug.hasPrefix("log-") || slug == "create-group-missing" { return .logs }
        if slug.hasPrefix("secret-") || slug.hasPrefix("ssm-") { return .secrets }
        if slug.hasPrefix("kms-") { return .keys }
        if slug == "auth-token-scoped" { return .images }
        if slug == "s3-location-missing" { return .extras }
        return .review
    }
}
