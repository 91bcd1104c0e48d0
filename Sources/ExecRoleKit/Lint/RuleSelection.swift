import IAMKit

extension LintEngine {
    /// The rules one lint run applies, after `--only` / `--ignore`, grouped by the policy kind they
    /// apply to.
    ///
    /// Decided once per run: filtering inside `run` lowercased and hashed every rule's id and slug for
    /// every role, a tenth of `lint --only …` on the managed-policy corpus.
    public struct RuleSelection: Sendable {
        let identityRules: [any PolicyRule.Type]
        let trustRules: [any PolicyRule.Type]
        let resourceRules: [any PolicyRule.Type]
        let roleRules: [any RoleRule.Type]

        /// - Parameters:
        ///   - only: rule ids or slugs to run, case-insensitive (nil: all).
        ///   - ignore: rule ids or slugs to skip.
        public init(only: Set<String>? = nil, ignore: Set<String> = []) {
            let onlyKeys = only.map { Set($0.map { $0.lowercased() }) }
            let ignoreKeys = Set(ignore.map { $0.lowercased() })
            func enabled(_ d: RuleDescription) -> Bool {
                let keys = [d.id.lowercased(), d.slug]
                if keys.contains(where: ignoreKeys.contains) { return false }
                return onlyKeys.map { o in keys.contains(where: o.contains) } ?? true
            }
            let policyRules = PolicyRules.all.filter { enabled($0.description) }
            identityRules = policyRules.filter { $0.kinds.contains(.identity) }
            trustRules = policyRules.filter { $0.kinds.contains(.trust) }
            resourceRules = policyRules.filter { $0.kinds.contains(.resource) }
            roleRules = RoleRules.all.filter { enabled($0.description) }
        }

        /// The enabled generic rules that apply to a policy of `kind`, in id order.
        func policyRules(for kind: PolicyKind) -> [any PolicyRule.Type] {
            switch kind {
            case .identity: return identityRules
            case .trust: return trustRules
            case .resource: return resourceRules
            }
        }
    }
}
