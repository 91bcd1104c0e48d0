import Foundation

/// Every AWS API call AWSKit can make. The client accepts nothing else, so this list *is* the
/// tool's footprint: metadata reads only. There is deliberately no case for
/// `secretsmanager:GetSecretValue`, `ssm:GetParameter(s)` or `kms:Decrypt` — reading a secret's value
/// is never needed to build a role, and a test asserts none of them can appear here.
public enum AWSOperation: String, CaseIterable, Sendable {
    case ecrDescribeRepositories
    case logsDescribeLogGroups
    case secretsManagerListSecrets
    case ssmDescribeParameters
    case kmsListKeys, kmsListAliases, kmsDescribeKey
    case ecsListTaskDefinitionFamilies, ecsDescribeTaskDefinition
    case iamGetRole, iamListRolePolicies, iamGetRolePolicy, iamListAttachedRolePolicies
    case iamGetPolicy, iamGetPolicyVersion, iamListRoles
    case stsGetCallerIdentity, stsAssumeRole

    public var service: AWSService {
        switch self {
        case .ecrDescribeRepositories: .ecr
        case .logsDescribeLogGroups: .logs
        case .secretsManagerListSecrets: .secretsManager
        case .ssmDescribeParameters: .ssm
        case .kmsListKeys, .kmsListAliases, .kmsDescribeKey: .kms
        case .ecsListTaskDefinitionFamilies, .ecsDescribeTaskDefinition: .ecs
        case .iamGetRole, .iamListRolePolicies, .iamGetRolePolicy, .iamListAttachedRolePolicies,
             .iamGetPolicy, .iamGetPolicyVersion, .iamListRoles: .iam
        case .stsGetCallerIdentity, .stsAssumeRole: .sts
        }
    }

    /// The API name, e.g. `ListSecrets`.
    public var name: String {
        let raw = rawValue
        let prefix = ["ecr", "logs", "secretsManager", "ssm", "kms", "ecs", "iam", "sts"].first { raw.hasPrefix($0) }!
        return String(raw.dropFirst(prefix.count))
    }

    /// `X-Amz-Target` for JSON 1.1 services, nil for Query services.
    public var target: String? {
        service.jsonTargetPrefix.map { "\($0).\(name)" }
    }

    /// IAM action this call needs, e.g. `secretsmanager:ListSecrets` (for docs and the least-privilege policy).
    public var iamAction: String { "\(service.signingName):\(name)" }
}
