import Foundation
import TestSupport

/// Fixture paths and output parsing for the CLI tests (the runner is TestSupport's `CommandRunner`).
enum CLIFixtures {
    /// A fixture path relative to the package root (as users would type it; `runEcsrole` runs there).
    static func path(_ name: String) -> String { "Tests/CLITests/Fixtures/" + name }

    /// Parses JSON output.
    static func json(_ s: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(s.utf8)) }
}
