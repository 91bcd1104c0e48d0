import IAMKit

/// The parts of an ECS task definition that decide what the execution role needs (and what the
/// hardening rules look at), each value with the JSON Pointer it came from.
public struct TaskDefinition: Sendable {
    public var family: String?
    public var executionRoleArn: Located<String>?
    public var taskRoleArn: Located<String>?
    public var taskDefinitionArn: String?
    public var requiresCompatibilities: [String]
    public var containers: [Container]
    /// Problems and placeholders met while reading, in file order.
    public var notes: [ImportNote]
    /// Pointer prefix of the task definition inside the file (`/taskDefinition` for describe output).
    public var basePointer: String
    /// The parsed file, for turning pointers into line:column.
    public var document: JSONDocument?

    /// Line and column of a pointer in the file.
    public func position(of pointer: String) -> SourcePosition? { document?.position(of: pointer) }

    public init(family: String? = nil, executionRoleArn: Located<String>? = nil, taskRoleArn: Located<String>? = nil,
                taskDefinitionArn: String? = nil, requiresCompatibilities: [String] = [], containers: [Container] = [],
                notes: [ImportNote] = [], basePointer: String = "") {
        self.family = family; self.executionRoleArn = executionRoleArn; self.taskRoleArn = taskRoleArn
        self.taskDefinitionArn = taskDefinitionArn; self.requiresCompatibilities = requiresCompatibilities
        self.containers = containers; self.notes = notes; self.basePointer = basePointer
    }

    /// A `{name, valueFrom}` secret reference.
    public struct SecretRef: Sendable {
        public var name: String
        public var valueFrom: Located<String>
        public var pointer: String
        public init(name: String, valueFrom: Located<String>, pointer: String) { self.name = name; self.valueFrom = valueFrom; self.pointer = pointer }
    }

    /// A `logConfiguration`.
    public struct LogConfiguration: Sendable {
        public var driver: String
        public var options: [String: Located<String>]
        public var secretOptions: [SecretRef]
        public var pointer: String
        public init(driver: String, options: [String: Located<String>] = [:], secretOptions: [SecretRef] = [], pointer: String) {
            self.driver = driver; self.options = options; self.secretOptions = secretOptions; self.pointer = pointer
        }
    }

    /// One container definition.
    public struct Container: Sendable {
        public var name: String
        public var pointer: String
        public var image: Located<String>?
        /// `repositoryCredentials.credentialsParameter` (a Secrets Manager ARN).
        public var credentialsParameter: Located<String>?
        public var logConfiguration: LogConfiguration?
        public var secrets: [SecretRef]
        public var environment: [(name: String, value: String, pointer: String)]
        /// `environmentFiles` entries (`type: s3`).
        public var environmentFiles: [Located<String>]
        /// `firelensConfiguration.type` and its options.
        public var firelensType: String?
        public var firelensOptions: [String: Located<String>]
        public var user: Located<String>?
        public var privileged: Located<Bool>?
        public var readonlyRootFilesystem: Located<Bool>?
        public var capabilitiesAdd: [Located<String>]
        public var capabilitiesDrop: [Located<String>]
        public var linuxParametersPointer: String?
        public var essential: Bool

        public init(name: String, pointer: String) {
            self.name = name; self.pointer = pointer; secrets = []; environment = []; environmentFiles = []
            firelensOptions = [:]; capabilitiesAdd = []; capabilitiesDrop = []; essential = true
        }
    }
}

/// Something the importer wants the user to know about a task definition.
public struct ImportNote: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// A template value (`${var}`, `<IMAGE>`, `aws_account_id`) stands where a real value must be.
        case placeholder
        /// Readable, but not what ECS accepts or what the author meant (`logConfiguration` as an array…).
        case warning
    }
    public var kind: Kind
    public var message: String
    public var pointer: String
    public var position: SourcePosition?
    public init(_ kind: Kind, _ message: String, pointer: String, position: SourcePosition? = nil) {
        self.kind = kind; self.message = message; self.pointer = pointer; self.position = position
    }
    public var description: String {
        (position.map { "\($0.line):\($0.column): " } ?? "") + "\(kind.rawValue): \(message)"
    }
}
