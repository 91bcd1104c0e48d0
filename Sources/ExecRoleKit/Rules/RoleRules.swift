import IAMKit

/// The role-level rules, in id order.
public enum RoleRules {
    public static let all: [any RoleRule.Type] = [
        LogStreamARNRule.self, CreateGroupMissingRule.self, SSMARNFormRule.self, SecretRefTailRule.self,
        SecretSuffixRule.self, SSMSecretReferenceRule.self, KMSAliasResourceRule.self, KMSDecryptMissingRule.self,
        AuthTokenScopedRule.self, ConditionKeyAbsentRule.self, WrongRoleRule.self, S3LocationMissingRule.self,
        PolicySizeRule.self, TaskNeedDeniedRule.self, ManagedPolicyBroadRule.self,
        TrustPrincipalRule.self, TrustConfusedDeputyRule.self, TrustClusterARNRule.self,
        ContainerRootUserRule.self, ContainerPrivilegedRule.self, ContainerWritableRootRule.self,
        ContainerCapabilitiesRule.self, PlaintextSecretEnvRule.self, ImageUnpinnedRule.self, SameExecAndTaskRoleRule.self,
    ]
}
