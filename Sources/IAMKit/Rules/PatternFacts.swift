/// Per-pattern answers the generic rules derive from an `Action` item's expansion, computed once per
/// process and shared by every statement and file that repeats the pattern.
///
/// The managed-policy corpus repeats patterns (`*`, `s3:*`, `ec2:Describe*`) hundreds of times; the
/// rules used to walk every expanded action (20,455 for `*`) per statement and per rule, building
/// `fullName` strings and hashing them. Here each walk happens once per pattern, and the rules then
/// look only at the few actions that matter. The findings are the same: every list keeps the
/// expansion's order.
enum PatternFacts {
    /// An action of a pattern's expansion that falls into a risk category.
    struct RiskHit: Sendable {
        let fullName: String
        /// `RiskCatalog.categories(for:)[category]`.
        let why: String
        /// Privilege escalation only: the action's methods when none of them needs it alone, so the
        /// policy must grant a method's other actions too (empty otherwise).
        let comboPaths: [EscalationPath]
    }

    /// The actions of a pattern in each risk category, in expansion order, without duplicates and
    /// without the `*`-only actions the ECS agent needs (they cannot be scoped; `RiskScan` never
    /// reports them). Indexed by `RiskCategory.index`.
    struct RiskHits: Sendable {
        let byCategory: [[RiskHit]]
        /// For one action's hits: its full name (empty otherwise).
        var fullName = ""
        /// No hit in any category (most patterns).
        let isEmpty: Bool

        init(byCategory: [[RiskHit]]) {
            self.byCategory = byCategory
            isEmpty = byCategory.allSatisfy { $0.isEmpty }
        }

        static let none = RiskHits(byCategory: Array(repeating: [], count: RiskCategory.allCases.count))
    }

    /// One walk of the expansion answers all five categories; each action's own hits come from
    /// `ActionRisk`, computed once per service. For patterns: a plain name is one
    /// `ActionRisk.hits` of its resolved action (`RiskScan` does that).
    static func risk(_ pattern: String) -> RiskHits {
        riskCache.value(pattern) {
            // `*` is walked without its array (`RuleSupport.forEachExpanded`); it has many actions.
            if pattern != "*" {
                let actions = RuleSupport.expand(pattern)
                if actions.count == 1 { return ActionRisk.hits(actions[0]) }
            }
            var out: [[RiskHit]] = Array(repeating: [], count: RiskCategory.allCases.count)
            // Actions are told apart by catalog id, not by hashing their full names: no two catalog
            // actions share a name (`CatalogLookupTests`), so the same ones are kept.
            var seen = Set<Int32>()
            var any = false
            var table = ActionRisk.Table()
            RuleSupport.forEachExpanded(pattern) { a in
                guard let own = table.nonEmptyHits(a), seen.insert(a.id).inserted else { return }
                for ci in own.byCategory.indices { out[ci].append(contentsOf: own.byCategory[ci]) }
                any = true
            }
            return any ? RiskHits(byCategory: out) : .none
        }
    }

    private static let riskCache = RuleCache<RiskHits, String>()

    /// What `wildcard-action` needs of a pattern: how many actions it grants, `RuleSupport.summary`
    /// of them, and how many of them are Write or Permissions-management actions with the first
    /// few names (a message names four; `*` has about 10,000).
    struct Breadth: Sendable {
        let count: Int
        let summary: String
        let riskyCount: Int
        let riskyFirst: [String]
    }

    static func breadth(_ pattern: String) -> Breadth {
        breadthCache.value(pattern) {
            // One walk counts the levels and the risky actions (`*` has 20,455 actions).
            var counts = [Int](repeating: 0, count: AccessLevel.allCases.count)
            var count = 0, riskyCount = 0
            var riskyFirst: [String] = []
            RuleSupport.forEachExpanded(pattern) { a in
                count += 1
                let level = a.accessLevel
                counts[RuleSupport.levelIndex(level)] += 1
                guard level == .write || level == .permissionsManagement else { return }
                riskyCount += 1
                if riskyFirst.count < 4 { riskyFirst.append(a.fullName) }
            }
            return Breadth(count: count, summary: RuleSupport.summary(levelCounts: counts), riskyCount: riskyCount,
                           riskyFirst: riskyFirst)
        }
    }

    private static let breadthCache = RuleCache<Breadth, String>()
}
