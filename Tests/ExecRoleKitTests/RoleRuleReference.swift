@testable import ExecRoleKit
import IAMKit

/// The role rules' `check` as they were before `RoleIndex` sorted Resources by service and the
/// shortcuts of `anyAllows` and byte-compared keys: the references of `RoleRuleShortcutTests`.
/// Copied from the rules at commit ac2e0a8, with their constants forwarded.
enum RoleRuleReference {
    enum SSMARNForm {
        static var description: RuleDescription { SSMARNFormRule.description }
        static func check(_ role: RoleUnderReview) -> [RoleFinding] {
            var out: [RoleFinding] = []
            for st in RoleSupport.statements(role) {
                for r in st.resources {
                    guard let arn = RoleSupport.arn(r.value, service: "ssm") else { continue }
                    var fixed = arn
                    if arn.resource.hasPrefix("parameter//") {
                        var rest = Substring(arn.resource.dropFirst("parameter/".count))
                        while rest.hasPrefix("/") { rest = rest.dropFirst() }
                        fixed.resource = "parameter/" + rest
                        out.append(RoleSupport.hit(description, st,
                            "\"\(r.value)\" has a double slash: the parameter ARN drops the name's leading slash, so this never matches and ssm:GetParameters is denied",
                            fix: "Use \"\(fixed)\".", at: r.pointer))
                    } else if arn.resource.hasPrefix("parameter:") {
                        var rest = Substring(arn.resource.dropFirst("parameter:".count))
                        while rest.hasPrefix("/") { rest = rest.dropFirst() }
                        fixed.resource = "parameter/" + rest
                        out.append(RoleSupport.hit(description, st,
                            "\"\(r.value)\" uses \"parameter:\"; parameter ARNs are \"parameter/NAME\", so this never matches and ssm:GetParameters is denied",
                            fix: "Use \"\(fixed)\".", at: r.pointer))
                    }
                }
            }
            return out
        }
    }

    enum SecretRefTail {
        static var description: RuleDescription { SecretRefTailRule.description }
        static func check(_ role: RoleUnderReview) -> [RoleFinding] {
            var out: [RoleFinding] = []
            for st in RoleSupport.statements(role) {
                for r in st.resources {
                    guard let arn = RoleSupport.arn(r.value, service: "secretsmanager"), let parts = RoleSupport.secretParts(arn), parts.count > 1 else { continue }
                    var base = arn
                    base.resource = "secret:" + parts[0]
                    let tail = parts.dropFirst().joined(separator: ":")
                    let key = parts.count > 1 && !parts[1].isEmpty && parts[1] != "*" ? " (json-key \"\(parts[1])\")" : ""
                    out.append(RoleSupport.hit(description, st,
                        "\"\(r.value)\" carries the valueFrom tail \":\(tail)\"\(key); the agent requests the secret ARN without it, so this never matches and the secret cannot be read",
                        fix: "Use \"\(base)\" (the tail belongs only in the task definition's valueFrom).", at: r.pointer))
                }
            }
            return out
        }
    }

    enum SecretSuffix {
        static var description: RuleDescription { SecretSuffixRule.description }
        static func examine(name: String, arn: ARN, value: String) -> (message: String, fix: String, severity: Severity)? { SecretSuffixRule.examine(name: name, arn: arn, value: value) }
        static func check(_ role: RoleUnderReview) -> [RoleFinding] {
            var out: [RoleFinding] = []
            for st in RoleSupport.statements(role) {
                for r in st.resources {
                    guard let arn = RoleSupport.arn(r.value, service: "secretsmanager"), let parts = RoleSupport.secretParts(arn), let name = parts.first, !name.isEmpty else { continue }
                    if let f = examine(name: name, arn: arn, value: r.value) {
                        out.append(RoleSupport.hit(description, st, f.message, fix: f.fix, at: r.pointer, severity: f.severity))
                    }
                }
            }
            return out
        }
    }

