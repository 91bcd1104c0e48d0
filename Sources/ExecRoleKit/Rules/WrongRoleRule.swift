import IAMKit

/// `wrong-role`: application permissions on the execution role.
public enum WrongRoleRule: RoleRule {
    public static let description = RuleDescription(
        id: "ER011", slug: "wrong-role", severity: .medium,
        title: "Application permission on the execution role",
        rationale: """
        The execution role is used only by the ECS agent / Fargate to start the task: pull images, \
        write logs, read secrets. The application's own AWS calls (S3 writes, DynamoDB, SQS, SNS, \
        ECS Exec's ssmmessages, ssm:GetParameter from the SDK…) use the TASK role (`taskRoleArn`), \
        so such grants here do nothing for the app and give a thief more. Medium: an over-grant and \
        usually a sign the app's grants are missing from the task role.
        """,
        fix: "Move the permission to the task role (taskRoleArn).",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:PutObject","dynamodb:PutItem"],"Resource":"*"}]}"#),
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssmmessages:*","Resource":"*"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:GetParameters","secretsmanager:GetSecretValue"],"Resource":"*"}]}"#),
        ])

    /// Application actions an Action item reaches, with the reason (memoised per process).
    static let memo = ApplicationActionMemo()

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard role.isExecutionRole else { return [] }
        var out: [RoleFinding] = []
        for st in role.index.statements where st.isAllow && st.hasPlainAction {
            // By index, the item read only when its key lets it through: copying every item (text
            // and pointer) to look at its key was most of this loop.
            let items = st.actionItems
            for i in items.indices {
                // Most items are ruled out by their service key before the memo is asked.
                let key = st.actionKeys[i]
                if key != ActionKey.none && !memo.mayHit(items[i].value, key: key) { continue }
                let item = items[i]
                guard !isStar(item.value) else { continue }
                let hits = key == ActionKey.none ? memo.hits(item.value) : memo.expanded(item.value)
                guard let first = hits.first else { continue }
                let what = Glob.hasWildcard(item.value)
                    ? "\"\(item.value)\" includes application actions (\(RoleSupport.quote(hits.prefix(4).map(\.0)))\(hits.count > 4 ? " and \(hits.count - 4) more" : ""))"
                    : "\(first.0)"
                out.append(RoleSupport.hit(description, st,
                    "\(what) on the execution role: \(first.1). The application's own calls use the task role, so this grant only helps whoever steals the execution role's credentials",
                    fix: "Remove \"\(item.value)\" from the execution role and grant what the application needs on the task role (taskRoleArn).",
                    at: item.pointer))
            }
        }
        return out
    }

    /// `s == "*"`: no other string is canonically equivalent to a lone asterisk, so its bytes decide
    /// (the `String` comparison went through the general path for every Action item).
    static func isStar(_ s: String) -> Bool {
        s.utf8.count == 1 && s.utf8.first == UInt8(ascii: "*")
    }
}
