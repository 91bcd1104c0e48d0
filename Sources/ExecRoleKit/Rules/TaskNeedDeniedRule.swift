import IAMKit

/// `task-need-denied`: a call the task definition makes the agent perform, not allowed by the role.
public enum TaskNeedDeniedRule: RoleRule {
    public static let description = RuleDescription(
        id: "ER014", slug: "task-need-denied", severity: .high,
        title: "A call the task needs is not allowed",
        rationale: """
        Given the task definition, ecsrole computes every call the ECS agent makes with the execution \
        role (the same requirements `generate` grants) and evaluates each against the role's \
        identity policies: Allow statements whose Action and Resource patterns match, Deny wins, \
        statements conditioned on keys the agent's requests never carry (aws:SourceAccount, \
        aws:SourceArn, aws:SourceVpc(e)) do not apply, kms:ViaService is matched against the \
        service the decrypt comes through. Other condition keys are assumed to hold, so a denial is \
        reported only when it is certain. High: the task fails to start with the error quoted. \
        CreateLogGroup, KMS and GetBucketLocation needs are reported by their own rules.
        """,
        fix: "Allow the call on the resource named in the message (ecsrole generate --taskdef writes the whole policy).",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"},{"Effect":"Allow","Action":["ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:BatchGetImage"],"Resource":"arn:aws:ecr:us-east-1:111122223333:repository/other"}]}"#,
                        .init(.taskDefinition, #"{"family":"web","taskDefinitionArn":"arn:aws:ecs:us-east-1:111122223333:task-definition/web:1","containerDefinitions":[{"name":"web","image":"111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.0"}]}"#)),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*"},{"Effect":"Allow","Action":["ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:BatchGetImage"],"Resource":"arn:aws:ecr:us-east-1:111122223333:repository/web"}]}"#,
                     .init(.taskDefinition, #"{"family":"web","taskDefinitionArn":"arn:aws:ecs:us-east-1:111122223333:task-definition/web:1","containerDefinitions":[{"name":"web","image":"111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1.0"}]}"#)),
        ])

    /// Purposes other rules explain in more detail.
    static let delegated: Set<Requirement.Purpose> = [.createLogGroup, .kms, .s3Bucket]

    /// The spec and requirements of the role's task definition; account and region fall back to
    /// wildcards so a task definition without them can still be checked (optimistically).
    static func requirements(_ role: RoleUnderReview) -> Result<(RoleSpec, [Requirement]), ExecRoleError>? {
        guard let td = role.taskDefinition else { return nil }
        var ctx = role.taskContext
        for _ in 0..<3 {
            do {
                let (spec, _) = try SpecBuilder(context: ctx).build(td)
                return .success((spec, Requirements.compute(spec)))
            } catch {
                if error.flag == "--account" && ctx.account == nil { ctx.account = "*"; continue }
                if error.flag == "--region" && ctx.region == nil { ctx.region = "*"; continue }
                return .failure(error)
            }
        }
        return nil
    }

    /// The resource the agent's request names (the requirement holds the grant pattern).
    static func requestResource(_ r: Requirement) -> String {
        switch r.purpose {
        case .logs where r.resource.hasSuffix(":*"): return String(r.resource.dropLast()) + "log-stream:ecs/container/0123456789abcdef"
        case .secretsManager where r.resource.hasSuffix("-??????"): return String(r.resource.dropLast(6)) + "Ab3dE9"
        default: return r.resource
        }
    }

    static func roleAccount(_ role: RoleUnderReview) -> String? {
        role.taskContext.account ?? role.taskDefinition?.executionRoleArn.flatMap { ARN($0.value)?.account }
            ?? role.taskDefinition?.taskDefinitionArn.flatMap { ARN($0)?.account }
    }

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard role.isExecutionRole, let result = requirements(role) else { return [] }
        let reqs: [Requirement]
        switch result {
        case .failure(let e):
            return [RoleFinding(description.finding(
                "could not compute what the task needs: \(e.message)", fix: "Fix the task definition value (or pass the flag) and lint again.",
                at: role.taskDefinition?.basePointer ?? "", severity: .info), in: .taskDefinition)]
        case .success(let (_, r)): reqs = r
        }
        var groups: [(key: String, reqs: [Requirement], why: String)] = []
        for r in reqs where !delegated.contains(r.purpose) {
            let req = AccessCheck.Request(action: r.action, resource: requestResource(r),
                                          context: Dictionary(uniqueKeysWithValues: r.context.map { ($0.key.lowercased(), $0.value) }))
            let why: String
            switch AccessCheck.evaluate(req, role: role) {
            case .allowed: continue
            case .explicitDeny(let st): why = "\(st.statement.label) of \(st.sourceName) explicitly denies it"
            case .implicitDeny(let misses):
                why = misses.isEmpty ? "no statement allows \(r.action)" : misses.prefix(2).map(\.1).joined(separator: "; ")
            }
            let key = "\(r.origin?.pointer ?? "")|\(r.resource)|\(why)"
            if let i = groups.firstIndex(where: { $0.key == key }) { groups[i].reqs.append(r) } else { groups.append((key, [r], why)) }
        }
        return groups.map { g in
            let r = g.reqs[0]
            let actions = g.reqs.map(\.action)
            let who = r.origin?.text ?? "the task"
            var msg = "\(who) needs \(actions.joined(separator: ", ")) on \(r.resource) (\(r.cause)), but \(g.why). ECS will report: \(r.failureMessage)"
            // Cross-account pulls need both sides: this role's grant and the repository's policy.
            if r.purpose == .ecrPull || r.purpose == .pullThroughCache, let repoAccount = ARN(r.resource)?.account,
               let own = roleAccount(role), repoAccount != own, AccountID.isValid(repoAccount) {
                msg += ". The repository is in account \(repoAccount): its repository policy must allow this role too"
            }
            let fix = "Allow \(RoleSupport.quote(actions)) on \"\(r.resource)\"."
            let f = description.finding(msg, fix: fix, at: r.origin?.pointer ?? "")
            return RoleFinding(f, in: r.origin?.pointer == nil ? .role : .taskDefinition)
        }
    }
}
