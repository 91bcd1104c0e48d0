import IAMKit

/// One entry point for "explain X": actions, finding slugs and glossary terms.
public enum Explainer {
    /// Finding slugs are explained by the rule engine; it registers itself here so this module's
    /// explain path does not depend on where rules live.
    nonisolated(unsafe) public static var ruleText: (String) -> String? = { _ in nil }

    /// The explanation, or nil.
    public static func text(for query: String) -> String? {
        if query.contains(":") || query.contains("*") {
            if let t = ActionExplainer.text(query) { return t }
        }
        if let t = ruleText(query) { return t }
        if let t = Glossary.lookup(query) { return "\(query)\n  \(t)\n" }
        return nil
    }

    /// Close matches for an unknown query.
    public static func suggestions(for query: String) -> [String] {
        if query.contains(":") { return ActionCatalog.shared.suggestions(for: query) }
        return Glossary.terms.keys.filter { $0.contains(query.lowercased()) || query.lowercased().contains($0) }.sorted()
    }
}
