import App
import ArgumentParser
import AWSKit
import ExecRoleKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `ecsrole inventory`: reads the live account's metadata (never secret values) into the inventory JSON
/// that `--inventory FILE` and the wizard read. Format: docs/inventory-format.md.
struct InventoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Read repositories, log groups, secrets, parameters, KMS keys, roles and task-definition families (metadata only) from AWS.",
        discussion: """
        Credentials and region are found as the AWS CLI finds them (environment, AWS_PROFILE, ~/.aws/credentials, \
        ~/.aws/config with role_arn/source_profile or credential_process). AWS_ENDPOINT_URL and \
        AWS_ENDPOINT_URL_<SERVICE> are honoured. Services that cannot be read are listed in "errors" and \
        reported as warnings; the rest is still written.
        """
    )

    @Option(name: .long, help: "Write the inventory JSON to FILE (atomically) instead of stdout.")
    var out: String?

    @Option(name: .long, help: "AWS profile (overrides AWS_PROFILE and the environment's keys).")
    var profile: String?

    @Option(name: .long, help: "AWS region (overrides AWS_REGION, AWS_DEFAULT_REGION and the profile's region).")
    var region: String?

    func run() async throws {
        let inventory: Inventory
        do {
            let client = try await AWSClient.resolve(profile: profile, region: region)
            inventory = try await InventoryLoader(client: client).load()
        } catch let e as CredentialsError {
            Self.fail("\(e)")
        } catch let e as AWSError {
            Self.fail("\(e)")
        }
        for error in inventory.errors {
            // AWSError messages already start with `service:Operation`; don't say the service twice.
            let line = error.message.hasPrefix(error.service) ? error.message : "\(error.service): \(error.message)"
            Self.stderr("warning: \(line)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(inventory)
        data.append(0x0A)
        if let out {
            let url = URL(fileURLWithPath: out)
            let dir = url.deletingLastPathComponent().path
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                Self.fail("cannot write \(out): directory \(dir) does not exist")
            }
            // The same all-or-nothing writer as `generate`: a temporary in the directory, then rename.
            do {
                try FileSetWriter.write([.init(name: url.lastPathComponent, contents: String(decoding: data, as: UTF8.self))], to: dir, overwrite: true)
            } catch {
                Self.fail("cannot write \(out): \(error.description)")
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// One line on stderr, exit status 2 (credential and usage problems the user must fix).
    static func fail(_ message: String) -> Never {
        stderr("ecsrole: error: \(message)")
        InventoryCommand.exit(withError: ExitCode(2))
    }

    static func stderr(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