    enum LogStreamARN {
        static var description: RuleDescription { LogStreamARNRule.description }
        static var actions: [String] { LogStreamARNRule.actions }
        static func check(_ role: RoleUnderReview) -> [RoleFinding] {
            var out: [RoleFinding] = []
            for st in RoleSupport.statements(role) where st.isAllow {
                // Most statements name no log group: look at the resources before matching the actions.
                var namedCache: [String]?
                for res in st.resources {
                    guard let arn = RoleSupport.arn(res.value, service: "logs"), arn.resourceType == "log-group" else { continue }
                    let named = namedCache ?? actions.filter { !st.items(naming: $0).isEmpty }
                    namedCache = named
                    guard !named.isEmpty else { break }
                    let probe = res.value + ":log-stream:ecs/app/0123456789abcdef"
                    // Only a group ARN whose streams it cannot reach; wildcards such as `log-group:/ecs/*` do reach them.
                    guard !Glob.matches(res.value, probe) else { continue }
                    guard !arn.resource.contains(":log-stream") else { continue }
                    // Covered elsewhere (the same group with `:*` in any Allow)? Then this entry is merely redundant.
                    let covered = named.allSatisfy { a in
                        RoleSupport.allows(role, action: a).contains { RoleSupport.resourceMatches($0.statement.resource, probe) }
                    }
                    guard !covered else { continue }
                    out.append(RoleSupport.hit(description, st,
                        "\(RoleSupport.quote(named)) act on log streams (…:log-group:\(arn.resourceName):log-stream:NAME), which \"\(res.value)\" never matches: the awslogs driver is denied and the task fails with ResourceInitializationError",
                        fix: "Use \"\(res.value):*\" as the Resource.", at: res.pointer))
                }
            }
            return out
        }
    }

    enum KMSAliasResource {
        static var description: RuleDescription { KMSAliasResourceRule.description }
        static func check(_ role: RoleUnderReview) -> [RoleFinding] {
            var out: [RoleFinding] = []
            for st in RoleSupport.covering(role, action: "kms:Decrypt") {
                for r in st.resources {
                    guard let arn = RoleSupport.arn(r.value, service: "kms") else { continue }
                    if arn.resourceType == "alias" {
                        out.append(RoleSupport.hit(description, st,
                            "kms:Decrypt on the alias ARN \"\(r.value)\" matches only the alias, never the key behind it: decrypting the secret is denied",
                            fix: "Replace it with the key ARN (arn:\(arn.partition):kms:\(arn.region):\(arn.account):key/KEY-ID; `aws kms describe-key --key-id \(arn.resource)` prints it), or keep Resource on keys and add the condition \"ForAnyValue:StringEquals\": {\"kms:ResourceAliases\": \"\(arn.resource)\"}.",
                            at: r.pointer))
                    } else if arn.resourceType == "key" {
                        let id = arn.resourceName
                        if id.hasPrefix("arn:") || id.contains(":") {
                            let inner = id.hasPrefix("arn:") ? ARN(id) : nil
                            let fixed = inner.map { $0.description } ?? "arn:\(arn.partition):kms:\(arn.region):\(arn.account):key/KEY-ID"
                            out.append(RoleSupport.hit(description, st,
                                "\"\(r.value)\" is a malformed key ARN: a whole ARN (or a \":\") follows \"key/\", so it matches no key and kms:Decrypt is denied",
                                fix: "Use \"\(fixed)\".", at: r.pointer))
                        } else if id.hasPrefix("alias/") {
                            out.append(RoleSupport.hit(description, st,
                                "\"\(r.value)\" puts an alias after \"key/\": keys are named by id, so this matches no key and kms:Decrypt is denied",
                                fix: "Use the key ARN with the key id (aws kms describe-key --key-id \(id)).", at: r.pointer))
                        }
                    }
                }
            }
            return out
        }
    }

