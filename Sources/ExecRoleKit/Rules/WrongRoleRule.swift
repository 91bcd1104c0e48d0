import Foundation
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

    /// Application actions an Action item reaches, with the reason; memoised because `svc:*` items
    /// expand to hundreds of actions and the table is scanned with globs for each.
    private static let memo = Memo()

    private final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var store: [String: [(String, String)]] = [:]
        /// Services the application-action table mentions; items of other services cannot match.
        let services = Set(RiskCatalog.applicationActions.compactMap { $0.pattern.split(separator: ":").first.map { $0.lowercased() } })

        func hits(_ item: String) -> [(String, String)] {
            // The first non-empty `:`-separated part (as `split(separator:).first`), by bytes and
            // before lower-casing the whole item: most items name a service the table never mentions.
            let colon = UInt8(ascii: ":")
            let svc = String(decoding: item.utf8.drop { $0 == colon }.prefix { $0 != colon }, as: UTF8.self).lowercased()
            if !svc.isEmpty, !Glob.hasWildcard(svc), !services.contains(svc) { return [] }
            let key = item.lowercased()
            lock.lock(); if let h = store[key] { lock.unlock(); return h }; lock.unlock()
            let h = ActionCatalog.shared.expand(item).compactMap { info in RiskCatalog.applicationUse(of: info).map { (info.fullName, $0) } }
            lock.lock(); store[key] = h; lock.unlock()
            return h
        }
    }

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard role.isExecutionRole else { return [] }
        var out: [RoleFinding] = []
        let index = role.index
        // The services of this role the table mentions, decided once per role instead of hashing
        // every item's service: `Memo.hits` returns nothing for an item whose service part is a
        // plain name outside `Memo.services`, which is what its non-empty `ActionKey` is.
        let appKeys = index.serviceKeys.filter { memo.services.contains($0) }
        for st in index.statements where st.isAllow {
            guard let a = st.statement.action, !a.negated else { continue }
            for (i, item) in a.items.enumerated() where item.value != "*" {
                if let key = st.actionKeys[i], !key.isEmpty, !appKeys.contains(key) { continue }
                let hits = memo.hits(item.value)
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
}
