import Foundation

/// What an AWS account holds that an execution role may need to reach: the wizard's choices.
///
/// It is metadata only (names, ARNs, key ids, encryption settings), never a secret or parameter value.
/// The same JSON format is read by `--inventory FILE`, written by `ecsrole inventory`, filled live by
/// AWSKit and produced by the built-in demo account. Unknown fields are ignored on read.
public struct Inventory: Codable, Equatable, Sendable {
    /// Format version; bump only on an incompatible change.
    public var version: Int
    /// Where it came from: `live`, `file` or `demo`.
    public var source: String
    /// ISO-8601 time it was read (shown as the inventory's age in the UI).
    public var generatedAt: String?
    public var partition: String
    public var account: String
    public var region: String
    public var repositories: [Repository]
    public var logGroups: [LogGroup]
    public var secrets: [Secret]
    public var parameters: [Parameter]
    public var keys: [Key]
    public var roles: [Role]
    public var taskDefinitionFamilies: [String]
    /// Services that could not be listed (AccessDenied, endpoint down): the rest stays usable.
    public var errors: [ServiceError]

    public init(version: Int = 1, source: String, generatedAt: String? = nil, partition: String = "aws",
                account: String, region: String, repositories: [Repository] = [], logGroups: [LogGroup] = [],
                secrets: [Secret] = [], parameters: [Parameter] = [], keys: [Key] = [], roles: [Role] = [],
                taskDefinitionFamilies: [String] = [], errors: [ServiceError] = []) {
        self.version = version; self.source = source; self.generatedAt = generatedAt
        self.partition = partition; self.account = account; self.region = region
        self.repositories = repositories; self.logGroups = logGroups; self.secrets = secrets
        self.parameters = parameters; self.keys = keys; self.roles = roles
        self.taskDefinitionFamilies = taskDefinitionFamilies; self.errors = errors
    }

    /// An ECR repository.
    public struct Repository: Codable, Equatable, Sendable {
        public var name: String
        public var arn: String
        public var uri: String
        /// `AES256` or `KMS`.
        public var encryptionType: String?
        /// Key ARN when `encryptionType` is `KMS`.
        public var kmsKey: String?
        public init(name: String, arn: String, uri: String, encryptionType: String? = nil, kmsKey: String? = nil) {
            self.name = name; self.arn = arn; self.uri = uri; self.encryptionType = encryptionType; self.kmsKey = kmsKey
        }
    }

    /// A CloudWatch Logs log group.
    public struct LogGroup: Codable, Equatable, Sendable {
        public var name: String
        public var arn: String
        public var kmsKeyId: String?
        public init(name: String, arn: String, kmsKeyId: String? = nil) {
            self.name = name; self.arn = arn; self.kmsKeyId = kmsKeyId
        }
    }

    /// A Secrets Manager secret (full ARN, with its 6-character suffix).
    public struct Secret: Codable, Equatable, Sendable {
        public var name: String
        public var arn: String
        /// Key id, key ARN or alias as ListSecrets reports it; nil means `aws/secretsmanager`.
        public var kmsKeyId: String?
        public var description: String?
        public init(name: String, arn: String, kmsKeyId: String? = nil, description: String? = nil) {
            self.name = name; self.arn = arn; self.kmsKeyId = kmsKeyId; self.description = description
        }
    }

    /// An SSM parameter (name as AWS stores it: with a leading slash when it is a path).
    public struct Parameter: Codable, Equatable, Sendable {
        public var name: String
        public var arn: String
        /// `String`, `StringList` or `SecureString`.
        public var type: String
        /// Key for a SecureString; nil or `alias/aws/ssm` means the AWS managed key.
        public var keyId: String?
        public init(name: String, arn: String, type: String, keyId: String? = nil) {
            self.name = name; self.arn = arn; self.type = type; self.keyId = keyId
        }
    }

    /// A KMS key with its aliases.
    public struct Key: Codable, Equatable, Sendable {
        public var keyId: String
        public var arn: String
        public var aliases: [String]
        /// `CUSTOMER` or `AWS`.
        public var manager: String
        public var description: String?
        public init(keyId: String, arn: String, aliases: [String] = [], manager: String = "CUSTOMER", description: String? = nil) {
            self.keyId = keyId; self.arn = arn; self.aliases = aliases; self.manager = manager; self.description = description
        }
    }

    /// An IAM role (for review of existing roles).
    public struct Role: Codable, Equatable, Sendable {
        public var name: String
        public var arn: String
        public init(name: String, arn: String) { self.name = name; self.arn = arn }
    }

    /// A service that could not be read, and why.
    public struct ServiceError: Codable, Equatable, Sendable {
        public var service: String
        public var message: String
        public init(service: String, message: String) { self.service = service; self.message = message }
    }
}