    enum CreateGroupMissing {
        static var description: RuleDescription { CreateGroupMissingRule.description }
        static func check(_ role: RoleUnderReview) -> [RoleFinding] {
            var out: [RoleFinding] = []
            let grants = RoleSupport.allows(role, action: "logs:CreateLogGroup")
            if let td = role.taskDefinition {
                for c in td.containers {
                    guard let lc = c.logConfiguration, lc.driver == "awslogs",
                          let create = lc.options["awslogs-create-group"], create.value.lowercased() == "true",
                          let group = lc.options["awslogs-group"] else { continue }
                    // Unknown or template values become wildcards: the check stays optimistic.
                    var region = lc.options["awslogs-region"]?.value ?? role.taskContext.region ?? "*"
                    if !Partition.isRegionName(region) { region = "*" }
                    var account = role.taskContext.account ?? td.executionRoleArn.flatMap { ARN($0.value)?.account } ?? "*"
                    if !AccountID.isValid(account) { account = "*" }
                    let partition = Partition.forRegion(region).rawValue
                    let request = "arn:\(partition):logs:\(region):\(account):log-group:\(group.value):log-stream:"
                    let outcome = AccessCheck.evaluate(.init(action: "logs:CreateLogGroup", resource: request), role: role)
                    guard case .implicitDeny(let misses) = outcome else { continue }
                    let why = misses.first.map { " (\($0.1))" } ?? ""
                    out.append(RoleFinding(description.finding(
                        "container \"\(c.name)\" sets awslogs-create-group \"true\" for \"\(group.value)\", but the role does not allow logs:CreateLogGroup on \(request)\(why): the task fails with ResourceInitializationError",
                        fix: "Allow logs:CreateLogGroup on \"arn:\(partition):logs:\(region):\(account):log-group:\(group.value):*\", or create the group in advance and remove awslogs-create-group.",
                        at: create.pointer), in: .taskDefinition))
                }
            }
            for st in grants where !st.items(naming: "logs:CreateLogGroup").isEmpty {
                let groupOnly = st.resources.filter { r in
                    guard let arn = RoleSupport.arn(r.value, service: "logs"), arn.resourceType == "log-group" else { return false }
                    return !Glob.matches(r.value, r.value + ":log-stream:")
                }
                guard !groupOnly.isEmpty, !st.resources.contains(where: { Glob.matches($0.value, groupOnly[0].value + ":log-stream:") }) else { continue }
                for r in groupOnly {
                    out.append(RoleSupport.hit(description, st,
                        "logs:CreateLogGroup is granted on \"\(r.value)\", but the agent's request names \"\(r.value):log-stream:\", which that ARN never matches: awslogs-create-group fails",
                        fix: "Use \"\(r.value):*\".", at: r.pointer))
                }
            }
            return out
        }
    }

    enum S3LocationMissing {
        static var description: RuleDescription { S3LocationMissingRule.description }
        static func check(_ role: RoleUnderReview) -> [RoleFinding] {
            guard role.isExecutionRole else { return [] }
            var out: [RoleFinding] = []
            var reported = Set<String>()
            func locationDenied(_ bucketArn: String) -> Bool {
                if case .allowed = AccessCheck.evaluate(.init(action: "s3:GetBucketLocation", resource: bucketArn), role: role) { return false }
                return true
            }
            for st in RoleSupport.naming(role, action: "s3:GetObject") where st.isAllow {
                for r in st.resources {
                    guard let arn = RoleSupport.arn(r.value, service: "s3"), let slash = arn.resource.firstIndex(of: "/") else { continue }
                    let bucket = String(arn.resource[..<slash])
                    guard !bucket.isEmpty, !Glob.hasWildcard(bucket) else { continue }
                    let bucketArn = "arn:\(arn.partition):s3:::\(bucket)"
                    guard locationDenied(bucketArn), reported.insert(bucketArn).inserted else { continue }
                    out.append(RoleSupport.hit(description, st,
                        "s3:GetObject on \"\(r.value)\" without s3:GetBucketLocation on \"\(bucketArn)\": environment files and FireLens configs from this bucket fail to download (ResourceInitializationError)",
                        fix: "Add an Allow for s3:GetBucketLocation on \"\(bucketArn)\".", at: r.pointer))
                }
            }
            // Files the task definition names, when the policy itself shows no GetObject for their bucket.
            for c in role.taskDefinition?.containers ?? [] {
                var files = c.environmentFiles
                if c.firelensOptions["config-file-type"]?.value == "s3", let v = c.firelensOptions["config-file-value"] { files.append(v) }
                for f in files {
                    guard let arn = RoleSupport.arn(f.value, service: "s3"), let slash = arn.resource.firstIndex(of: "/") else { continue }
                    let bucketArn = "arn:\(arn.partition):s3:::\(arn.resource[..<slash])"
                    guard locationDenied(bucketArn), reported.insert(bucketArn).inserted else { continue }
                    out.append(RoleFinding(description.finding(
                        "container \"\(c.name)\" downloads \"\(f.value)\", but the role does not allow s3:GetBucketLocation on \"\(bucketArn)\": the task fails with ResourceInitializationError (failed to download env files)",
                        fix: "Allow s3:GetBucketLocation on \"\(bucketArn)\" and s3:GetObject on \"\(f.value)\".", at: f.pointer), in: .taskDefinition))
                }
            }
            return out
        }
    }

