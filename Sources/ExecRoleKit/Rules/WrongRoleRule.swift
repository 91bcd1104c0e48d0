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
        /// `ActionKey.item` of each of `services` (a couple of dozen: a scan beats hashing).
        let serviceKeys: [UInt64]

        init() { serviceKeys = services.map { ActionKey.item($0) } }

        func hits(_ item: String) -> [(String, String)] {
            // The first non-empty `:`-separated part (as `split(separator:).first`), by bytes and
            // before lower-casing the whole item: most items name a service the table never mentions.
            let colon = UInt8(ascii: ":")
            let svc = String(decoding: item.utf8.drop { $0 == colon }.prefix { $0 != colon }, as: UTF8.self).lowercased()
            if !svc.isEmpty, !Glob.hasWildcard(svc), !services.contains(svc) { return [] }
            return expanded(item)
        }

        /// `hits` without the service test, for an item the caller already found may name one of
        /// `services` (the test only saves expanding; the answer is the same).
        func expanded(_ item: String) -> [(String, String)] {
            // Keyed by the item as written: the answer does not depend on case (the catalog and the
            // table match case-insensitively), and lower-casing every item cost more than the
            // rare second expansion of another spelling.
            lock.lock(); if let h = store[item] { lock.unlock(); return h }; lock.unlock()
            let h = ActionCatalog.shared.expand(item).compactMap { info in RiskCatalog.applicationUse(of: info).map { (info.fullName, $0) } }
            lock.lock(); store[item] = h; lock.unlock()
            return h
        }
    }

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard role.isExecutionRole else { return [] }
        var out: [RoleFinding] = []
        for st in role.index.statements where st.isAllow && st.hasPlainAction {
            for (i, item) in st.actionItems.enumerated() where item.value != "*" {
                // `Memo.hits` returns nothing for an item whose service part is a plain name
                // outside `Memo.services`; such an item has a key (ActionKey) that is not among the
                // services' keys, a test without building the service's name. (A key that merely
                // collides with theirs only costs a call to `hits`.)
                let key = st.actionKeys[i]
                if key != ActionKey.none && !memo.serviceKeys.contains(key) { continue }
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
}
