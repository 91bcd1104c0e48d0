import IAMKit

/// One entry point for "explain X": actions, finding slugs and glossary terms.
public enum Explainer {
    /// The explanation, or nil.
    public static func text(for query: String) -> String? {
        if query.contains(":") || query.contains("*") {
            if let t = ActionExplainer.text(query) { return t }
        }
        if let t = RuleExplainer.text(slug: query) { return t }
        if let t = Glossary.lookup(query) { return "\(query)\n  \(t)\n" }
        return nil
    }

    /// Close matches for an unknown query.
    public static func suggestions(for query: String) -> [String] {
        if query.contains(":") { return ActionCatalog.shared.suggestions(for: query) }
        let slugs = LintEngine.allRules.map(\.slug).filter { $0.contains(query.lowercased()) }
        return slugs + Glossary.terms.keys.filter { $0.contains(query.lowercased()) || query.lowercased().contains($0) }.sorted()
    }
}