    enum SSMSecretReference {
        static var description: RuleDescription { SSMSecretReferenceRule.description }
        static var prefix: String { SSMSecretReferenceRule.prefix }
        static func check(_ role: RoleUnderReview) -> [RoleFinding] {
            var out: [RoleFinding] = []
            for st in RoleSupport.allows(role, action: "ssm:GetParameters") + RoleSupport.allows(role, action: "ssm:GetParameter") {
                for r in st.resources {
                    guard let arn = RoleSupport.arn(r.value, service: "ssm"), arn.resource.hasPrefix(prefix) else { continue }
                    let name = String(arn.resource.dropFirst(prefix.count))
                    guard !name.isEmpty else { continue }
                    let region = arn.region.isEmpty ? "*" : arn.region, account = arn.account.isEmpty ? "*" : arn.account
                    let probe = "arn:\(arn.partition):secretsmanager:\(region):\(account):secret:\(name.hasSuffix("*") ? name : name + "-Ab3dE9")"
                    if case .allowed = AccessCheck.evaluate(.init(action: "secretsmanager:GetSecretValue", resource: probe), role: role) { continue }
                    let secretGrant = "arn:\(arn.partition):secretsmanager:\(region):\(account):secret:\(name.hasSuffix("*") ? name : name + "-??????")"
                    out.append(RoleSupport.hit(description, st,
                        "\"\(r.value)\" reads the Secrets Manager secret \"\(name)\" through Parameter Store, but the role does not allow secretsmanager:GetSecretValue on it: the task fails with ResourceInitializationError",
                        fix: "Add an Allow for secretsmanager:GetSecretValue on \"\(secretGrant)\".", at: r.pointer))
                }
            }
            var seen = Set<String>()
            return out.filter { seen.insert($0.finding.pointer).inserted }
        }
    }

    enum KMSDecryptMissing {
        static var description: RuleDescription { KMSDecryptMissingRule.description }
        static func check(_ role: RoleUnderReview) -> [RoleFinding] {
            guard role.isExecutionRole else { return [] }
            var out: [RoleFinding] = []
            let keys = role.taskContext.kmsKeys
            if !keys.isEmpty {
                let td = role.taskDefinition
                let firstSecret = td?.containers.lazy.flatMap { $0.secrets }.first
                for k in keys {
                    let region = ARN(k)?.region ?? "*"
                    let vias = ["secretsmanager", "ssm"].map { "\($0).\(region).\(Partition(rawValue: ARN(k)?.partition ?? "aws")?.dnsSuffix ?? "amazonaws.com")" }
                    let denied = vias.filter { v in
                        if case .allowed = AccessCheck.evaluate(.init(action: "kms:Decrypt", resource: k, context: ["kms:viaservice": v]), role: role) { return false }
                        return true
                    }
                    guard denied.count == vias.count else { continue }
                    let msg = "the task's secrets are encrypted with \(k), but the role does not allow kms:Decrypt on it: the task fails with ResourceInitializationError (unable to pull secrets)"
                    let fix = "Add {\"Effect\": \"Allow\", \"Action\": \"kms:Decrypt\", \"Resource\": \"\(k)\"} (and make sure the key policy allows the role)."
                    if let s = firstSecret {
                        out.append(RoleFinding(description.finding(msg, fix: fix, at: s.valueFrom.pointer), in: .taskDefinition))
                    } else {
                        out.append(RoleFinding(description.finding(msg, fix: fix, at: ""), in: .role))
                    }
                }
                return out
            }
            guard RoleSupport.allows(role, action: "kms:Decrypt").isEmpty else { return [] }
            let readers = (RoleSupport.allows(role, action: "secretsmanager:GetSecretValue") + RoleSupport.allows(role, action: "ssm:GetParameters"))
                .filter { !$0.items(naming: "secretsmanager:GetSecretValue").isEmpty || !$0.items(naming: "ssm:GetParameters").isEmpty }
            guard let st = readers.first else { return [] }
            out.append(RoleSupport.hit(description, st,
                "the role reads secrets or parameters but has no kms:Decrypt: right for the AWS managed keys (aws/secretsmanager, aws/ssm), but any secret or SecureString encrypted with a customer managed key will fail to load",
                fix: "If a customer managed key encrypts them, allow kms:Decrypt on its key ARN (lint with --kms-key KEY-ARN to check).",
                at: st.statement.pointer, severity: .info))
            return out
        }
    }

