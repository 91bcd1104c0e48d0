import Foundation

/// The JSON fixtures of the role and CLI tests (policies, bundles, templates, task definitions):
/// varied real documents for the JSON tests, read from the sibling test targets' folders.
enum RoleFixtureDocuments {
    /// Each `.json` file's path below its fixture folder and its text.
    static func all() throws -> [(name: String, text: String)] {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        var out: [(name: String, text: String)] = []
        for sub in ["ExecRoleKitTests/Fixtures", "CLITests/Fixtures"] {
            let base = tests.appendingPathComponent(sub)
            guard let walk = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let rel as String in walk where rel.hasSuffix(".json") {
                out.append((rel, try String(contentsOf: base.appendingPathComponent(rel), encoding: .utf8)))
            }
        }
        return out
    }
}
