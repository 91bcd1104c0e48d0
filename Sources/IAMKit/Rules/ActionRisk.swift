/// Each catalog action's risk hits (`PatternFacts.RiskHits`), computed once per service.
///
/// `*` and `svc:*` patterns ask about thousands of actions; answering per service with an array by
/// action position replaces a per-action cache keyed by two strings, and `RiskCatalog
/// .mayHaveCategories` skips the table lookups for most actions. Tables are found by the service's
/// catalog slot (`ActionInfo.id`), not its prefix: hashing the prefix for every plain action name of
/// every broad statement was most of the risk scan's lookups.
enum ActionRisk {
    private static let tables = OnceSlots<[PatternFacts.RiskHits]>(count: 0)

    /// The hits of every action of `action`'s service, by position (each service's computed once).
    static func table(of action: ActionInfo) -> [PatternFacts.RiskHits] {
        tables.value(Int(action.id >> 16)) {
            guard let service = RuleSupport.catalog.service(action.service) else { return [] }
            let risk = RiskCatalog.serviceRisk(service.prefix)
            return service.actions.map { RiskCatalog.mayHaveCategories($0, risk) ? compute($0) : .none }
        } ?? []
    }

    /// The hits of one catalog action.
    static func hits(_ action: ActionInfo) -> PatternFacts.RiskHits {
        let t = table(of: action)
        let i = Int(action.position)
        return i < t.count ? t[i] : compute(action)
    }

    /// A one-service memo for walks over many actions (consecutive actions share a service).
    struct Table {
        private var slot: Int32 = -1
        private var rows: [PatternFacts.RiskHits] = []

        mutating func hits(_ action: ActionInfo) -> PatternFacts.RiskHits {
            nonEmptyHits(action) ?? .none
        }

        /// `hits(action)` unless it is empty (most actions): an empty answer is told from the
        /// table's row in place, without copying it (two reference counts per action).
        mutating func nonEmptyHits(_ action: ActionInfo) -> PatternFacts.RiskHits? {
            if action.id >> 16 != slot {
                slot = action.id >> 16
                rows = ActionRisk.table(of: action)
            }
            let i = Int(action.position)
            if i < rows.count { return rows[i].isEmpty ? nil : rows[i] }
            let computed = ActionRisk.compute(action)
            return computed.isEmpty ? nil : computed
        }
    }

    static func compute(_ a: ActionInfo) -> PatternFacts.RiskHits {
        guard RiskCatalog.mayHaveCategories(a) else { return .none }
        let reasons = RiskCatalog.reasons(for: a)
        guard reasons.contains(where: { $0 != nil }) else { return .none }
        let name = a.fullName
        // The agent's `*`-only actions cannot be scoped: the risk rules never report them.
        if ExecutionRoleActions.entry(for: name)?.requiresStarResource == true { return .none }
        var out: [[PatternFacts.RiskHit]] = Array(repeating: [], count: RiskCategory.allCases.count)
        for (category, reason) in zip(RiskCategory.allCases, reasons) {
            guard let why = reason else { continue }
            var combos: [EscalationPath] = []
            if category == .privilegeEscalation {
                let paths = RiskCatalog.escalationPaths(involving: a)
                if !paths.contains(where: { $0.actions.count == 1 }) { combos = paths }
            }
            out[category.index].append(PatternFacts.RiskHit(fullName: name, why: why, comboPaths: combos))
        }
        var hits = PatternFacts.RiskHits(byCategory: out)
        hits.fullName = name
        return hits
    }
}
