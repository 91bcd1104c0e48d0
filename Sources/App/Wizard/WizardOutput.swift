import ExecRoleKit

/// The files the current choices produce, and which lines changed with the last change.
public struct WizardOutput: Sendable {
    /// Every output document, in the preview's Tab order: policy, trust, then the chosen formats.
    public var files: [RoleOutput.File] = []
    /// Lines (0-based) of each file that differ from the version before the last change.
    public var changedLines: [String: Set<Int>] = [:]
    /// Identity-policy characters as IAM counts them (whitespace excluded).
    public var policySize = 0
    /// The spec fails validation (e.g. no account): files are previews only.
    public var validationError: String?

    public init() {}

    /// IAM's policy size limits (characters, whitespace not counted).
    public static let managedLimit = 6_144
    public static let inlineLimit = 10_240

    /// Computes the output for `choices`, marking lines changed against `previous`.
    public static func make(_ choices: WizardState.Choices, previous: WizardOutput?) -> WizardOutput {
        var out = WizardOutput()
        // The preview always shows every format so Tab can cycle them; the chosen format decides what is written.
        out.files = RoleOutput.files(for: choices.spec, format: .all)
        do { try RoleOutput.validate(choices.spec) } catch { out.validationError = error.description }
        if let policy = out.files.first(where: { $0.name == OutputNames.policyFile }) {
            out.policySize = policy.contents.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
        }
        if let previous {
            for f in out.files {
                guard let old = previous.files.first(where: { $0.name == f.name }), old.contents != f.contents else { continue }
                out.changedLines[f.name] = changed(old: old.contents, new: f.contents)
            }
        }
        return out
    }

    /// Lines of `new` not matched in `old` (by an LCS alignment, so moved-down lines stay unmarked).
    public static func changed(old: String, new: String) -> Set<Int> {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = LineDiff.lcsPairs(a.map(String.init), b.map(String.init)).map(\.1)
        return Set(b.indices).subtracting(kept)
    }

    /// The files `choices.format` writes, as writer items.
    public static func items(for choices: WizardState.Choices) -> [FileSetWriter.Item] {
        RoleOutput.files(for: choices.spec, format: choices.format).map { FileSetWriter.Item(name: $0.name, contents: $0.contents, executable: $0.executable) }
    }
}

/// A small line diff for previews (files are a few hundred lines at most).
public enum LineDiff {
    /// One line of a unified-style diff.
    public enum Line: Equatable, Sendable { case same(String), added(String), removed(String) }

    /// Index pairs (old, new) of a longest common subsequence of lines.
    public static func lcsPairs(_ a: [String], _ b: [String]) -> [(Int, Int)] {
        let n = a.count, m = b.count
        guard n > 0, m > 0, n * m <= 4_000_000 else { return [] }
        var dp = [Int](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                dp[i * (m + 1) + j] = a[i] == b[j] ? dp[(i + 1) * (m + 1) + j + 1] + 1 : max(dp[(i + 1) * (m + 1) + j], dp[i * (m + 1) + j + 1])
            }
        }
        var i = 0, j = 0, out: [(Int, Int)] = []
        while i < n, j < m {
            if a[i] == b[j] { out.append((i, j)); i += 1; j += 1 }
            else if dp[(i + 1) * (m + 1) + j] >= dp[i * (m + 1) + j + 1] { i += 1 } else { j += 1 }
        }
        return out
    }

    /// The diff from `old` to `new`.
    public static func diff(old: String, new: String) -> [Line] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [Line] = []
        var i = 0, j = 0
        for (pi, pj) in lcsPairs(a, b) {
            while i < pi { out.append(.removed(a[i])); i += 1 }
            while j < pj { out.append(.added(b[j])); j += 1 }
            out.append(.same(a[pi])); i = pi + 1; j = pj + 1
        }
        while i < a.count { out.append(.removed(a[i])); i += 1 }
        while j < b.count { out.append(.added(b[j])); j += 1 }
        return out
    }
}
