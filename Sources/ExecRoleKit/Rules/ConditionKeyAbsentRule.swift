import IAMKit

/// `condition-key-absent`: conditions on keys the agent's own requests never carry.
public enum ConditionKeyAbsentRule: RoleRule {
    public static let description = RuleDescription(
        id: "ER010", slug: "condition-key-absent", severity: .medium,
        title: "Condition on a key the agent's requests do not carry",
        rationale: """
        aws:SourceAccount, aws:SourceArn, aws:SourceOrgID and aws:SourceOrgPaths are set only when a \
        service calls another service on your behalf; the ECS agent calls ECR, Logs, Secrets \
        Manager and SSM itself with the role's credentials, so a permission statement conditioned \
        on them most likely never applies (implicit deny → CannotPullContainerError / \
        ResourceInitializationError). They belong in the TRUST policy. aws:SourceVpc/aws:SourceVpce \
        exist only through VPC endpoints, and ecr:GetAuthorizationToken does not support them. \
        Medium, not high: this is an inference from the IAM documentation, not an AWS statement \
        about the agent; aws:SourceVpc(e) on other actions is an info note (fine when every path \
        uses endpoints).
        """,
        fix: "Remove the condition from the permission statement; guard the trust policy with aws:SourceAccount/aws:SourceArn instead.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:BatchGetImage","Resource":"arn:aws:ecr:us-east-1:111122223333:repository/web","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}}}]}"#),
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-0abc"}}}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:BatchGetImage","Resource":"arn:aws:ecr:us-east-1:111122223333:repository/web","Condition":{"StringEqualsIfExists":{"aws:SourceAccount":"111122223333"}}}]}"#),
        ])

    static let serviceKeys: Set<String> = ["aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths"]
    static let vpcKeys: Set<String> = ["aws:sourcevpc", "aws:sourcevpce"]

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard role.isExecutionRole else { return [] }
        var out: [RoleFinding] = []
        for st in RoleSupport.statements(role) where st.isAllow {
            for c in st.conditions where !c.op.ifExists && !c.op.negated && c.op.family != .null {
                let keyKind = kind(of: c.key)
                if keyKind == .service {
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
                } else if keyKind == .vpc {
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

    /// Which of `serviceKeys` / `vpcKeys` a key is, ignoring case.
    enum KeyKind { case service, vpc }

    /// The keys' lower-cased bytes, with their kind.
    static let keyBytes: [([UInt8], KeyKind)] = serviceKeys.map { (Array($0.utf8), KeyKind.service) } + vpcKeys.map { (Array($0.utf8), KeyKind.vpc) }

    /// The kind of `key` (`serviceKeys` / `vpcKeys` contain its lower-cased form), or nil. An
    /// ASCII key is compared on its bytes: lower-casing a copy of every condition key and hashing
    /// it into both sets was most of this rule.
    static func kind(of key: String) -> KeyKind? {
        let ascii: KeyKind?? = key.withUTF8Bytes { b -> KeyKind?? in
            var acc: UInt8 = 0
            for c in b { acc |= c }
            guard acc < 0x80 else { return .none }
            for (k, kind) in keyBytes where k.count == b.count {
                var same = true
                for i in 0..<b.count where (b[i] &- 65 < 26 ? b[i] | 0x20 : b[i]) != k[i] { same = false; break }
                if same { return .some(kind) }
            }
            return .some(nil)
        }
        if let ascii { return ascii }
        return kindByLowercasing(key)
    }

    /// `kind(of:)` as defined: the lower-cased key looked up in the sets.
    static func kindByLowercasing(_ key: String) -> KeyKind? {
        let lower = key.lowercased()
        return serviceKeys.contains(lower) ? .service : vpcKeys.contains(lower) ? .vpc : nil
    }
}
