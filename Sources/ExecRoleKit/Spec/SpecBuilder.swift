import IAMKit

/// Turns a task definition into a `RoleSpec`: the choices a user would make in the wizard for it.
public struct SpecBuilder {
    /// Values the task definition may not carry.
    public struct Context: Sendable {
        public var name: String?
        public var account: String?
        public var region: String?
        public var partition: String?
        /// Key ARNs the user says encrypt the task's secrets or parameters.
        public var kmsKeys: [String]
        /// First path segments of repositories that are pull-through caches (besides the usual ones).
        public var pullThroughPrefixes: [String]
        public var guardDutyAgent: Bool
        public init(name: String? = nil, account: String? = nil, region: String? = nil, partition: String? = nil,
                    kmsKeys: [String] = [], pullThroughPrefixes: [String] = [], guardDutyAgent: Bool = false) {
            self.name = name; self.account = account; self.region = region; self.partition = partition
            self.kmsKeys = kmsKeys; self.pullThroughPrefixes = pullThroughPrefixes; self.guardDutyAgent = guardDutyAgent
        }
    }

    /// Namespaces the ECR console proposes for pull-through cache rules.
    public static let defaultPullThroughPrefixes = ["ecr-public", "docker-hub", "quay", "k8s", "registry-k8s-io",
                                                     "github", "ghcr", "gitlab", "azure", "mcr", "chainguard"]

    public var context: Context
    public init(context: Context) { self.context = context }

