import ArgumentParser
import ExecRoleKit
import Foundation
import IAMKit

/// `ecsrole simulate`: evaluates policies for the agent's calls of a task definition, or for one request.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Predict whether a role allows a request, or whether a task would start with it.",
        discussion: """
        --policy takes policy documents or an `aws iam get-account-authorization-details` bundle (with --role).
        Exit codes: 0 allowed / task would start, 1 denied / task would not start, 2 bad input.
        """
    )

    @Option(name: .long, help: "Identity policy JSON or authorization-details bundle (repeatable).")
    var policy: [String] = []
    @Option(name: .long, help: "Permissions boundary policy JSON.")
    var boundary: String?
    @Option(name: .long, help: "Role name inside a bundle; without --policy, the role is read live from IAM.")
    var role: String?
    @Option(name: .long, help: "AWS profile for a live --role.")
    var profile: String?
    @Option(name: .long, help: "Task definition JSON: simulate every call the ECS agent makes.")
    var taskdef: String?
    @Option(name: .long, help: "Action of a single request (with --resource).")
    var action: String?
    @Option(name: .long, help: "Resource ARN of a single request ('*' for actions without resource-level permissions).")
    var resource: String?
    @Option(name: .long, help: "Request context KEY=VALUE (repeat a key for a multi-valued key).")
    var context: [String] = []
    @Option(name: .customLong("via-vpc-endpoint"), help: "The task reaches AWS through this VPC endpoint: vpce-ID (every service) or SERVICE=vpce-ID (repeatable).")
    var viaVpcEndpoint: [String] = []
    @OptionGroup var target: TaskContextOptions
    var account: String? { target.account }
    var region: String? { target.region }
    var partition: String? { target.partition }
    var kmsKeys: [String] { target.kmsKeys }
    @Option(name: .customLong("current-time"), help: "aws:CurrentTime of the simulated requests (ISO 8601).")
    var currentTime: String?
    @Option(name: .long, help: "text or json.")
    var format: String = "text"

    func run() async throws {
        try await CLI.run {
            let fmt = try OutputFormat.parse(format)
            try TaskdefInput.check(account: account)
            let input: PolicyInput
            if policy.isEmpty, let role {
                let text = try await LiveRole.bundleText(role: role, profile: profile, region: region)
                input = try PolicyInput.load(liveBundle: text, label: LiveRole.label(role), role: role, boundary: boundary)
            } else {
                guard !policy.isEmpty else { throw CLIFailure("pass at least one --policy FILE (or --role NAME to read the role live)") }
                input = try PolicyInput.load(policies: policy, boundary: boundary, role: role)
            }
            switch (taskdef, action, resource) {
            case (let td?, nil, nil):
                return try simulateTask(td, input: input, fmt: fmt)
            case (nil, let a?, let r?):
                return try simulateRequest(a, r, input: input, fmt: fmt)
            case (nil, _, _):
                throw CLIFailure("pass --taskdef FILE, or --action ACTION with --resource ARN")
            default:
                throw CLIFailure("pass either --taskdef or --action/--resource, not both")
            }
        }
    }

    func parsedContext() throws -> RequestContext {
        var ctx = RequestContext()
        for c in context {
            guard let eq = c.firstIndex(of: "="), eq != c.startIndex else { throw CLIFailure("--context \"\(c)\": expected KEY=VALUE") }
            ctx.add(String(c[..<eq]), String(c[c.index(after: eq)...]))
        }
        return ctx
    }

    func simulateRequest(_ a: String, _ r: String, input: PolicyInput, fmt: OutputFormat) throws -> Int32 {
        guard a.contains(":") || a == "*" else { throw CLIFailure("--action \"\(a)\": expected service:Action") }
        let req = EvaluationRequest(action: a, resource: r, context: try parsedContext())
        let result = PolicyEvaluator.evaluate(req, identity: input.identity, boundary: input.boundary)
        switch fmt {
        case .json:
            print(JSONWriter.pretty(.obj([("results", .array([resultJSON(result, input: input, extra: [])])), ("taskWouldStart", .null)])), terminator: "")
        case .text:
            printResult(result, input: input, label: nil)
            printNonMatching(result, input: input)
        }
        return result.isAllowed ? 0 : 1
    }

    func simulateTask(_ path: String, input: PolicyInput, fmt: OutputFormat) throws -> Int32 {
        let network: AgentNetwork
        do { network = try AgentNetwork.parse(viaVpcEndpoint) } catch { throw CLIFailure(error.message) }
        var (spec, _) = try TaskdefInput.spec(path: path, account: account, region: region, partition: partition, kmsKeys: kmsKeys, name: input.roleName)
        if let arn = input.roleARN.flatMap(ARN.init), spec.account == nil { spec.account = arn.account }
        let sim = TaskSimulation.run(spec, identity: input.identity, boundary: input.boundary, network: network,
                                     currentTime: currentTime ?? Self.now())
        let denied = sim.firstDenied
        let trust = input.trust.map { TrustCheck.evaluate($0, name: "trust policy of \(input.roleName ?? spec.name)", spec: spec) }
        let starts = sim.wouldStart && trust?.allowed != false
        switch fmt {
        case .json:
            var top: [(String, JSON)] = [
                ("results", .array(sim.calls.map { c in
                    resultJSON(c.result, input: input, extra: [
                        ("container", c.call.requirement.origin?.container.map { .string($0) } ?? .null),
                        ("field", c.call.requirement.origin.map { .string($0.field) } ?? .null),
                    ])
                })),
                ("taskWouldStart", .bool(starts)),
            ]
            if let trust {
                var t: [(String, JSON)] = [("allowed", .bool(trust.allowed)), ("reason", .string(trust.reason))]
                if !trust.allowed { t.append(("error", .string(TrustCheck.failureMessage(roleARN: input.roleARN ?? AgentCalls.roleARN(spec))))) }
                top.append(("trust", .obj(t)))
            }
            if let denied {
                var f: [(String, JSON)] = [("action", .string(denied.call.request.action)), ("resource", .string(denied.call.request.resource)),
                                           ("error", .string(TaskSimulation.failureMessage(for: denied, spec: spec)))]
                let fixes = sim.fixStatements
                f.append(("fix", denied.result.decision == .explicitDeny ? .null : fixes.first ?? .null))
                top.append(("firstFailure", .obj(f)))
                top.append(("fixes", .array(fixes)))
            }
            if !sim.notes.isEmpty { top.append(("notes", .array(sim.notes.map { .string($0) }))) }
            print(JSONWriter.pretty(.obj(top)), terminator: "")
        case .text:
            if let trust {
                print("\(trust.allowed ? "ALLOWED " : "DENIED  ") sts:AssumeRole by ecs-tasks.amazonaws.com  [trust policy]\n         \(trust.reason)")
                if !trust.allowed { print("ECS would report:\n  \(TrustCheck.failureMessage(roleARN: input.roleARN ?? AgentCalls.roleARN(spec)))") }
            }
            for c in sim.calls { printResult(c.result, input: input, label: c.call.requirement.origin?.text) }
            print("")
            if let denied {
                print("Task would NOT start: \(sim.calls.filter { !$0.allowed }.count) of \(sim.calls.count) calls denied.")
                print("ECS would report:\n  \(TaskSimulation.failureMessage(for: denied, spec: spec))")
                print("Why: \(denied.result.reason)")
                if denied.result.decision == .explicitDeny {
                    print("Fix: an explicit Deny refuses it; adding an Allow will not help. Narrow or remove: " +
                          denied.result.deciding.map { input.location($0) ?? $0.description }.joined(separator: ", "))
                }
                let fixes = sim.fixStatements
                if !fixes.isEmpty {
                    print(fixes.count == 1 ? "Add this statement to the role's policy:" : "Add these statements to the role's policy:")
                    print(JSONWriter.pretty(fixes.count == 1 ? fixes[0] : .array(fixes)), terminator: "")
                }
            } else if starts {
                print("Task would start: all \(sim.calls.count) calls allowed.")
            } else {
                print("Task would NOT start: ECS cannot assume the role (trust policy), although all \(sim.calls.count) calls are allowed.")
            }
            for n in sim.notes { print("Note: \(n)") }
        }
        return starts ? 0 : 1
    }

    func resultJSON(_ r: EvaluationResult, input: PolicyInput, extra: [(String, JSON)]) -> JSON {
        .obj([("action", .string(r.request.action)), ("resource", .string(r.request.resource)), ("decision", .string(r.decision.rawValue)),
              ("matched", .array(r.deciding.map(input.json))), ("reason", .string(r.reason))] + extra)
    }

    func printResult(_ r: EvaluationResult, input: PolicyInput, label: String?) {
        let tag: String
        switch r.decision {
        case .allowed: tag = "ALLOWED "
        case .implicitDeny: tag = "DENIED  "
        case .explicitDeny: tag = "DENIED! "
        }
        print("\(tag) \(r.request.action) on \(r.request.resource)" + (label.map { "  [\($0)]" } ?? ""))
        if r.isAllowed || r.decision == .explicitDeny {
            print("         by " + r.deciding.map { ref in ref.description + (input.location(ref).map { " (\($0))" } ?? "") }.joined(separator: ", "))
        } else {
            print("         \(r.reason)")
        }
    }

    func printNonMatching(_ r: EvaluationResult, input: PolicyInput) {
        let others = r.statements.filter { !$0.applies }
        guard !others.isEmpty else { return }
        print("Statements that did not apply:")
        for o in others { print("  \(o.ref)\(input.location(o.ref).map { " (\($0))" } ?? ""): \(o.match.text)") }
    }

    static func now() -> String {
        let f = ISO8601DateFormatter()
        return f.string(from: Date())
    }
}
