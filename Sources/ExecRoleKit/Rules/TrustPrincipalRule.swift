import IAMKit

/// `trust-principal`: a trust policy that lets someone other than ECS tasks assume the role.
public enum TrustPrincipalRule: RoleRule {
    public static let description = RuleDescription(
        id: "TR001", slug: "trust-principal", severity: .high,
        title: "Trust policy principal other than ecs-tasks.amazonaws.com",
        rationale: """
        An execution role is assumed by ECS on the task's behalf: the trust policy's principal must \
        be `{"Service": "ecs-tasks.amazonaws.com"}`. `"*"` lets anyone assume the role (high); an \
        account root or another principal lets every IAM identity allowed by that account, or that \
        other service, obtain the role's credentials (medium).
        """,
        fix: "Trust only {\"Service\": \"ecs-tasks.amazonaws.com\"} for sts:AssumeRole.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}]}"#, kind: .trust),
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}"#, kind: .trust),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#, kind: .trust),
        ])

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard let trust = role.trustPolicy else { return [] }
        var out: [RoleFinding] = []
        for st in trust.policy.statements where st.effect == .allow {
            guard let p = st.principal else { continue }
            if p.negated {
                out.append(RoleFinding(description.finding("\(st.label) allows everyone except \(p.entries.flatMap { $0.values.map(\.value) }.joined(separator: ", ")) (NotPrincipal with Allow)",
                                                           fix: "Use Principal {\"Service\": \"ecs-tasks.amazonaws.com\"}.", at: p.pointer), in: .trust))
                continue
            }
            if p.wildcard {
                out.append(RoleFinding(description.finding("\(st.label) trusts \"*\": any AWS principal can assume this role and get its credentials",
                                                           fix: "Replace \"*\" with {\"Service\": \"ecs-tasks.amazonaws.com\"}.", at: p.pointer), in: .trust))
                continue
            }
            for e in p.entries {
                for v in e.values {
                    switch e.type {
                    case "Service":
                        // CloudFormation writes the same principal as `ecs-tasks.${AWS::URLSuffix}` (lint keeps it unresolved).
                        if v.value != "ecs-tasks.amazonaws.com" && v.value != "ecs-tasks.${AWS::URLSuffix}" {
                            // Without ecs-tasks anywhere in the trust policy, ECS cannot assume the role at all.
                            let tasksTrusted = trust.policy.statements.contains { $0.effect == .allow && $0.principal?.values("Service").contains { $0 == "ecs-tasks.amazonaws.com" || $0 == "ecs-tasks.${AWS::URLSuffix}" } == true }
                            let hint = v.value == "ecs.amazonaws.com" ? " (ecs.amazonaws.com is the ECS service itself; a task execution role is assumed by ecs-tasks.amazonaws.com\(tasksTrusted ? "" : ", which this trust policy does not name, so tasks fail to start"))" : ""
                            out.append(RoleFinding(description.finding("\(st.label) trusts the service \"\(v.value)\"\(hint)", fix: "Trust ecs-tasks.amazonaws.com only.",
                                                                       at: v.pointer, severity: v.value == "ecs.amazonaws.com" && !tasksTrusted ? .high : .medium), in: .trust))
                        }
                    case "AWS":
                        let isStar = v.value == "*"
                        let root = v.value.hasSuffix(":root") || AccountID.isValid(v.value)
                        let msg = isStar ? "\(st.label) trusts the AWS principal \"*\": any AWS principal can assume the execution role and obtain its credentials"
                            : root ? "\(st.label) trusts the account \(v.value): every identity that account's policies allow can assume the execution role and obtain its credentials"
                            : "\(st.label) trusts \(v.value): it can assume the execution role and obtain its credentials"
                        out.append(RoleFinding(description.finding(msg,
                                                                   fix: "Remove the AWS principal; only ECS tasks need to assume an execution role.",
                                                                   at: v.pointer, severity: isStar ? .high : .medium), in: .trust))
                    default:
                        out.append(RoleFinding(description.finding("\(st.label) trusts a \(e.type) principal \"\(v.value)\"; an execution role needs only ecs-tasks.amazonaws.com",
                                                                   fix: "Remove it.", at: v.pointer, severity: .medium), in: .trust))
                    }
                }
            }
        }
        return out
    }
}
