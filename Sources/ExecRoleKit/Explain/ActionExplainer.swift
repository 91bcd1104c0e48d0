import IAMKit

/// Plain-text explanation of an IAM action: access level, resource types and ARN formats,
/// condition keys; for execution-role actions, why the agent needs it and what a thief could do.
public enum ActionExplainer {
    /// The explanation, or nil when the catalog does not know the action (use `suggestions`).
    public static func text(_ name: String, catalog: ActionCatalog = .shared) -> String? {
        if name.contains("*") || name.contains("?") {
            let hits = catalog.expand(name)
            guard !hits.isEmpty else { return nil }
            var byLevel: [AccessLevel: Int] = [:]
            for a in hits { byLevel[a.accessLevel, default: 0] += 1 }
            var out = "\(name) expands to \(hits.count) action\(hits.count == 1 ? "" : "s"):\n"
            for (level, n) in byLevel.sorted(by: { $0.key.displayName < $1.key.displayName }) { out += "  \(level.displayName): \(n)\n" }
            out += "\n" + hits.prefix(40).map { "  \($0.fullName) (\($0.accessLevel.displayName))" }.joined(separator: "\n")
            if hits.count > 40 { out += "\n  … and \(hits.count - 40) more" }
            return out + "\n"
        }
        guard let a = catalog.action(name) else { return nil }
        var out = "\(a.fullName)\n  \(a.description)\n\n  Access level: \(a.accessLevel.displayName)\n"
        if a.resourceTypes.isEmpty {
            out += "  Resource types: none (no resource-level permissions: Resource must be \"*\")\n"
        } else {
            out += "  Resource types:\n"
            for r in a.resourceTypes {
                out += "    \(r.name)\(r.required ? " (required)" : ""): \(r.arnFormats.joined(separator: " | "))\n"
            }
        }
        if !a.conditionKeys.isEmpty { out += "  Condition keys: \(a.conditionKeys.joined(separator: ", "))\n" }
        if !a.dependentActions.isEmpty { out += "  Dependent actions: \(a.dependentActions.joined(separator: ", "))\n" }
        if let e = ExecutionRoleActions.entry(for: a.fullName) {
            out += "\n  On an ECS task execution role\n"
            out += "    Used for: \(e.feature)\n"
            out += "    Why the agent needs it: \(e.why)\n"
            out += "    Resource form: \(e.resourceForm)\n"
            out += "    If the role's credentials leak: \(e.thiefImpact)\n"
        }
        let risks = RiskCatalog.categories(for: a)
        if !risks.isEmpty {
            out += "\n  Risk categories:\n"
            for (cat, why) in risks.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { out += "    \(cat.title): \(why)\n" }
        }
        return out
    }
}