    enum AuthTokenScoped {
        static var description: RuleDescription { AuthTokenScopedRule.description }
        static func check(_ role: RoleUnderReview) -> [RoleFinding] {
            var out: [RoleFinding] = []
            let anywhereOK = RoleSupport.allows(role, action: "ecr:GetAuthorizationToken").contains {
                RoleSupport.resourceMatches($0.statement.resource, "*") && $0.statement.conditions.isEmpty
            }
            for st in RoleSupport.naming(role, action: "ecr:GetAuthorizationToken") where st.isAllow {
                let items = st.items(naming: "ecr:GetAuthorizationToken")
                guard let item = items.first, st.statement.resource?.negated == false else { continue }
                guard !st.resources.contains(where: { Glob.matches($0.value, "*") }) else { continue }
                // A service-wide `ecr:*` on repositories is only a problem when nothing else grants the token.
                let explicit = items.contains { !Glob.hasWildcard($0.value) }
                guard explicit || !anywhereOK else { continue }
                out.append(RoleSupport.hit(description, st,
                    "ecr:GetAuthorizationToken (via \"\(item.value)\") is scoped to \(RoleSupport.quote(st.resources.map(\.value))); it supports only \"Resource\": \"*\", so \(anywhereOK ? "this grant is dead" : "the agent cannot get a registry token and the task fails with CannotPullContainerError")",
                    fix: "Move ecr:GetAuthorizationToken to a statement with \"Resource\": \"*\"; keep the pull actions on the repository ARNs.",
                    at: item.pointer, severity: anywhereOK ? .low : .high))
            }
            return out
        }
    }

    enum ConditionKeyAbsent {
        static var description: RuleDescription { ConditionKeyAbsentRule.description }
        static var serviceKeys: Set<String> { ConditionKeyAbsentRule.serviceKeys }
        static var vpcKeys: Set<String> { ConditionKeyAbsentRule.vpcKeys }
        static func check(_ role: RoleUnderReview) -> [RoleFinding] {
            guard role.isExecutionRole else { return [] }
            var out: [RoleFinding] = []
            for st in RoleSupport.statements(role) where st.isAllow {
                for c in st.statement.conditions where !c.op.ifExists && !c.op.negated && c.op.family != .null {
                    let key = c.key.lowercased()
                    if serviceKeys.contains(key) {
                        // Only for a finding: quoting the actions of every conditioned statement was most of the rule.
                        let actions = st.statement.action.map { RoleSupport.quote(Array($0.values.prefix(3))) } ?? "its actions"
                        let values = st.statement.action?.values ?? []
                        let error = values.allSatisfy { $0.lowercased().hasPrefix("ecr:") } ? "CannotPullContainerError"
                            : values.contains { $0.lowercased().hasPrefix("ecr:") } ? "CannotPullContainerError / ResourceInitializationError"
                            : "ResourceInitializationError"
                        out.append(RoleSupport.hit(description, st,
                            "\(st.statement.label) requires \(c.key), which exists only when a service calls on your behalf; the ECS agent calls \(actions) itself, so the key is absent, the statement does not apply and the call is implicitly denied (\(error))",
                            fix: "Remove the \(c.key) condition from this statement; put aws:SourceAccount/aws:SourceArn in the trust policy, where they guard ecs-tasks.amazonaws.com.",
                            at: c.pointer))
                    } else if vpcKeys.contains(key) {
                        if st.covers(action: "ecr:GetAuthorizationToken") && !st.items(naming: "ecr:GetAuthorizationToken").isEmpty {
                            out.append(RoleSupport.hit(description, st,
                                "\(st.statement.label) conditions ecr:GetAuthorizationToken on \(c.key), which that action does not support: the registry login is denied and the image pull fails",
                                fix: "Move ecr:GetAuthorizationToken to a statement without the \(c.key) condition.", at: c.pointer))
                        } else {
                            out.append(RoleSupport.hit(description, st,
                                "\(st.statement.label) requires \(c.key): it holds only for requests through a VPC endpoint. Fine if every path from the tasks to these services uses an endpoint; via a NAT gateway or public IP the call is denied",
                                fix: "Keep it only if all the task's subnets reach these services through VPC endpoints.", at: c.pointer, severity: .info))
                        }
                    }
                }
            }
            return out
        }
    }
}
