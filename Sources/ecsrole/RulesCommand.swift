import ArgumentParser
import ExecRoleKit

/// `ecsrole rules`: the rule table, or the Markdown reference (docs/rules.md).
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the lint rules (id, slug, severity, title).",
        discussion: "With --markdown, print the full reference: rationale, fix and examples of every rule."
    )

    @Flag(name: .long, help: "Print the Markdown reference instead of the table.")
    var markdown = false

    func run() throws {
        print(markdown ? RuleExplainer.markdown() : RuleExplainer.table(), terminator: "")
    }
}
