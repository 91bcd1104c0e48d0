import App
import ArgumentParser
import AWSKit
import ExecRoleKit
import Foundation
import IAMKit

/// `ecsrole generate`: task definition or spec → least-privilege role files.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write the least-privilege execution role for a task definition or a saved spec.",
        discussion: """
        Writes execution-role-policy.json, trust-policy.json, main.tf, template.yaml, create-role.sh,
        taskdef-fragment.json and ecsrole.json (the spec that reproduces them) into --out.
        Exit codes: 0 ok, 1 drift (with --check), 2 bad input or usage.
        """
    )

    @Option(name: .long, help: "Task definition JSON (any shape: register input, describe output, container array). '-' reads stdin.")
    var taskdef: String?
    @Option(name: .long, help: "A saved ecsrole.json spec.")
    var spec: String?
    @Option(name: .customLong("task-definition"), help: "Fetch the task definition live from ECS: FAMILY, FAMILY:REVISION or ARN (uses AWS credentials like the AWS CLI).")
    var taskDefinition: String?
    @Option(name: .long, help: "AWS profile for --task-definition.")
    var profile: String?
    @OptionGroup var target: TaskContextOptions
    var account: String? { target.account }
    var region: String? { target.region }
    var partition: String? { target.partition }
    var kmsKeys: [String] { target.kmsKeys }
    @Option(name: .long, help: "Role name.")
    var name: String?
    @Option(name: .customLong("pull-through-prefix"), help: "Repository namespace that is a pull-through cache (repeatable).")
    var pullThroughPrefixes: [String] = []
    @Flag(name: .customLong("guardduty"), help: "The task runs the GuardDuty runtime-monitoring sidecar.")
    var guardDuty = false
    @Option(name: .long, help: "Output directory, or '-' to print the policy to stdout.")
    var out: String
    @Option(name: .long, help: "all, json, terraform, cloudformation or cli.")
    var format: String = "all"
    @Flag(name: .long, help: "Overwrite existing files.")
    var force = false
    @Flag(name: .long, help: "Write nothing; exit 1 when --out differs from what would be written.")
    var check = false

    func run() async throws {
        try await CLI.run {
            guard let fmt = RoleOutput.Format(rawValue: format) else {
                throw CLIFailure("--format must be one of: \(RoleOutput.Format.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var live: String?
            if let ref = taskDefinition {
                guard taskdef == nil && spec == nil else { throw CLIFailure("pass only one of --taskdef, --spec, --task-definition") }
                let client = try await AWSClient.resolve(profile: profile, region: region)
                live = String(decoding: try await TaskDefinitionFetcher(client: client).fetch(ref), as: UTF8.self)
            }
            let (spec, notes) = try loadSpec(liveTaskDefinition: live)
            for n in notes { CLI.eprint("ecsrole: warning: \(taskdef ?? "input"):\(n.position.map { "\($0.line):\($0.column):" } ?? "") \(n.message)") }
            try RoleOutput.validate(spec)
            let files = RoleOutput.files(for: spec, format: fmt)
            if out == "-" {
                print(files.first { $0.name == OutputNames.policyFile }?.contents ?? JSONWriter.pretty(PolicyGenerator.identityPolicy(spec)), terminator: "")
                return 0
            }
            let items = files.map { FileSetWriter.Item(name: $0.name, contents: $0.contents, executable: $0.executable) }
            if check {
                let diff = FileSetWriter.differing(items, in: out)
                if diff.isEmpty { CLI.eprint("ecsrole: \(out) is up to date (\(items.count) files)"); return 0 }
                CLI.eprint("ecsrole: \(out) differs from the generated role: \(diff.joined(separator: ", "))")
                return 1
            }
            do { try FileSetWriter.write(items, to: out, overwrite: force) } catch let e as FileSetWriter.WriteError { throw CLIFailure(e.description) }
            CLI.eprint("ecsrole: wrote \(items.count) files to \(out): \(items.map(\.name).joined(separator: ", "))")
            return 0
        }
    }

    func loadSpec(liveTaskDefinition: String? = nil) throws -> (RoleSpec, [ImportNote]) {
        if let text = liveTaskDefinition {
            return try specFromTaskDefinition(text, label: "ecs:task-definition/\(taskDefinition ?? "")")
        }
        switch (taskdef, spec) {
        case (nil, nil): throw CLIFailure("pass --taskdef FILE, --spec FILE or --task-definition FAMILY[:REV]")
        case (.some, .some): throw CLIFailure("pass either --taskdef or --spec, not both")
        case (let path?, nil):
            return try specFromTaskDefinition(try CLI.read(path), label: path)
        case (nil, let path?):
            let text = try CLI.read(path)
            var s: RoleSpec
            do { s = try SpecCoding.parse(text) } catch { throw CLIFailure(file: path, error) }
            // Flags override the spec, so one spec can serve several accounts.
            if let account { s.account = account }
            if let region { s.region = region }
            if let partition { s.partition = partition }
            if let name { s.name = name }
            if guardDuty { s.guardDutyAgent = true }
            for k in kmsKeys where !s.kmsKeys.contains(where: { $0.arn == k }) { s.kmsKeys.append(.init(arn: k, via: ["secretsmanager", "ssm"])) }
            return (s, [])
        }
    }

    func specFromTaskDefinition(_ text: String, label: String) throws -> (RoleSpec, [ImportNote]) {
        let td: TaskDefinition
        do { td = try TaskDefinitionImporter.parse(text) } catch { throw CLIFailure(file: label, error) }
        let ctx = SpecBuilder.Context(name: name, account: account, region: region, partition: partition,
                                      kmsKeys: kmsKeys, pullThroughPrefixes: pullThroughPrefixes, guardDutyAgent: guardDuty)
        do { return try SpecBuilder(context: ctx).build(td) } catch { throw CLIFailure(file: label, error) }
    }
}
