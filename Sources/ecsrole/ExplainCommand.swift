import ArgumentParser
import ExecRoleKit
import IAMKit

/// `ecsrole explain`: an action, a finding's slug, or a term.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain an IAM action (ecr:BatchGetImage, ecr:Get*), a finding slug (log-stream-arn) or a term (execution role).",
        discussion: "Exit codes: 0 explained, 2 unknown (with suggestions)."
    )

    @Argument(parsing: .remaining, help: "What to explain.")
    var words: [String] = []

    func run() throws {
        try CLI.run {
            let query = words.joined(separator: " ").trimmingCharacters(in: .whitespaces)
            guard !query.isEmpty else { throw CLIFailure("explain what? e.g. `ecsrole explain ecr:GetAuthorizationToken`, `ecsrole explain log-stream-arn`, `ecsrole explain execution role`") }
            if let text = Explainer.text(for: query) {
                print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
                return 0
            }
            var msg = "nothing known as \"\(query)\""
            let s = Explainer.suggestions(for: query)
            if !s.isEmpty { msg += "; did you mean: \(s.joined(separator: ", "))?" }
            throw CLIFailure(msg)
        }
    }
}
