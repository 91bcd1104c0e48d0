import IAMKit

/// The user's choices for one execution role: the `ecsrole.json` spec file.
///
/// Everything ecsrole writes is a pure function of this value, so saving it and running
/// `ecsrole generate --spec ecsrole.json` reproduces the same files byte for byte. Field order in
/// the file follows the declaration order here; optional fields are omitted when empty.
public struct RoleSpec: Equatable, Sendable {
    /// Spec format version (1).
    public var version: Int = 1
    /// Role name, also the stem of resource names in Terraform/CloudFormation.
    public var name: String
    public var partition: String
    public var account: String?
    public var region: String?
    /// `FARGATE`, `EC2` or `EXTERNAL` (informational; the execution role is the same).
    public var launchType: String?
    public var repositories: [Repository] = []
    public var logGroups: [LogGroup] = []
    public var secrets: [Secret] = []
    public var parameters: [Parameter] = []
    public var kmsKeys: [KMSKey] = []
    public var s3Objects: [S3Object] = []
    /// Add `aws:SourceAccount` + `aws:SourceArn` to the trust policy (default on).
    public var trustGuard: Bool = true
    /// The task pulls the GuardDuty runtime-monitoring sidecar (an AWS-owned ECR repository).
    public var guardDutyAgent: Bool = false
    /// VPC endpoint ids: when set, ECR/Secrets/SSM/KMS statements require `aws:SourceVpce` in this set.
    public var vpcEndpoints: [String] = []
    /// The task role ARN, used only in the task-definition fragment.
    public var taskRoleArn: String?

    public init(name: String, partition: String = "aws", account: String? = nil, region: String? = nil) {
        self.name = name; self.partition = partition; self.account = account; self.region = region
    }

    /// Where a choice came from (a task definition's container and field), for explanations.
    public struct Origin: Equatable, Sendable {
        public var container: String?
        public var field: String
        /// JSON Pointer in the task definition, when imported from one.
        public var pointer: String?
        public init(container: String?, field: String, pointer: String? = nil) { self.container = container; self.field = field; self.pointer = pointer }
        /// `container "web", secrets[0] (DB_PASSWORD)`.
        public var text: String { container.map { "container \"\($0)\", \(field)" } ?? field }
    }

    /// A private ECR image source.
    public struct Repository: Equatable, Sendable {
        /// Repository ARN (`arn:aws:ecr:REGION:ACCT:repository/NAME`).
        public var arn: String
        /// Pull-through cache repository: also needs `ecr:BatchImportUpstreamImage`.
        public var pullThroughCache: Bool = false
        /// With pull-through cache: the repository may not exist yet (adds `ecr:CreateRepository`).
        public var createOnPull: Bool = false
        public var origin: Origin?
        public init(arn: String, pullThroughCache: Bool = false, createOnPull: Bool = false, origin: Origin? = nil) {
            self.arn = arn; self.pullThroughCache = pullThroughCache; self.createOnPull = createOnPull; self.origin = origin
        }
    }

    /// An `awslogs` destination.
    public struct LogGroup: Equatable, Sendable {
        public var name: String
        /// Region when it differs from the spec's (`awslogs-region`).
        public var region: String?
        /// `awslogs-create-group: "true"`: also needs `logs:CreateLogGroup`.
        public var createGroup: Bool = false
        public var streamPrefix: String?
        public var origin: Origin?
        public init(name: String, region: String? = nil, createGroup: Bool = false, streamPrefix: String? = nil, origin: Origin? = nil) {
            self.name = name; self.region = region; self.createGroup = createGroup; self.streamPrefix = streamPrefix; self.origin = origin
        }
    }

    /// A Secrets Manager secret injected as an env var, a log-driver secret option or registry credentials.
    public struct Secret: Equatable, Sendable {
        /// Full ARN (with the 6-character suffix) or a partial ARN (name only).
        public var arn: String
        public var jsonKey: String?
        public var versionStage: String?
        public var versionId: String?
        /// Environment variable it fills (for the task-definition fragment).
        public var env: String?
        /// `secrets`, `secretOptions` or `repositoryCredentials`.
        public var use: String?
        /// Customer managed key that encrypts it (key ARN), when known.
        public var kmsKey: String?
        public var origin: Origin?
        public init(arn: String, jsonKey: String? = nil, versionStage: String? = nil, versionId: String? = nil,
                    env: String? = nil, use: String? = nil, kmsKey: String? = nil, origin: Origin? = nil) {
            self.arn = arn; self.jsonKey = jsonKey; self.versionStage = versionStage; self.versionId = versionId
            self.env = env; self.use = use; self.kmsKey = kmsKey; self.origin = origin
        }
    }

    /// An SSM Parameter Store parameter.
    public struct Parameter: Equatable, Sendable {
        /// Parameter ARN (`arn:aws:ssm:REGION:ACCT:parameter/app/db`).
        public var arn: String
        public var env: String?
        public var use: String?
        public var kmsKey: String?
        public var origin: Origin?
        public init(arn: String, env: String? = nil, use: String? = nil, kmsKey: String? = nil, origin: Origin? = nil) {
            self.arn = arn; self.env = env; self.use = use; self.kmsKey = kmsKey; self.origin = origin
        }
    }

    /// A customer managed KMS key the agent must decrypt with.
    public struct KMSKey: Equatable, Sendable {
        /// Key ARN (`arn:aws:kms:REGION:ACCT:key/ID`): never an alias, which matches only the alias.
        public var arn: String
        /// Services the decrypt comes through (`secretsmanager`, `ssm`): becomes `kms:ViaService`.
        /// Empty means no ViaService condition.
        public var via: [String] = []
        public var alias: String?
        public init(arn: String, via: [String] = [], alias: String? = nil) { self.arn = arn; self.via = via; self.alias = alias }
    }

    /// An S3 object read before the task starts (environment file or FireLens config).
    public struct S3Object: Equatable, Sendable {
        /// Object ARN (`arn:aws:s3:::bucket/key`).
        public var arn: String
        /// `environmentFile` or `firelensConfig`.
        public var use: String
        public var origin: Origin?
        public init(arn: String, use: String, origin: Origin? = nil) { self.arn = arn; self.use = use; self.origin = origin }
    }
}
