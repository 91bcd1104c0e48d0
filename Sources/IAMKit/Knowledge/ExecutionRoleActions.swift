/// What each action an ECS task execution role may need is for, how to scope it, and what it
/// gives an attacker who steals the role's credentials (from the ECS agent host, a compromised
/// sidecar with the execution role, or a leaked session).
///
/// Sources: AWS's ECS Developer Guide ("Amazon ECS task execution IAM role"), the IAM Service
/// Authorization Reference, and ../shared/AWS-FACTS.md. Where a fact is an inference it says so.
public enum ExecutionRoleActions {
    /// Knowledge about one execution-role action.
    public struct Entry: Sendable, Hashable {
        /// `service:Action` in canonical case.
        public let action: String
        /// The task-definition feature(s) that make the ECS agent / Fargate call it.
        public let feature: String
        /// Why the agent makes the call.
        public let why: String
        /// The Resource form it needs (ARN template with placeholders, or `*`).
        public let resourceForm: String
        /// What a thief holding the role's credentials could do with it.
        public let thiefImpact: String
        /// Whether the action only works with `"Resource": "*"` (no resource-level permissions).
        public let requiresStarResource: Bool
    }

    /// Every action the ECS agent or Fargate may call with the execution role.
    public static let all: [Entry] = [
        Entry(action: "ecr:GetAuthorizationToken",
              feature: "image from a private Amazon ECR repository (including pull-through cache repositories)",
              why: "Fetches the registry login token the agent uses before it pulls any ECR image.",
              resourceForm: "*",
              thiefImpact: "Gets a 12-hour Docker login token; useless alone, but with the pull actions below it downloads images (and pushes them if push actions are also granted).",
              requiresStarResource: true),
        Entry(action: "ecr:BatchCheckLayerAvailability",
              feature: "image from a private Amazon ECR repository",
              why: "Checks which image layers exist in the repository; part of the image pull flow AWS documents.",
              resourceForm: "arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}",
              thiefImpact: "Learns which layers exist in the repositories in scope (minor information disclosure).",
              requiresStarResource: false),
        Entry(action: "ecr:GetDownloadUrlForLayer",
              feature: "image from a private Amazon ECR repository",
              why: "Gets a pre-signed download URL for each image layer.",
              resourceForm: "arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}",
              thiefImpact: "Downloads image layers: the application's code and anything baked into the image (keys, config).",
              requiresStarResource: false),
        Entry(action: "ecr:BatchGetImage",
              feature: "image from a private Amazon ECR repository",
              why: "Reads the image manifest (which layers make up the tag or digest).",
              resourceForm: "arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}",
              thiefImpact: "Reads manifests; together with GetDownloadUrlForLayer, pulls every image in the repositories in scope.",
              requiresStarResource: false),
        Entry(action: "ecr:BatchImportUpstreamImage",
              feature: "image from an ECR pull-through cache repository",
              why: "Lets ECR fetch the image from the upstream registry into the cache repository on a cache miss.",
              resourceForm: "arn:${Partition}:ecr:${Region}:${Account}:repository/${CachePrefix}/*",
              thiefImpact: "Imports any upstream image the cache rule allows into your registry (storage cost; untrusted images appear in your namespace).",
              requiresStarResource: false),
        Entry(action: "ecr:CreateRepository",
              feature: "ECR pull-through cache when the cache repository may not exist yet",
              why: "The first pull through a cache rule creates the cache repository.",
              resourceForm: "arn:${Partition}:ecr:${Region}:${Account}:repository/${CachePrefix}/*",
              thiefImpact: "Creates repositories (anywhere if scoped to *): cost, name squatting, a place to stage images.",
              requiresStarResource: false),
        Entry(action: "logs:CreateLogStream",
              feature: "awslogs log driver",
              why: "The driver creates one log stream per container in the configured log group.",
              resourceForm: "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:*  (or log-group:${LogGroupName}:*; log-group:NAME alone does not match)",
              thiefImpact: "Creates log streams in the groups in scope (clutter, cost).",
              requiresStarResource: false),
        Entry(action: "logs:PutLogEvents",
              feature: "awslogs log driver",
              why: "Ships the containers' stdout/stderr to the log stream.",
              resourceForm: "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:*  (or log-group:${LogGroupName}:*; log-group:NAME alone does not match)",
              thiefImpact: "Writes forged log events into the groups in scope: misleads responders and alarms built on metric filters, adds cost.",
              requiresStarResource: false),
        Entry(action: "logs:CreateLogGroup",
              feature: "awslogs driver with awslogs-create-group \"true\"",
              why: "Creates the log group when the task starts if it does not exist.",
              resourceForm: "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:*  (the request names log-group:NAME:log-stream:, so log-group:NAME alone does not match)",
              thiefImpact: "Creates log groups (new groups keep data forever by default: storage cost, clutter).",
              requiresStarResource: false),
        Entry(action: "secretsmanager:GetSecretValue",
              feature: "secrets[].valueFrom with a Secrets Manager ARN; repositoryCredentials.credentialsParameter (private non-ECR registry); FireLens secretOptions; SSM /aws/reference/secretsmanager/ paths",
              why: "Reads the secret so the agent can inject it as an environment variable or log in to the registry.",
              resourceForm: "arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretName}-??????  (full ARN ends in - and 6 random characters; drop any :json-key:version-stage:version-id tail; NAME* over-grants)",
              thiefImpact: "Reads the plaintext of every secret in scope (database passwords, API keys): the most valuable permission on this role.",
              requiresStarResource: false),
        Entry(action: "ssm:GetParameters",
              feature: "secrets[].valueFrom with an SSM parameter name or ARN; FireLens secretOptions",
              why: "Reads the parameters (the agent uses GetParameters, never GetParameter) to inject them.",
              resourceForm: "arn:${Partition}:ssm:${Region}:${Account}:parameter/${NameWithoutLeadingSlash}  (/app/db → parameter/app/db; same account only)",
              thiefImpact: "Reads every parameter in scope; SecureString values come back decrypted when kms:Decrypt also allows their key.",
              requiresStarResource: false),
        Entry(action: "kms:Decrypt",
              feature: "secret or SecureString parameter encrypted with a customer-managed KMS key",
              why: "Secrets Manager / SSM decrypt the value on the role's behalf, which needs the role's kms:Decrypt on the key.",
              resourceForm: "arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}  (an alias ARN never matches the key; optionally kms:ViaService = secretsmanager.REGION.amazonaws.com / ssm.REGION.amazonaws.com; the key policy must allow the role too)",
              thiefImpact: "Decrypts any ciphertext under the keys in scope that the thief can obtain — unless kms:ViaService limits it to calls made through Secrets Manager / SSM.",
              requiresStarResource: false),
        Entry(action: "s3:GetObject",
              feature: "environmentFiles stored in S3; FireLens config-file-type s3",
              why: "Downloads the environment file or FireLens configuration file.",
              resourceForm: "arn:${Partition}:s3:::${BucketName}/${ObjectKey}",
              thiefImpact: "Reads the objects in scope; environment files often hold plaintext secrets, and a bucket-wide wildcard exposes everything in it.",
              requiresStarResource: false),
        Entry(action: "s3:GetBucketLocation",
              feature: "environmentFiles stored in S3; FireLens config-file-type s3",
              why: "Finds the bucket's Region before downloading from it.",
              resourceForm: "arn:${Partition}:s3:::${BucketName}",
              thiefImpact: "Learns the bucket's Region (harmless).",
              requiresStarResource: false),
    ]

    /// The entry for `action` (case-insensitive `service:Action`), if the execution role may use it.
    public static func entry(for action: String) -> Entry? {
        byName[action.lowercased()]
    }

    /// The actions of AWS's managed `AmazonECSTaskExecutionRolePolicy` (all on `*`): the four ECR pull
    /// actions plus CreateLogStream and PutLogEvents — not `ecr:*`, and no secrets, SSM, KMS or CreateLogGroup.
    public static let managedPolicyActions: [String] = [
        "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
        "ecr:BatchGetImage", "logs:CreateLogStream", "logs:PutLogEvents",
    ]

    private static let byName: [String: Entry] = Dictionary(uniqueKeysWithValues: all.map { ($0.action.lowercased(), $0) })
}
