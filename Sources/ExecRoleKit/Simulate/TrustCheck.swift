import IAMKit

/// Whether ECS (`ecs-tasks.amazonaws.com`) may assume the role, from its trust policy.
///
/// Unlike the agent's own calls, this request is made by a service on the task's behalf, so it does
/// carry `aws:SourceAccount` and `aws:SourceArn` (the task's ARN — which is why a cluster-specific
/// SourceArn condition stops tasks, AWS-FACTS.md).
public enum TrustCheck {
    /// The verdict and a sentence saying why.
    public struct Result: Sendable, Equatable {
        public var allowed: Bool
        public var reason: String
        /// The statement that decided (the Deny, or the first Allow), when one did.
        public var statement: StatementRef?
    }

    /// The message ECS shows when it cannot assume the execution role.
    public static func failureMessage(roleARN: String) -> String {
        "ECS was unable to assume the role '\(roleARN)' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role."
    }

    /// Evaluates `sts:AssumeRole` by `ecs-tasks.amazonaws.com` for a task of `spec`.
    public static func evaluate(_ trust: Policy, name: String, spec: RoleSpec) -> Result {
        let acct = spec.account ?? "123456789012"
        let region = spec.region ?? "us-east-1"
        var ctx = RequestContext()
        ctx["aws:SourceAccount"] = [acct]
        ctx["aws:SourceArn"] = ["arn:\(spec.partition):ecs:\(region):\(acct):task/default/\(AgentCalls.sampleTaskId)"]
        ctx["aws:PrincipalServiceName"] = ["ecs-tasks.amazonaws.com"]
        ctx["aws:SecureTransport"] = ["true"]
        var allow: (StatementRef, String)?
        var nearMiss: String?
        for st in trust.statements {
            let ref = StatementRef(policy: name, sid: st.sid?.value, index: st.index, pointer: st.pointer)
            guard let effect = st.effect, let action = st.action else { continue }
            let hit = action.values.contains { Glob.matches($0, "sts:AssumeRole", caseInsensitive: true) }
            guard action.negated ? !hit : hit else { continue }
            guard let p = st.principal, principalMatches(p) else { continue }
            var failed: String?
            for c in st.conditions {
                let o = ConditionEvaluator.evaluate(c, context: ctx, variables: trust.supportsVariables)
                if !o.holds { failed = o.reason; break }
            }
            if let failed {
                if effect == .allow && nearMiss == nil { nearMiss = "\(ref) trusts ecs-tasks.amazonaws.com but its condition fails: \(failed)" }
                continue
            }
            if effect == .deny { return Result(allowed: false, reason: "\(ref) denies sts:AssumeRole to ecs-tasks.amazonaws.com", statement: ref) }
            if allow == nil { allow = (ref, "\(ref) lets ecs-tasks.amazonaws.com assume the role") }
        }
        if let allow { return Result(allowed: true, reason: allow.1, statement: allow.0) }
        return Result(allowed: false, reason: nearMiss ?? "no statement lets ecs-tasks.amazonaws.com assume the role (sts:AssumeRole)", statement: nil)
    }

    static func principalMatches(_ p: PrincipalBlock) -> Bool {
        let matches = p.wildcard || p.values("Service").contains("ecs-tasks.amazonaws.com") || p.values("AWS").contains("*")
        return p.negated ? !matches : matches
    }
}
