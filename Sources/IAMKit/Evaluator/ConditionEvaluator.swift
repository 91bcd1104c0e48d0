/// Decides one `Operator: {Key: [values]}` test of a Condition block against a request context.
///
/// The rules, from the IAM User Guide ("Condition operators", "Conditions with multiple context keys
/// or values", "Single-valued vs. multivalued context keys"):
/// - several values for one key are ORed; for a negated operator they are NORed;
/// - absent key: false, except negated operators (true), `…IfExists` (true), `ForAllValues:` (true),
///   `ForAnyValue:` (false) and `Null` (which tests exactly that);
/// - `ForAllValues:` every request value must satisfy the test (an empty set does), `ForAnyValue:`
///   at least one must; a plain operator on several request values behaves like ForAnyValue, and
///   its negation like "none of them matches".
public enum ConditionEvaluator {
    /// The outcome of one condition test, with a sentence saying why.
    public struct Outcome: Sendable, Equatable {
        public var holds: Bool
        public var reason: String
    }

    /// Evaluates one condition.
    public static func evaluate(_ c: Condition, context: RequestContext, variables: Bool) -> Outcome {
        let op = c.op
        let present = context.values(c.key)
        let shown = present.map { $0.count == 1 ? "\"\($0[0])\"" : "[\($0.map { "\"\($0)\"" }.joined(separator: ", "))]" }
        if op.family == .null {
            let absent = present == nil || present!.isEmpty
            let holds = c.values.contains { (ConditionValues.bool($0.value) ?? false) == absent }
            return Outcome(holds: holds, reason: "\(op.raw) \(c.key): the key is \(absent ? "absent" : "present (\(shown ?? ""))")")
        }
        guard let present else {
            let holds: Bool
            if op.ifExists { holds = true } else if op.qualifier == .forAllValues { holds = true }
            else if op.qualifier == .forAnyValue { holds = false } else { holds = op.negated }
            return Outcome(holds: holds, reason: "\(op.raw) \(c.key): the request has no \(c.key)" +
                           (holds ? "" : " (an absent key never matches \(op.raw))"))
        }
        // Policy values after variable substitution; an unresolved variable never matches.
        var unresolved: [String] = []
        let policy: [PolicyValue] = c.values.map { v in
            switch op.family {
            case .string, .arn, .bool:
                let wild = op.family == .arn || op.base.hasSuffix("Like")
                switch PolicyVariables.resolve(v.value, context: context, enabled: variables, wildcards: wild) {
                case .pattern(let p): return .pattern(p)
                case .unresolved(let name): unresolved.append(name); return .never
                }
            default: return .raw(v.value)
            }
        }
        func positive(_ value: String) -> Bool { policy.contains { matches(op, value, $0) } }
        func ok(_ value: String) -> Bool { op.negated ? !positive(value) : positive(value) }
        let holds: Bool
        switch op.qualifier {
        case .forAllValues: holds = present.allSatisfy(ok)
        case .forAnyValue: holds = present.contains(where: ok)
        case nil: holds = op.negated ? present.allSatisfy(ok) : present.contains(where: ok)
        }
        let want = c.values.map { "\"\($0.value)\"" }.joined(separator: ", ")
        var reason = "\(op.raw) \(c.key): request has \(shown ?? "nothing"), policy \(op.negated ? "excludes" : "wants") \(want)"
        if !unresolved.isEmpty { reason += " (variable ${\(unresolved.joined(separator: "}, ${"))} has no value in the request)" }
        return Outcome(holds: holds, reason: reason)
    }

    /// A condition value ready for comparison.
    enum PolicyValue {
        case pattern(WildcardPattern)
        case raw(String)
        case never
    }

    /// The positive (un-negated) test of one request value against one policy value.
    static func matches(_ op: ConditionOperator, _ value: String, _ pv: PolicyValue) -> Bool {
        let raw: String
        switch pv {
        case .never: return false
        case .raw(let s): raw = s
        case .pattern(let p):
            switch op.family {
            case .string:
                if op.base.hasSuffix("IgnoreCase") { return p.matches(value, caseInsensitive: true) }
                return p.matches(value)
            case .arn: return arnMatches(p, value)
            case .bool:
                guard let a = ConditionValues.bool(value), let b = ConditionValues.bool(p.description) else { return false }
                return a == b
            default: raw = p.description
            }
        }
        switch op.family {
        case .numeric:
            guard let a = ConditionValues.number(value), let b = ConditionValues.number(raw) else { return false }
            return compare(op.base.dropFirst("Numeric".count), a, b)
        case .date:
            guard let a = ConditionValues.date(value), let b = ConditionValues.date(raw) else { return false }
            return compare(op.base.dropFirst("Date".count), a, b)
        case .binary:
            guard let a = ConditionValues.binary(value), let b = ConditionValues.binary(raw) else { return value == raw }
            return a == b
        case .ip:
            return ConditionValues.ip(value, inCIDR: raw) ?? false
        default:
            return false
        }
    }

    /// `Equals`, `NotEquals` (compared as Equals: the caller negates), `LessThan`, `LessThanEquals`…
    static func compare(_ name: Substring, _ a: Double, _ b: Double) -> Bool {
        switch name {
        case "Equals", "NotEquals": return a == b
        case "LessThan": return a < b
        case "LessThanEquals": return a <= b
        case "GreaterThan": return a > b
        case "GreaterThanEquals": return a >= b
        default: return false
        }
    }

    /// ArnEquals/ArnLike: each of the six colon-separated parts is matched on its own, so a `*` in the
    /// region part cannot swallow the account part; the resource part keeps its inner colons.
    static func arnMatches(_ pattern: WildcardPattern, _ value: String) -> Bool {
        let v = value.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard v.count == 6, v[0] == "arn" else { return false }
        var parts: [[WildcardPattern.Token]] = [[]]
        for t in pattern.tokens {
            if t == .literal(":") && parts.count < 6 { parts.append([]) } else { parts[parts.count - 1].append(t) }
        }
        guard parts.count == 6 else { return false }
        for (p, s) in zip(parts, v) where !WildcardPattern(tokens: p).matches(String(s)) { return false }
        return true
    }
}
