import IAMKit

/// Runs every rule on a role and returns findings pinned to documents, lines and columns.
///
/// The lint command, review mode and the wizard's live findings pane all call `run`; docs and
/// `explain` read `allRules`.
public enum LintEngine {
    /// Every rule's description (generic IAM rules, then role rules), in id order within each group.
    public static var allRules: [RuleDescription] {
        PolicyRules.all.map { $0.description } + RoleRules.all.map { $0.description }
    }

    /// The rule with this slug or id (case-insensitive).
    public static func rule(_ slugOrID: String) -> RuleDescription? {
        let k = slugOrID.lowercased()
        return allRules.first { $0.slug == k || $0.id.lowercased() == k }
    }

    /// Lints a role.
    /// - Parameters:
    ///   - only: rule ids or slugs to run (nil: all).
    ///   - ignore: rule ids or slugs to skip.
    /// - Returns: findings with `position` and `document` set, sorted by document then position.
    public static func run(_ role: RoleUnderReview, only: Set<String>? = nil, ignore: Set<String> = []) -> [Finding] {
        run(role, rules: RuleSelection(only: only, ignore: ignore))
    }

    /// Lints a role with rules chosen once for a whole run (`lint` of many files).
    /// - Returns: findings with `position` and `document` set, sorted by document then position.
    public static func run(_ role: RoleUnderReview, rules: RuleSelection) -> [Finding] {
        var hits: [RoleFinding] = []
        for (i, src) in role.identityPolicies.enumerated() {
            let ctx = PolicyContext(name: src.name, document: src.document, managedARN: src.managedARN)
            for rule in rules.policyRules(for: src.policy.kind) {
                for f in rule.check(policy: src.policy, context: ctx) { hits.append(RoleFinding(f, in: .identity(i))) }
            }
        }
        if let trust = role.trustPolicy {
            let ctx = PolicyContext(name: trust.name, document: trust.document, managedARN: nil)
            for rule in rules.policyRules(for: trust.policy.kind) {
                for f in rule.check(policy: trust.policy, context: ctx) { hits.append(RoleFinding(f, in: .trust)) }
            }
        }
        var superseding: Set<SupersedeKey> = []
        // The slugs some finding supersedes: only hits with one of these can be removed, so the
        // others skip `statementKey` and the set lookup.
        var supersededSlugs: Set<String> = []
        for rule in rules.roleRules {
            let found = rule.check(role)
            if !found.isEmpty && !rule.supersedes.isEmpty {
                supersededSlugs.formUnion(rule.supersedes)
                for f in found {
                    for s in rule.supersedes { superseding.insert(key(f.document, statementKey(f.finding.pointer), s)) }
                }
            }
            hits += found
        }
        if !superseding.isEmpty {
            hits.removeAll {
                supersededSlugs.contains($0.finding.slug) && superseding.contains(key($0.document, statementKey($0.finding.pointer), $0.finding.slug))
            }
        }
        // Documents and positions are set in place: copying every finding into a new array (and
        // every PolicySource out of the role to ask it for a position) showed in the profile.
        var orders: [Int] = []
        orders.reserveCapacity(hits.count)
        // Each policy's name and document read once, not a `PolicySource` copied out of the role per finding.
        let names = role.identityPolicies.map(\.name)
        let documents = role.identityPolicies.map(\.document)
        // The document of the last identity policy asked, bound once: subscripting `documents` per
        // finding copied the document (its root node and duplicate keys) each time.
        var boundIndex = -1
        var bound: JSONDocument?
        for k in hits.indices {
            switch hits[k].document {
            case .identity(let i):
                hits[k].finding.document = names[i]
                if i != boundIndex {
                    precondition(documents.indices.contains(i), "a finding in a policy the role does not have")
                    bound = documents[i]; boundIndex = i
                }
                hits[k].finding.position = bound?.position(of: hits[k].finding.pointer)
                orders.append(i)
            case .trust:
                hits[k].finding.document = "trust"
                hits[k].finding.position = role.trustPolicy?.position(of: hits[k].finding.pointer)
                orders.append(role.identityPolicies.count)
            case .taskDefinition:
                hits[k].finding.document = "taskdef"
                hits[k].finding.position = role.taskDefinition?.position(of: hits[k].finding.pointer)
                orders.append(role.identityPolicies.count + 1)
            case .role:
                hits[k].finding.document = role.name ?? "role"
                orders.append(role.identityPolicies.count + 2)
                // Role-wide pointers (ManagedPolicyArns in a template) refer to the file the role's
                // policies were read from, when there is one.
                let pointer = hits[k].finding.pointer
                if !pointer.isEmpty {
                    let docs = ([role.trustPolicy] + role.identityPolicies.map { Optional($0) }).compactMap { $0?.document }
                    hits[k].finding.position = docs.first { $0.root.node(at: pointer) != nil }?.position(of: pointer)
                }
            }
        }
        return FindingOrder.arrange(hits, orders: orders)
    }

    /// A statement's rule, superseded. A struct, not interpolated text: `"\(document)"` goes through
    /// reflection, which was a few percent of linting the managed-policy corpus.
    struct SupersedeKey: Hashable {
        var document: RoleDocument
        var statement: String
        var slug: String
    }

    static func key(_ d: RoleDocument, _ statement: String, _ slug: String) -> SupersedeKey {
        SupersedeKey(document: d, statement: statement, slug: slug)
    }

    /// The pointer of the statement a pointer lies in (`…/Statement/3`), or the pointer itself.
    static func statementKey(_ pointer: String) -> String {
        // On UTF-8 bytes: Foundation's backwards `range(of:)` ran for every finding.
        let marker = "/Statement"
        let (b, found) = PointerSearch.last(marker, in: pointer)
        guard let at = found else { return pointer }
        let end = at + marker.utf8.count
        let head = String(decoding: b[..<end], as: UTF8.self)
        guard end < b.count, b[end] == UInt8(ascii: "/") else { return head }
        var stop = end + 1
        while stop < b.count && b[stop] != UInt8(ascii: "/") { stop += 1 }
        let token = String(decoding: b[(end + 1)..<stop], as: UTF8.self)
        return Int(token) != nil ? head + "/" + token : head
    }
}
