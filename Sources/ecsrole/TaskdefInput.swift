import ExecRoleKit
import Foundation
import IAMKit

/// `--taskdef FILE` plus the flags that fill what a task definition may not say.
struct TaskdefInput {
    /// Reads and builds the spec; input problems exit 2 with `file:line:column`.
    static func spec(path: String, account: String?, region: String?, partition: String?, kmsKeys: [String],
                     name: String? = nil) throws -> (RoleSpec, [ImportNote]) {
        let text = try CLI.read(path)
        let td: TaskDefinition
        do { td = try TaskDefinitionImporter.parse(text) } catch { throw CLIFailure(file: path, error) }
        let ctx = SpecBuilder.Context(name: name, account: account, region: region, partition: partition, kmsKeys: kmsKeys)
        let result: (RoleSpec, [ImportNote])
        do { result = try SpecBuilder(context: ctx).build(td) } catch { throw CLIFailure(file: path, error) }
        for n in result.1 {
            CLI.eprint("ecsrole: warning: \(path):\(n.position.map { "\($0.line):\($0.column):" } ?? "") \(n.message)")
        }
        return result
    }

    /// Validates `--account`.
    static func check(account: String?) throws {
        if let account, !AccountID.isValid(account) { throw CLIFailure("--account \"\(account)\" is not a 12-digit account id") }
    }
}

/// `--format text|json`.
enum OutputFormat: String {
    case text, json

    static func parse(_ s: String) throws -> OutputFormat {
        guard let f = OutputFormat(rawValue: s) else { throw CLIFailure("--format must be text or json, found \"\(s)\"") }
        return f
    }
}
