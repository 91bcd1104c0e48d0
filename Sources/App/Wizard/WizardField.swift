import ExecRoleKit

/// A fixed setting row at the top of a step's picker (the things that are not inventory items).
public enum WizardField: String, CaseIterable, Sendable, Equatable {
    case name, account, region, partition, launchType, source, taskRole
    case addImage
    case addLogGroup
    case addSecret, addParameter
    case viaService, addKey
    case trustGuard, guardDuty, vpcEndpoints, addS3EnvFile, fireLensConfig
    case format, outDir, checkExisting, write, saveSpec

    /// How the row reacts to enter/space.
    public enum Kind: Sendable { case text, toggle, cycle, button }

    public var step: WizardStep {
        switch self {
        case .name, .account, .region, .partition, .launchType, .source, .taskRole: return .service
        case .addImage: return .images
        case .addLogGroup: return .logs
        case .addSecret, .addParameter: return .secrets
        case .viaService, .addKey: return .keys
        case .trustGuard, .guardDuty, .vpcEndpoints, .addS3EnvFile, .fireLensConfig: return .extras
        case .format, .outDir, .checkExisting, .write, .saveSpec: return .review
        }
    }

    public var kind: Kind {
        switch self {
        case .name, .account, .region, .taskRole, .vpcEndpoints, .fireLensConfig, .outDir: return .text
        case .partition, .launchType, .source, .format: return .cycle
        case .viaService, .trustGuard, .guardDuty: return .toggle
        case .addImage, .addLogGroup, .addSecret, .addParameter, .addKey, .addS3EnvFile, .checkExisting, .write, .saveSpec: return .button
        }
    }

    public var title: String {
        switch self {
        case .name: return "Role name"
        case .account: return "Account"
        case .region: return "Region"
        case .partition: return "Partition"
        case .launchType: return "Launch type"
        case .source: return "Choices from"
        case .taskRole: return "Task role ARN"
        case .addImage: return "+ Add image by URI or ARN..."
        case .addLogGroup: return "+ Name a log group..."
        case .addSecret: return "+ Add secret by ARN..."
        case .addParameter: return "+ Add SSM parameter by name or ARN..."
        case .viaService: return "kms:ViaService condition"
        case .addKey: return "+ Add key by ARN..."
        case .trustGuard: return "Trust-policy guard"
        case .guardDuty: return "GuardDuty sidecar"
        case .vpcEndpoints: return "VPC endpoints only"
        case .addS3EnvFile: return "+ Add S3 environment file..."
        case .fireLensConfig: return "FireLens config in S3"
        case .format: return "Formats"
        case .outDir: return "Directory"
        case .checkExisting: return "Compare with files already there"
        case .write: return "Write files"
        case .saveSpec: return "Save spec only (ecsrole.json)"
        }
    }

    /// The explanation shown in the explain pane and searched by `?`.
    public var help: String {
        switch self {
        case .name: return "IAM role name: 1-64 letters, digits and +=,.@_-. Also the stem of Terraform/CloudFormation resource names."
        case .account: return "The 12-digit account the role lives in: used in log-group and parameter ARNs and the trust-policy guard."
        case .region: return "Region of the service: log-group, parameter and key ARNs and the trust policy's SourceArn."
        case .partition: return "aws, aws-cn or aws-us-gov: the first part of every ARN."
        case .launchType: return "FARGATE, EC2 or EXTERNAL. Informational: the execution role is the same for all."
        case .source: return "Where the pick lists come from: the built-in demo account, a live account, an inventory file (ecsrole inventory), a task definition or a saved spec."
        case .taskRole: return "The task role (what the application calls). Only used in the task-definition fragment; it never gets execution-role permissions."
        case .addImage: return "An image in another account or region, or a repository not listed: paste ACCT.dkr.ecr.REGION.amazonaws.com/REPO[:tag] or the repository ARN."
        case .addLogGroup: return "A log group that does not exist yet or is not listed. Turn on awslogs-create-group (c) if the agent should create it."
        case .addSecret: return "A Secrets Manager secret by ARN (full ARN with the 6-character suffix, or a partial ARN: then NAME-?????? is granted)."
        case .addParameter: return "An SSM parameter by name (/app/db) or ARN. The policy drops the leading slash: parameter/app/db."
        case .viaService: return "Allow kms:Decrypt only when the call comes through Secrets Manager or SSM (kms:ViaService). A thief with the role's credentials cannot decrypt arbitrary ciphertext with the key directly."
        case .addKey: return "A customer managed key by key ARN. Aliases are not accepted in policies: an alias ARN in Resource matches only the alias, never the key."
        case .trustGuard: return "Adds aws:SourceAccount and aws:SourceArn (account-wide) to the trust policy so another account's ECS cannot make the role assume for its tasks (confused deputy). On by default."
        case .guardDuty: return "The task runs the GuardDuty runtime-monitoring sidecar: the agent pulls it from an AWS-owned ECR repository."
        case .vpcEndpoints: return "Comma-separated vpce- ids. Adds aws:SourceVpce to ECR, Logs, Secrets Manager and SSM statements. WARNING: tasks whose calls do not go through these endpoints (public subnets, NAT) then fail with CannotPullContainerError / ResourceInitializationError; ecr:GetAuthorizationToken is never conditioned."
        case .addS3EnvFile: return "An environmentFiles object: arn:aws:s3:::bucket/key.env. Grants s3:GetObject on it and s3:GetBucketLocation on the bucket."
        case .fireLensConfig: return "FireLens config-file-type s3: the config object's ARN (arn:aws:s3:::bucket/fluent-bit.conf)."
        case .format: return "Which files to write: all, json, terraform, cloudformation or cli. ecsrole.json (the spec) is always written."
        case .outDir: return "Directory to write into (created if missing). Existing files are never replaced without confirmation."
        case .checkExisting: return "Reads the files already in the directory and marks each as new, unchanged or changed; d toggles the diff."
        case .write: return "Writes every file at once (all or nothing). Asks before replacing files that differ."
        case .saveSpec: return "Writes only ecsrole.json: `ecsrole generate --spec ecsrole.json` reproduces the same files."
        }
    }

    /// Fields of a step, in display order.
    public static func fields(of step: WizardStep) -> [WizardField] { allCases.filter { $0.step == step } }

    /// The value shown next to the title.
    public func value(in state: WizardState) -> String {
        let s = state.spec
        switch self {
        case .name: return s.name
        case .account: return s.account ?? ""
        case .region: return s.region ?? ""
        case .partition: return s.partition
        case .launchType: return s.launchType ?? "FARGATE"
        case .source: return state.source.label + (state.sourcePath.map { " (\($0))" } ?? "")
        case .taskRole: return s.taskRoleArn ?? ""
        case .viaService: return state.choices.viaService ? "on" : "off"
        case .trustGuard: return s.trustGuard ? "on" : "off"
        case .guardDuty: return s.guardDutyAgent ? "on" : "off"
        case .vpcEndpoints: return s.vpcEndpoints.isEmpty ? "off" : s.vpcEndpoints.joined(separator: ",")
        case .fireLensConfig: return s.s3Objects.first { $0.use == "firelensConfig" }?.arn ?? ""
        case .format: return state.choices.format.rawValue
        case .outDir: return state.choices.outDir
        default: return ""
        }
    }
}
