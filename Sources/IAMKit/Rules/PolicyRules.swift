/// The generic rules, in id order.
public enum PolicyRules {
    public static let all: [any PolicyRule.Type] = [
        GrammarRule.self, DuplicateSidRule.self, UnknownActionRule.self, UnknownServiceRule.self,
        WildcardActionRule.self, WildcardResourceRule.self, NotActionAllowRule.self, NotResourceAllowRule.self,
        PrivilegeEscalationRule.self, DataExfiltrationRule.self, ResourceExposureRule.self,
        CredentialsExposureRule.self, InfrastructureModificationRule.self, ResourceMismatchRule.self,
        UnknownConditionKeyRule.self, RedundantStatementRule.self,
    ]

    /// Runs every applicable rule on a policy (no filtering, no positions).
    public static func run(_ policy: Policy, context: PolicyContext = PolicyContext()) -> [Finding] {
        all.filter { $0.kinds.contains(policy.kind) }.flatMap { $0.check(policy: policy, context: context) }
    }
}
