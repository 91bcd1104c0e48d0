import ExecRoleKit
import IAMKit

/// The findings pane's default source: what the generator itself knows about the choices
/// (size limits, conditions that break tasks, grants that need a matching resource policy).
/// Replaced by the lint engine's findings when the lead wires it in.
public struct GeneratorNotes: WizardFindingsSource {
    public init() {}

    public func findings(spec: RoleSpec, output: WizardOutput) -> [WizardFinding] {
        var out: [WizardFinding] = []
        if let e = output.validationError {
            out.append(.init(.error, "spec-incomplete", e, fix: "Fill it in on the Service step.", step: .service))
        }
        if output.policySize > WizardOutput.inlineLimit {
            out.append(.init(.error, "policy-too-large", "The policy has \(output.policySize) characters: over the 10,240 inline and 6,144 managed limits.",
                             fix: "Group log groups or secrets under a shared prefix, or split the role.", step: .review))
        } else if output.policySize > WizardOutput.managedLimit {
            out.append(.init(.warning, "policy-too-large", "The policy has \(output.policySize) characters: too big for a managed policy (6,144); write it inline.", step: .review))
        }
        let empty = spec.repositories.isEmpty && spec.logGroups.isEmpty && spec.secrets.isEmpty && spec.parameters.isEmpty
            && spec.s3Objects.isEmpty && !spec.guardDutyAgent && spec.kmsKeys.isEmpty
        if empty {
            out.append(.init(.info, "nothing-chosen", "Nothing chosen yet: the policy is empty. Pick images, log groups and secrets.", step: .images))
        }
        for r in spec.repositories {
            if let a = ARN(r.arn), let acct = spec.account, a.account != acct {
                out.append(.init(.warning, "cross-account-image", "\(a.resourceName) is in account \(a.account): its repository policy must also allow this role.", step: .images))
            }
            if r.pullThroughCache {
                out.append(.init(.info, "pull-through-cache", "\(ARN(r.arn)?.resourceName ?? r.arn): pull-through cache adds ecr:BatchImportUpstreamImage.", step: .images))
            }
        }
        for g in spec.logGroups where g.createGroup {
            out.append(.init(.info, "create-log-group", "\(g.name): awslogs-create-group adds logs:CreateLogGroup (a stolen role could create log groups under this name only).", step: .logs))
        }
        for s in spec.secrets {
            switch Requirements.hasRandomSuffix(s.arn) {
            case .some(false):
                out.append(.init(.info, "secret-partial-arn", "\(s.arn) has no 6-character suffix: granted as NAME-?????? (never NAME*).", step: .secrets))
            case .none:
                out.append(.init(.warning, "secret-ambiguous-suffix", "\(s.arn) may or may not end in the random suffix: both forms are granted.", fix: "Use the full ARN from the console.", step: .secrets))
            default: break
            }
        }
        for k in spec.kmsKeys where k.via.isEmpty {
            out.append(.init(.warning, "kms-without-via-service", "kms:Decrypt on \(k.alias ?? k.arn) without kms:ViaService: stolen credentials could decrypt any ciphertext of that key.",
                             fix: "Turn the ViaService condition on (Keys step).", step: .keys))
        }
        if !spec.trustGuard {
            out.append(.init(.warning, "trust-without-guard", "The trust policy has no aws:SourceAccount/SourceArn guard (confused deputy).", fix: "Turn the trust-policy guard on (Extras).", step: .extras))
        }
        if !spec.vpcEndpoints.isEmpty {
            out.append(.init(.warning, "vpc-endpoint-only", "aws:SourceVpce conditions: tasks that reach ECR, Logs, Secrets Manager or SSM other than through \(spec.vpcEndpoints.joined(separator: ", ")) fail to start.", step: .extras))
        }
        if spec.secrets.contains(where: { $0.kmsKey == nil }) || spec.parameters.contains(where: { $0.kmsKey == nil }) {
            // Keys are listed explicitly by the wizard; only hint when none is chosen at all.
            if spec.kmsKeys.isEmpty, !(spec.secrets.isEmpty && spec.parameters.isEmpty) {
                out.append(.init(.info, "aws-managed-keys", "No customer managed key chosen: secrets encrypted with aws/secretsmanager or aws/ssm need no kms:Decrypt grant.", step: .keys))
            }
        }
        return out.sorted { $0.severity > $1.severity }
    }
}
