import IAMKit

/// Turns a parsed failure into an explanation and the statement to add, with the resource forms the
/// agent's requests need (AWS-FACTS.md): `log-group:NAME:*`, `secret:NAME-??????` for a name without
/// its suffix, `parameter/NAME` without the leading slash, the key ARN (never an alias).
enum DiagnosisFix {
    static func complete(_ d: inout ErrorDiagnosis, secretInMessage: String?, text: String) {
        if let n = d.networkProblem, d.action == nil {
            d.explanation.append(n)
            return
        }
        guard let action = d.action else {
            d.explanation.append("no AccessDenied, CannotPullContainerError or ResourceInitializationError shape was recognised")
            return
        }
        let svc = action.split(separator: ":").first.map { $0.lowercased() } ?? ""
        var actions = [action]
        var resources: [String] = []
        var condition: JSON?
        var notes: [String] = []
        let resource = d.resource
        let arn = resource.flatMap(ARN.init)
        // A message without a resource (KMS) may still name the secret: take region and account from it.
        let near = arn ?? secretInMessage.flatMap(ARN.init)
        let region = near?.region ?? d.principal.flatMap(ARN.init).map(\.region) ?? ""
        let account = near?.account ?? d.roleARN.flatMap(ARN.init)?.account ?? "ACCOUNT_ID"
        let partition = near?.partition ?? d.roleARN.flatMap(ARN.init)?.partition ?? "aws"
        switch svc {
        case "logs":
            if let r = resource, let range = r.range(of: ":log-group:") {
                let rest = r[range.upperBound...]
                let name = rest.range(of: ":log-stream")
                    .map { String(rest[..<$0.lowerBound]) } ?? String(rest.hasSuffix(":*") ? rest.dropLast(2) : rest)
                resources = [String(r[..<range.upperBound]) + name + ":*"]
                notes.append("the request names a log stream (…:log-group:\(name):log-stream:…), so the Resource must end in \":*\"; \"log-group:\(name)\" alone never matches")
            } else {
                resources = ["arn:\(partition):logs:\(region.isEmpty ? "REGION" : region):\(account):log-group:LOG_GROUP_NAME:*"]
                notes.append("the message does not name the log group: use the awslogs-group of the task definition, with \":*\" at the end")
            }
            if action.lowercased() != "logs:createloggroup" { actions = ["logs:CreateLogStream", "logs:PutLogEvents"] }
            else { notes.append("logs:CreateLogGroup is needed because the task definition sets awslogs-create-group: \"true\" (or create the group ahead of time and drop that option)") }
        case "secretsmanager":
            let base = (secretInMessage ?? resource).map(stripSecretTail)
            if let base, ARN(base) != nil {
                resources = Requirements.secretResources(base)
                if Requirements.hasRandomSuffix(base) != true {
                    notes.append("\"\(base)\" has no recognisable 6-character suffix: Secrets Manager appends \"-\" and 6 random characters, so grant \"NAME-??????\" (not \"NAME*\", which over-grants, and never 7 \"?\")")
                }
            } else {
                resources = ["arn:\(partition):secretsmanager:\(region.isEmpty ? "REGION" : region):\(account):secret:SECRET_NAME-??????"]
            }
            notes.append("if the secret is encrypted with a customer managed key, the role also needs kms:Decrypt on that key (and the key policy must allow it)")
        case "ssm":
            actions = ["ssm:GetParameters"]
            if let r = resource, var a = ARN(r), a.service == "ssm" {
                var rest = a.resource.hasPrefix("parameter") ? String(a.resource.dropFirst("parameter".count)) : a.resource
                while rest.hasPrefix("/") || rest.hasPrefix(":") { rest.removeFirst() }
                a.resource = "parameter/" + rest
                resources = [a.description]
                let ref = "aws/reference/secretsmanager/"
                if rest.hasPrefix(ref) {
                    let name = String(rest.dropFirst(ref.count))
                    notes.append("a /aws/reference/secretsmanager/ parameter reads the Secrets Manager secret \"\(name)\": the role also needs secretsmanager:GetSecretValue on it (second statement below)")
                    d.fix = .array([
                        PolicyGenerator.statement(sid: "ReadParameters", actions: actions, resources: resources, condition: nil),
                        PolicyGenerator.statement(sid: "ReadSecrets", actions: ["secretsmanager:GetSecretValue"],
                                                  resources: ["arn:\(a.partition):secretsmanager:\(a.region):\(a.account):secret:\(name)-??????"], condition: nil),
                    ])
                }
            } else {
                resources = ["arn:\(partition):ssm:\(region.isEmpty ? "REGION" : region):\(account):parameter/PARAMETER_NAME"]
            }
            notes.append("the agent calls ssm:GetParameters (plural); ssm:GetParameter does not cover it. In the ARN the name's leading slash is dropped: /app/db → parameter/app/db")
        case "kms":
            if let r = resource, let a = ARN(r), a.resourceType == "key" { resources = [r] }
            else {
                resources = ["arn:\(partition):kms:\(region.isEmpty ? "REGION" : region):\(account):key/KEY_ID"]
                notes.append("the message does not name the key: use the key ARN (…:key/ID) of the key that encrypts the secret or parameter — an alias ARN in Resource matches only the alias, never the key")
            }
            if let s = secretInMessage.flatMap(ARN.init) {
                condition = .obj([("StringEquals", .obj([("kms:ViaService", .string("secretsmanager.\(s.region).amazonaws.com"))]))])
                notes.append("the secret \(s.description) is encrypted with a customer managed key; the key policy must also allow this role")
            } else if text.lowercased().contains("ssm") {
                condition = .obj([("StringEquals", .obj([("kms:ViaService", .string("ssm.\(region.isEmpty ? "REGION" : region).amazonaws.com"))]))])
            }
        case "ecr":
            if action.lowercased() == "ecr:getauthorizationtoken" {
                resources = ["*"]
                notes.append("ecr:GetAuthorizationToken has no resource-level permissions: its Resource must be \"*\" (and it must not be conditioned on aws:SourceVpce or aws:SourceAccount)")
                if d.category == .cannotPullContainer && text.lowercased().contains("no basic auth credentials") {
                    notes.append("\"no basic auth credentials\": the agent had no ECR token; on EC2 check also that the task definition names an execution role")
                }
            } else {
                actions = Requirements.ecrPullActions
                resources = [resource ?? "arn:\(partition):ecr:\(region.isEmpty ? "REGION" : region):\(account):repository/REPOSITORY"]
                if let a = arn, let role = d.roleARN.flatMap(ARN.init), a.account != role.account {
                    notes.append("the repository is in account \(a.account): its repository policy must also allow \(d.roleARN ?? "the role")")
                }
            }
        case "s3":
            if let r = resource { resources = [r] } else { resources = ["arn:\(partition):s3:::BUCKET/KEY"] }
            actions = ["s3:GetObject"]
            notes.append("the agent also calls s3:GetBucketLocation on the bucket (arn:\(partition):s3:::BUCKET)")
        default:
            resources = [resource ?? "*"]
        }
        if let role = d.roleName {
            d.explanation.append("role: \(role)" + (d.roleARN.map { " (\($0))" } ?? ""))
        }
        d.explanation.append("missing: \(actions.joined(separator: ", ")) on \(resources.joined(separator: ", "))" + (d.actionInferred ? " (inferred from the error text: the message does not name the action)" : ""))
        if let denial = d.denial { d.explanation.append("why: " + denial.text) }
        d.explanation += notes
        guard d.denial?.fixableByAllow ?? true else { d.fix = nil; return }
        if d.fix == nil {
            let purpose = Requirement.Purpose.allCases.first { p in
                switch (svc, p) {
                case ("logs", .logs), ("secretsmanager", .secretsManager), ("ssm", .ssm), ("kms", .kms), ("s3", .s3Object): return action.lowercased() != "logs:createloggroup"
                case ("logs", .createLogGroup): return action.lowercased() == "logs:createloggroup"
                case ("ecr", .ecrAuth): return action.lowercased() == "ecr:getauthorizationtoken"
                case ("ecr", .ecrPull): return action.lowercased() != "ecr:getauthorizationtoken"
                default: return false
                }
            }
            d.fix = PolicyGenerator.statement(sid: purpose?.sid ?? "AllowMissingAction", actions: actions, resources: resources, condition: condition)
        }
    }

    /// `arn:…:secret:NAME-AbCdEf:json-key:stage:id` → `arn:…:secret:NAME-AbCdEf`.
    static func stripSecretTail(_ s: String) -> String {
        guard var a = ARN(s) else { return s }
        let parts = a.resource.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count > 2 else { return s }
        a.resource = parts[0] + ":" + parts[1]
        return a.description
    }
}
