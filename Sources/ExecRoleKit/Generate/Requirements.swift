import IAMKit

/// Computes the exact calls the ECS agent / Fargate makes with the execution role for a spec.
public enum Requirements {
    /// The pull actions the agent uses on a repository (GetAuthorizationToken is separate: it has no resource).
    public static let ecrPullActions = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
    /// The repository the GuardDuty runtime-monitoring sidecar is pulled from (an AWS-owned account per region).
    public static let guardDutyRepository = "aws-guardduty-agent-fargate"

    /// Every call, in a stable order (the order statements and resources appear in the policy).
    public static func compute(_ spec: RoleSpec) -> [Requirement] {
        var out: [Requirement] = []
        let p = spec.partition
        let needsECR = !spec.repositories.isEmpty || spec.guardDutyAgent
        if needsECR {
            let origin = spec.repositories.first?.origin
            out.append(Requirement(action: "ecr:GetAuthorizationToken", resource: "*", purpose: .ecrAuth,
                                   cause: "pulling a private ECR image (the token call has no resource-level permissions)", origin: origin))
        }
        for r in spec.repositories {
            for a in ecrPullActions {
                out.append(Requirement(action: a, resource: r.arn, purpose: .ecrPull, cause: "pulling image from \(r.arn)", origin: r.origin))
            }
            if r.pullThroughCache {
                out.append(Requirement(action: "ecr:BatchImportUpstreamImage", resource: r.arn, purpose: .pullThroughCache,
                                       cause: "pull-through cache repository: ECR imports the image from upstream on first pull", origin: r.origin))
                if r.createOnPull {
                    out.append(Requirement(action: "ecr:CreateRepository", resource: r.arn, purpose: .pullThroughCache,
                                           cause: "pull-through cache repository that does not exist yet", origin: r.origin))
                }
            }
        }
        if spec.guardDutyAgent {
            let arn = "arn:\(p):ecr:\(spec.region ?? "*"):*:repository/\(guardDutyRepository)"
            for a in ecrPullActions {
                out.append(Requirement(action: a, resource: arn, purpose: .ecrPull, cause: "GuardDuty runtime monitoring sidecar (AWS-owned repository)"))
            }
        }
        for g in spec.logGroups {
            let arn = logStreamsARN(spec: spec, group: g)
            out.append(Requirement(action: "logs:CreateLogStream", resource: arn, purpose: .logs, cause: "awslogs driver: one stream per container", origin: g.origin))
            out.append(Requirement(action: "logs:PutLogEvents", resource: arn, purpose: .logs, cause: "awslogs driver: shipping log lines", origin: g.origin))
            if g.createGroup {
                out.append(Requirement(action: "logs:CreateLogGroup", resource: arn, purpose: .createLogGroup,
                                       cause: "awslogs-create-group: \"true\" (the request names …:log-group:NAME:log-stream:)", origin: g.origin))
            }
        }
        var seenSecret = Set<String>()
        for s in spec.secrets {
            for res in secretResources(s.arn) where seenSecret.insert(res).inserted {
                out.append(Requirement(action: "secretsmanager:GetSecretValue", resource: res, purpose: .secretsManager,
                                       cause: secretCause(s), origin: s.origin))
            }
        }
        var seenParam = Set<String>()
        for prm in spec.parameters where seenParam.insert(prm.arn).inserted {
            out.append(Requirement(action: "ssm:GetParameters", resource: prm.arn, purpose: .ssm,
                                   cause: "\(prm.use == "secretOptions" ? "log-driver secret option" : "secret") from SSM Parameter Store", origin: prm.origin))
        }
        for k in effectiveKeys(spec) {
            let region = ARN(k.arn)?.region ?? spec.region ?? ""
            let suffix = Partition(rawValue: p)?.dnsSuffix ?? "amazonaws.com"
            let vias = k.via.isEmpty ? [nil] : k.via.map { Optional($0) }
            for v in vias {
                out.append(Requirement(action: "kms:Decrypt", resource: k.arn, purpose: .kms,
                                       cause: "secret or parameter encrypted with this customer managed key",
                                       context: v.map { ["kms:ViaService": "\($0).\(region).\(suffix)"] } ?? [:]))
            }
        }
        var seenBucket = Set<String>()
        for o in spec.s3Objects {
            out.append(Requirement(action: "s3:GetObject", resource: o.arn, purpose: .s3Object,
                                   cause: o.use == "firelensConfig" ? "FireLens configuration file in S3" : "environment file in S3", origin: o.origin))
            if let a = ARN(o.arn), let slash = a.resource.firstIndex(of: "/") {
                let bucket = "arn:\(a.partition):s3:::\(a.resource[..<slash])"
                if seenBucket.insert(bucket).inserted {
                    out.append(Requirement(action: "s3:GetBucketLocation", resource: bucket, purpose: .s3Bucket,
                                           cause: "the agent locates the bucket's region before downloading", origin: o.origin))
                }
            }
        }
        return out
    }

    /// `arn:P:logs:REGION:ACCT:log-group:NAME:*` — the PutLogEvents/CreateLogStream resource is a stream.
    public static func logStreamsARN(spec: RoleSpec, group g: RoleSpec.LogGroup) -> String {
        "arn:\(spec.partition):logs:\(g.region ?? spec.region ?? "*"):\(spec.account ?? "*"):log-group:\(g.name):*"
    }

    /// Whether a secret ARN ends in the 6-character random suffix Secrets Manager appends.
    /// `nil` when it is ambiguous (`-config` could be a suffix or part of the name).
    public static func hasRandomSuffix(_ secretArn: String) -> Bool? {
        guard let arn = ARN(secretArn) else { return false }
        let name = arn.resource.split(separator: ":", omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? ""
        let chars = Array(name)
        guard chars.count > 7, chars[chars.count - 7] == "-" else { return false }
        let tail = chars.suffix(6)
        guard tail.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
        // Random suffixes mix cases and digits; an all-lowercase word is as likely a name part.
        if tail.allSatisfy({ $0.isLowercase }) { return nil }
        return true
    }

    /// Resource patterns that match a secret: the ARN itself when complete, `NAME-??????` for a
    /// partial ARN (never `NAME*`, which would also match `NAME-prod-…`), both when ambiguous.
    public static func secretResources(_ arn: String) -> [String] {
        switch hasRandomSuffix(arn) {
        case .some(true): return [arn]
        case .some(false): return [arn + "-??????"]
        case .none: return [arn, arn + "-??????"]
        }
    }

    static func secretCause(_ s: RoleSpec.Secret) -> String {
        switch s.use {
        case "repositoryCredentials": return "private registry credentials (repositoryCredentials)"
        case "secretOptions": return "log-driver secret option from Secrets Manager"
        case "ssmReference": return "SSM /aws/reference/secretsmanager/ reference reads the secret too"
        default: return "secret injected from Secrets Manager"
        }
    }

    /// Keys named in the spec plus keys recorded on secrets/parameters, each with the services it
    /// decrypts through.
    public static func effectiveKeys(_ spec: RoleSpec) -> [RoleSpec.KMSKey] {
        var keys = spec.kmsKeys
        func add(_ arn: String, _ via: String) {
            if let i = keys.firstIndex(where: { $0.arn == arn }) {
                if !keys[i].via.contains(via) { keys[i].via.append(via) }
            } else { keys.append(.init(arn: arn, via: [via])) }
        }
        for s in spec.secrets { if let k = s.kmsKey { add(k, "secretsmanager") } }
        for p in spec.parameters { if let k = p.kmsKey { add(k, "ssm") } }
        return keys
    }
}
