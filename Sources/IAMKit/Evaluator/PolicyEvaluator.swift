/// Evaluates identity policies (and an optional permissions boundary) for one request, following
/// "Policy evaluation logic" in the IAM User Guide for a principal in the same account:
/// 1. an explicit Deny in any policy (identity or boundary) wins;
/// 2. otherwise some identity statement must Allow;
/// 3. with a boundary, the boundary must Allow as well (an implicit deny from the boundary denies);
/// 4. otherwise the request is implicitly denied.
///
/// Resource policies, SCPs and session policies are out of scope: an execution role's calls are in
/// its own account, and the commands say so where a resource policy matters (cross-account ECR).
public enum PolicyEvaluator {
    /// Evaluates `request`.
    public static func evaluate(_ request: EvaluationRequest, identity: [NamedPolicy], boundary: NamedPolicy? = nil) -> EvaluationResult {
        var outcomes: [StatementOutcome] = []
        for p in identity { outcomes += evaluate(request, policy: p, inBoundary: false) }
        if let boundary { outcomes += evaluate(request, policy: boundary, inBoundary: true) }
        let applying = outcomes.filter(\.applies)
        let denies = applying.filter { $0.effect == .deny }
        let allows = applying.filter { $0.effect == .allow && !$0.inBoundary }
        let boundaryAllows: Bool? = boundary == nil ? nil : applying.contains { $0.effect == .allow && $0.inBoundary }
        var result = EvaluationResult(request: request, decision: .implicitDeny, deciding: [], statements: outcomes,
                                      boundaryAllows: boundaryAllows, reason: "")
        if !denies.isEmpty {
            result.decision = .explicitDeny
            result.deciding = denies.map(\.ref)
            result.reason = "explicitly denied by " + denies.map { ($0.inBoundary ? "permissions boundary " : "") + $0.ref.description }.joined(separator: ", ")
        } else if allows.isEmpty {
            result.reason = "implicitly denied: no identity-based policy allows \(request.action) on \(request.resource)" + closest(outcomes.filter { !$0.inBoundary })
        } else if boundaryAllows == false {
            result.reason = "implicitly denied: allowed by \(allows[0].ref), but no permissions boundary allows \(request.action) on \(request.resource)" + closest(outcomes.filter(\.inBoundary))
        } else {
            result.decision = .allowed
            result.deciding = allows.map(\.ref)
            result.reason = "allowed by " + allows.map(\.ref.description).joined(separator: ", ")
        }
        return result
    }

    /// Evaluates every statement of one policy.
    public static func evaluate(_ request: EvaluationRequest, policy: NamedPolicy, inBoundary: Bool = false) -> [StatementOutcome] {
        policy.policy.statements.map { st in
            StatementOutcome(ref: StatementRef(policy: policy.name, sid: st.sid?.value, index: st.index, pointer: st.pointer),
                             effect: st.effect, inBoundary: inBoundary,
                             match: match(st, request, variables: policy.policy.supportsVariables))
        }
    }

    /// Whether one statement applies to the request, and if not the first reason why.
    public static func match(_ st: Statement, _ request: EvaluationRequest, variables: Bool) -> StatementMatch {
        guard st.effect != nil else { return .invalid("the statement has no valid Effect, so IAM would reject the policy") }
        guard let action = st.action, !action.items.isEmpty else { return .invalid("the statement has no Action") }
        let actionHit = action.items.first { Glob.matches($0.value, request.action, caseInsensitive: true) }
        if action.negated {
            if let hit = actionHit { return .action("NotAction \"\(hit.value)\" excludes \(request.action)") }
        } else if actionHit == nil {
            return .action("Action \(list(action.values)) does not include \(request.action)")
        }
        guard let resource = st.resource, !resource.items.isEmpty else { return .invalid("the statement has no Resource") }
        var unresolved: [String] = []
        let resourceHit = resource.items.first { item in
            switch PolicyVariables.resolve(item.value, context: request.context, enabled: variables, wildcards: true) {
            case .pattern(let p): return p.matches(request.resource)
            case .unresolved(let v): unresolved.append(v); return false
            }
        }
        let note = unresolved.isEmpty ? "" : " (variable ${\(unresolved[0])} has no value in the request)"
        if resource.negated {
            if let hit = resourceHit { return .resource("NotResource \"\(hit.value)\" excludes \(request.resource)") }
        } else if resourceHit == nil {
            return .resource("Resource \(list(resource.values)) does not match \(request.resource)\(note)")
        }
        for c in st.conditions {
            let o = ConditionEvaluator.evaluate(c, context: request.context, variables: variables)
            if !o.holds { return .condition(key: c.key, op: c.op.raw, pointer: c.pointer, reason: o.reason) }
        }
        return .matched
    }

    static func list(_ xs: [String]) -> String {
        xs.count == 1 ? "\"\(xs[0])\"" : "[" + xs.prefix(4).map { "\"\($0)\"" }.joined(separator: ", ") + (xs.count > 4 ? ", …" : "") + "]"
    }

    /// The most relevant near miss: an Allow whose action matched (resource or condition failed).
    static func closest(_ outcomes: [StatementOutcome]) -> String {
        let allows = outcomes.filter { $0.effect == .allow }
        if let c = allows.first(where: { if case .condition = $0.match { return true }; return false }) ?? allows.first(where: { if case .resource = $0.match { return true }; return false }) {
            return "; closest: \(c.ref) — \(c.match.text)"
        }
        return ""
    }
}
