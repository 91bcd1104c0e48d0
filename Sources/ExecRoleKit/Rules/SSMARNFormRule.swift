import IAMKit

/// `ssm-arn-form`: `parameter//name` or `parameter:name` in a Resource.
public enum SSMARNFormRule: RoleRule {
    public static let supersedes: Set<String> = ["resource-mismatch"]
    public static let description = RuleDescription(
        id: "ER003", slug: "ssm-arn-form", severity: .high,
        title: "Malformed SSM parameter ARN",
        rationale: """
        A parameter named `/app/db` has the ARN `arn:…:ssm:REGION:ACCT:parameter/app/db`: the \
        name's leading slash is dropped. Pasting the name after `parameter/` gives `parameter//app/db`, \
        and some templates write `parameter:app/db` (terraform-provider-aws#2593); neither ever \
        matches, so ssm:GetParameters is denied and the task fails with ResourceInitializationError. \
        High: the task does not start.
        """,
        fix: "Write `arn:…:parameter/NAME` with exactly one slash after `parameter`.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameters","Resource":"arn:aws:ssm:us-east-1:111122223333:parameter//app/db-password"}]}"#),
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameters","Resource":"arn:aws:ssm:us-east-1:111122223333:parameter:app/db-password"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameters","Resource":"arn:aws:ssm:us-east-1:111122223333:parameter/app/db-password"}]}"#),
        ])

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        var out: [RoleFinding] = []
        // Only the Resources that may be SSM ARNs (the index sorts them out once per role).
        for candidate in role.index.resources(of: .ssm) {
            let st = candidate.statement, r = candidate.resource
            guard let arn = RoleSupport.arn(r.value, service: "ssm") else { continue }
            // The two malformed spellings, and what each is called out for.
            let problem: String
            if arn.resource.hasPrefix("parameter//") {
                problem = "has a double slash: the parameter ARN drops the name's leading slash"
            } else if arn.resource.hasPrefix("parameter:") {
                problem = "uses \"parameter:\"; parameter ARNs are \"parameter/NAME\""
            } else {
                continue
            }
            // Either way the fix is `parameter/` and the name without its leading slashes (both heads,
            // `parameter/` and `parameter:`, are ten characters).
            var rest = Substring(arn.resource.dropFirst("parameter/".count))
            while rest.hasPrefix("/") { rest = rest.dropFirst() }
            var fixed = arn
            fixed.resource = "parameter/" + rest
            out.append(RoleSupport.hit(description, st,
                "\"\(r.value)\" \(problem), so this never matches and ssm:GetParameters is denied",
                fix: "Use \"\(fixed)\".", at: r.pointer))
        }
        return out
    }
}
