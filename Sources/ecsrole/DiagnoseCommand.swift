import ArgumentParser
import ExecRoleKit
import Foundation
import IAMKit

/// `ecsrole diagnose "MESSAGE"`: explains an ECS stopped reason or AccessDenied message.
struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Explain an ECS task error or AccessDenied message: the role, the missing permission, the fix.",
        discussion: "Exit codes: 0 diagnosed, 1 not recognised, 2 bad input."
    )

    @Argument(help: "The error message, or '-' to read it from stdin.")
    var message: String
    @Option(name: .long, help: "text or json.")
    var format: String = "text"

    func run() throws {
        try CLI.run {
            let fmt = try OutputFormat.parse(format)
            let text = message == "-" ? try CLI.read("-") : message
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw CLIFailure("the message is empty") }
            let d = ErrorMessageParser.diagnose(text)
            switch fmt {
            case .json:
                func s(_ v: String?) -> JSON { v.map { .string($0) } ?? .null }
                print(JSONWriter.pretty(.obj([
                    ("recognised", .bool(d.recognised)), ("category", .string(d.category.rawValue)),
                    ("role", s(d.roleName)), ("roleArn", s(d.roleARN)), ("principal", s(d.principal)),
                    ("action", s(d.action)), ("actionInferred", .bool(d.actionInferred)), ("resource", s(d.resource)),
                    ("denial", s(d.denial?.rawValue)), ("networkProblem", s(d.networkProblem)),
                    ("explanation", .array(d.explanation.map { .string($0) })), ("fix", d.fix ?? .null),
                ])), terminator: "")
            case .text:
                print("Error: \(d.category == .unknown ? "not recognised" : d.category.rawValue)")
                for line in d.explanation { print("  - \(line)") }
                if let fix = d.fix {
                    print("Add to the role's policy" + (d.roleName.map { " (\($0))" } ?? "") + ":")
                    print(JSONWriter.pretty(fix), terminator: "")
                }
            }
            return d.recognised ? 0 : 1
        }
    }
}
