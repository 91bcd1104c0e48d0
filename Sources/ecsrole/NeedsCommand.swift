import ArgumentParser
import ExecRoleKit
import Foundation
import IAMKit

/// `ecsrole needs TASKDEF`: the calls the ECS agent makes with the execution role, and what causes each.
struct NeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needs",
        abstract: "List the calls the ECS agent makes with the execution role for a task definition.",
        discussion: "Each call names the container and field that causes it. Exit codes: 0 ok, 2 bad input."
    )

    @Argument(help: "Task definition JSON ('-' reads stdin).")
    var taskdef: String
    @OptionGroup var target: TaskContextOptions
    var account: String? { target.account }
    var region: String? { target.region }
    var partition: String? { target.partition }
    var kmsKeys: [String] { target.kmsKeys }
    @Option(name: .long, help: "text or json.")
    var format: String = "text"

    func run() throws {
        try CLI.run {
            let fmt = try OutputFormat.parse(format)
            try TaskdefInput.check(account: account)
            let (spec, _) = try TaskdefInput.spec(path: taskdef, account: account, region: region, partition: partition, kmsKeys: kmsKeys)
            let calls = AgentCalls.build(spec)
            switch fmt {
            case .json:
                let items: [JSON] = calls.map { c in
                    let r = c.requirement
                    var m: [(String, JSON)] = [
                        ("action", .string(r.action)), ("resource", .string(r.resource)),
                        ("request", .string(c.request.resource)), ("purpose", .string(r.purpose.rawValue)), ("cause", .string(r.cause)),
                        ("container", r.origin?.container.map { .string($0) } ?? .null),
                        ("field", r.origin.map { .string($0.field) } ?? .null),
                        ("pointer", r.origin?.pointer.map { .string($0) } ?? .null),
                    ]
                    if !r.context.isEmpty { m.append(("context", .obj(r.context.sorted { $0.key < $1.key }.map { ($0.key, JSON.string($0.value)) }))) }
                    return .obj(m)
                }
                print(JSONWriter.pretty(.obj([("role", .string(spec.name)), ("calls", .array(items))])), terminator: "")
            case .text:
                print("The ECS agent calls \(calls.count) action\(calls.count == 1 ? "" : "s") with the execution role \(spec.name):")
                for c in calls {
                    let r = c.requirement
                    print("  \(r.action)  \(r.resource)")
                    print("      why: \(r.cause)" + (r.origin.map { " — \($0.text)" } ?? ""))
                    if let via = r.context["kms:ViaService"] { print("      context: kms:ViaService=\(via)") }
                    if c.request.resource != r.resource { print("      request names: \(c.request.resource)") }
                }
                if calls.isEmpty { print("  (none: no private ECR image, awslogs, secret, parameter or S3 file)") }
            }
            return 0
        }
    }
}
