import IAMKit

/// A deliberately small evaluation of "would the role's identity policies allow this agent call?"
/// for `task-need-denied` and friends. Not the full evaluator (that is IAMKit's on branch `sim`):
/// it knows just enough request context to be right about the execution-role traps.
///
/// Unknown condition keys are treated optimistically (an Allow applies, a Deny does not), so a
/// denial is reported only when it is certain.
enum AccessCheck {
    /// One call with what its request context holds.
    struct Request {
        var action: String
        /// The resource as the request names it (may hold `*` when account/region are unknown).
        var resource: String
        /// Context keys the request carries (lower-cased keys), e.g. kms:viaservice.
        var context: [String: String] = [:]
    }

    enum Outcome {
        case allowed(RoleStatement)
        case explicitDeny(RoleStatement)
        /// No Allow applies; the near misses say why (action matched, resource or condition did not).
        case implicitDeny(nearMisses: [(RoleStatement, String)])
    }

    /// Keys the ECS agent's own calls never carry (service-to-service and VPC-endpoint keys).
    static let absentKeys: Set<String> = ["aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths",
                                          "aws:sourcevpc", "aws:sourcevpce"]

    static func evaluate(_ req: Request, role: RoleUnderReview) -> Outcome {
        var allow: RoleStatement?
        var misses: [(RoleStatement, String)] = []
        for st in RoleSupport.covering(role, action: req.action) {
            let resourceOK = RoleSupport.resourceMatches(st.statement.resource, req.resource)
            let failed = failingCondition(st.statement, req, forDeny: st.statement.effect == .deny)
            if st.statement.effect == .deny {
                if resourceOK && failed == nil { return .explicitDeny(st) }
                continue
            }
            guard st.isAllow else { continue }
            if !resourceOK {
                misses.append((st, "\(st.statement.label) of \(st.sourceName) allows \(req.action) only on \(RoleSupport.quote(st.statement.resource?.values ?? []))\(st.statement.resource?.negated == true ? " (NotResource)" : "")"))
            } else if let failed {
                misses.append((st, "\(st.statement.label) of \(st.sourceName) matches, but its condition on \(failed) cannot hold for the agent's request"))
            } else if allow == nil {
                allow = st
            }
        }
        if let allow { return .allowed(allow) }
        return .implicitDeny(nearMisses: misses)
    }

    /// The first condition key that makes the statement not apply, or nil when all hold (or are unknown).
    /// Known keys (present in the request, or known to be absent from the agent's calls) are decided
    /// by IAMKit's `ConditionEvaluator`; keys we cannot know are optimistic for an Allow and
    /// pessimistic for a Deny, so a denial is reported only when it is certain.
    static func failingCondition(_ st: Statement, _ req: Request, forDeny: Bool) -> String? {
        let ctx = RequestContext(req.context)
        for c in st.conditions {
            let key = c.key.lowercased()
            let known = req.context[key] != nil || absentKeys.contains(key) || key == "kms:viaservice"
            guard known else {
                if forDeny { return c.key }
                continue
            }
            if !ConditionEvaluator.evaluate(c, context: ctx, variables: true).holds { return c.key }
        }
        return nil
    }
}