    /// Builds the spec; throws when a value is a placeholder or a needed value is unknown.
    public func build(_ td: TaskDefinition) throws(ExecRoleError) -> (RoleSpec, [ImportNote]) {
        var notes: [ImportNote] = td.notes.filter { $0.kind == .warning }
        if let p = td.notes.first(where: { $0.kind == .placeholder }) {
            let more = td.notes.filter { $0.kind == .placeholder }.count - 1
            throw ExecRoleError("\(p.message); replace template values before generating (ecsrole never guesses an ARN)" +
                                (more > 0 ? " — and \(more) more placeholder\(more == 1 ? "" : "s")" : ""), at: p.position)
        }
        let tdArn = td.taskDefinitionArn.flatMap(ARN.init)
        let roleArn = td.executionRoleArn.flatMap { ARN($0.value) }
        let account = context.account ?? tdArn?.account ?? roleArn?.account
        let region = context.region ?? tdArn?.region
        let partition = context.partition ?? tdArn?.partition ?? roleArn?.partition ?? region.map { Partition.forRegion($0).rawValue } ?? "aws"
        let name = context.name ?? roleArn.map { $0.resourceName } ?? td.family.map { "\($0)-execution-role" } ?? "ecs-task-execution-role"
        var spec = RoleSpec(name: name, partition: partition, account: account, region: region)
        spec.launchType = td.requiresCompatibilities.first
        spec.taskRoleArn = td.taskRoleArn?.value
        spec.guardDutyAgent = context.guardDutyAgent
        let ptPrefixes = Set(Self.defaultPullThroughPrefixes + context.pullThroughPrefixes)
        var resolver = ARNResolver(partition: partition, account: account, region: region)

        for c in td.containers {
            if let img = c.image {
                let ref = ImageReference(img.value)
                if case .ecr(let acct, let reg, let repo) = ref.registry {
                    let arn = "arn:\(Partition.forRegion(reg).rawValue):ecr:\(reg):\(acct):repository/\(repo)"
                    let pt = repo.split(separator: "/").first.map { ptPrefixes.contains(String($0)) } ?? false
                    let origin = RoleSpec.Origin(container: c.name, field: "image", pointer: img.pointer)
                    if !spec.repositories.contains(where: { $0.arn == arn }) {
                        spec.repositories.append(.init(arn: arn, pullThroughCache: pt, origin: origin))
                    }
                    if let a = account, acct != a {
                        notes.append(ImportNote(.warning, "image \(img.value) is in account \(acct): that repository's policy must also allow this role", pointer: img.pointer))
                    }
                }
            }
            if let cp = c.credentialsParameter {
                let s = try resolver.secret(cp.value, env: nil, use: "repositoryCredentials",
                                            origin: .init(container: c.name, field: "repositoryCredentials.credentialsParameter", pointer: cp.pointer), notes: &notes)
                spec.secrets.append(s)
            }
            if let lc = c.logConfiguration {
                if lc.driver == "awslogs" {
                    if let g = lc.options["awslogs-group"] {
                        let create = lc.options["awslogs-create-group"]?.value.lowercased() == "true"
                        let reg = lc.options["awslogs-region"]?.value
                        let origin = RoleSpec.Origin(container: c.name, field: "logConfiguration.options.awslogs-group", pointer: g.pointer)
                        if let i = spec.logGroups.firstIndex(where: { $0.name == g.value && ($0.region ?? region) == (reg ?? region) }) {
                            spec.logGroups[i].createGroup = spec.logGroups[i].createGroup || create
                        } else {
                            spec.logGroups.append(.init(name: g.value, region: reg == region ? nil : reg, createGroup: create,
                                                        streamPrefix: lc.options["awslogs-stream-prefix"]?.value, origin: origin))
                        }
                    } else {
                        notes.append(ImportNote(.warning, "container \"\(c.name)\" uses awslogs without awslogs-group: ECS rejects it", pointer: lc.pointer))
                    }
                }
                for (i, so) in lc.secretOptions.enumerated() {
                    let origin = RoleSpec.Origin(container: c.name, field: "logConfiguration.secretOptions[\(i)] (\(so.name))", pointer: so.valueFrom.pointer)
                    try resolver.add(so.valueFrom.value, env: so.name, use: "secretOptions", origin: origin, to: &spec, notes: &notes)
                }
            }
            for (i, s) in c.secrets.enumerated() {
                let origin = RoleSpec.Origin(container: c.name, field: "secrets[\(i)] (\(s.name))", pointer: s.valueFrom.pointer)
                try resolver.add(s.valueFrom.value, env: s.name, use: "secrets", origin: origin, to: &spec, notes: &notes)
            }
            for (i, f) in c.environmentFiles.enumerated() {
                spec.s3Objects.append(.init(arn: f.value, use: "environmentFile", origin: .init(container: c.name, field: "environmentFiles[\(i)]", pointer: f.pointer)))
            }
            if c.firelensType != nil, c.firelensOptions["config-file-type"]?.value == "s3", let v = c.firelensOptions["config-file-value"] {
                spec.s3Objects.append(.init(arn: v.value, use: "firelensConfig", origin: .init(container: c.name, field: "firelensConfiguration.options.config-file-value", pointer: v.pointer)))
            }
        }
        for s in spec.s3Objects {
            guard let a = ARN(s.arn), a.service == "s3", a.resource.contains("/") else {
                throw ExecRoleError("\(s.origin?.text ?? "S3 object"): \"\(s.arn)\" is not an S3 object ARN (arn:aws:s3:::bucket/key)", at: nil)
            }
        }
        for k in context.kmsKeys {
            guard let a = ARN(k), a.service == "kms" else { throw ExecRoleError("--kms-key \"\(k)\" is not a KMS key ARN", flag: "--kms-key") }
            if a.resource.hasPrefix("alias/") {
                throw ExecRoleError("--kms-key \"\(k)\" is an alias ARN; a policy Resource naming an alias matches only the alias, never the key. Pass the key ARN (arn:…:key/ID)", flag: "--kms-key")
            }
            var via: [String] = []
            if !spec.secrets.isEmpty { via.append("secretsmanager") }
            if !spec.parameters.isEmpty { via.append("ssm") }
            spec.kmsKeys.append(.init(arn: k, via: via))
        }
        if !spec.logGroups.isEmpty || !spec.parameters.isEmpty {
            if spec.account == nil { throw ExecRoleError("the account id is needed for log-group and parameter ARNs and the task definition does not say it: pass --account", flag: "--account") }
        }
        if spec.logGroups.contains(where: { $0.region == nil }) && spec.region == nil {
            throw ExecRoleError("the region is needed for log groups without awslogs-region: pass --region", flag: "--region")
        }
        for i in notes.indices where notes[i].position == nil { notes[i].position = td.position(of: notes[i].pointer) }
        return (spec, notes)
    }
}
