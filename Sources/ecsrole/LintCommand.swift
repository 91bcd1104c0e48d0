import App
import ArgumentParser
import ExecRoleKit
import Foundation
import IAMKit

/// `ecsrole lint`: check policies, trust policies, bundles, templates, plans and task definitions.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check execution-role policies and task definitions for least-privilege problems.",
        discussion: """
        PATH may be a file or a directory (walked for *.json, *.yaml, *.yml, *.template; hidden \
        directories skipped). The kind of each file is detected unless --kind says.

        Exit codes: 0 nothing at or above --fail-on; 1 a finding at or above --fail-on; 2 usage \
        error or an unreadable input. 2 wins over 1: a run that could not read every input has not \
        checked everything. The other files are still linted and reported.
        """
    )

    // Optional here and checked in run(): a missing PATH is then exit 2 like every other usage error,
    // not ArgumentParser's 64.
    @Argument(help: "Files or directories to lint ('-' reads stdin).")
    var paths: [String] = []
    @Option(name: .long, help: "Task definition paired with the policies (enables task-need-denied).")
    var taskdef: String?
    @Option(name: .long, help: "Force the input kind: identity, trust, bundle, cloudformation, terraform or taskdef.")
    var kind: String?
    @Option(name: .long, help: "text, json or sarif.")
    var format: String = "text"
    @Option(name: .customLong("fail-on"), help: "Lowest severity that fails the run: info, low, medium, high or critical.")
    var failOn: String = "high"
    @Option(name: .long, help: "Only these rules (comma-separated slugs or ids).")
    var only: String?
    @Option(name: .long, help: "Skip these rules (comma-separated slugs or ids).")
    var ignore: String?
    @Option(name: .long, help: "Lint this IAM role read live from the account (trust, inline and attached policies).")
    var role: String?
    @Option(name: .long, help: "AWS profile for --role.")
    var profile: String?
    @Option(name: .long, help: "AWS region for --role.")
    var region: String?

    static let toolVersion = "0.1.0"

    /// On the main actor, like `ECSRole.runAsync` that calls it: a nonisolated `run` hopped to a
    /// cooperative-pool thread first, which cost a thread, its malloc arena and ~2 MB of peak memory.
    @MainActor
    func run() async throws {
        // A live role is fetched first (network), then linted like a saved authorization-details bundle.
        var live: (label: String, bytes: [UInt8])?
        if let role { live = try await Self.fetchLive(role: role, profile: profile, region: region) }
        try lint(live: live)
    }

    /// `--role`: the role's authorization details, with AWS errors reported like every other.
    nonisolated static func fetchLive(role: String, profile: String?, region: String?) async throws -> (label: String, bytes: [UInt8]) {
        var live: (label: String, bytes: [UInt8]) = ("", [])
        try await CLI.run {
            live = (LiveRole.label(role), Array(try await LiveRole.bundleText(role: role, profile: profile, region: region).utf8))
            return 0
        }
        return live
    }

    func lint(live: (label: String, bytes: [UInt8])?) throws {
        try CLI.run {
            guard !paths.isEmpty || live != nil else { throw CLIFailure("lint: pass at least one PATH (a file, a directory or '-'), or --role NAME") }
            guard ["text", "json", "sarif"].contains(format) else { throw CLIFailure("--format must be one of: text, json, sarif") }
            guard let threshold = Severity(rawValue: failOn) else {
                throw CLIFailure("--fail-on must be one of: \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var forced: InputKind?
            if let kind {
                guard let k = InputKind(rawValue: kind) else {
                    throw CLIFailure("--kind must be one of: \(InputKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                forced = k
            }
            let catalog = LintPipeline.ruleCatalog
            var options = LintPipeline.Options(kind: forced, only: try only.map { try slugs($0, "--only", catalog) },
                                               ignore: try ignore.map { try slugs($0, "--ignore", catalog) } ?? [])
            if let taskdef {
                let text = try CLI.read(taskdef)
                let td: TaskDefinition
                do { td = try TaskDefinitionImporter.parse(text) } catch let e as ExecRoleError { throw CLIFailure(file: taskdef, e) }
                options.taskDefinition = (taskdef, td)
            }

            // Files are independent: read and lint them on all cores, then merge in input order.
            let paths = try LintFiles.expand(paths)
            let directories = LintFiles.Directories(paths)
            let frozen = options
            @Sendable func lintFile(_ i: Int) -> [LintReport.File] {
                switch LintFiles.read(paths[i], index: i, directories: directories) {
                case .file(let path, let bytes): return LintPipeline.lint(path: path, bytes: bytes, options: frozen)
                case .unreadable(let path, let message): return [LintReport.File(path: path, kind: nil, error: .init(message: message))]
                }
            }
            func lintLive(_ live: (label: String, bytes: [UInt8])) -> [LintReport.File] {
                var o = frozen
                o.kind = .bundle
                return LintPipeline.lint(path: live.label, bytes: live.bytes, options: o)
            }
            if format == "json" && Self.entriesAreFinal(paths: paths, live: live?.label, options: frozen) {
                // Written file by file as they are linted: no report of the whole corpus in memory.
                let stream = JSONReportStream { StandardOutput.write($0) }
                ParallelMap.forEach(count: paths.count) { i in stream.submit(i, lintFile(i)) }
                if let live { stream.submit(paths.count, lintLive(live)) }
                let outcome = stream.finish()
                for (path, e) in outcome.errors { CLI.eprint("ecsrole: \(TextFormatter.location(path, e.position)): \(e.message)") }
                return outcome.tally.exitCode(failOn: threshold)
            }
            let perFile = ParallelMap.run(count: paths.count, lintFile)
            var files: [LintReport.File] = []
            var all = Array(perFile.joined())
            if let live { all += lintLive(live) }
            // Path → index of its first readable entry (a linear search per file was quadratic).
            var readable: [String: Int] = [:]
            for entry in all {
                // A paired task definition's findings arrive under its path from several inputs: one entry.
                if entry.error == nil, let i = readable[entry.path] {
                    files[i].items += entry.items
                } else {
                    if entry.error == nil { readable[entry.path] = files.count }
                    files.append(entry)
                }
            }
            let report = LintReport(files: files, rules: catalog)
            switch format {
            case "json": JSONReportFormatter.writeUTF8(report) { StandardOutput.write($0) }
            case "sarif": SARIFFormatter.writeUTF8(report, toolVersion: Self.toolVersion) { StandardOutput.write($0) }
            default: print(TextFormatter.render(report, color: Terminal.wantsColor), terminator: "")
            }
            // Machine formats keep stdout parseable; say on stderr why the exit code is 2.
            if format != "text" {
                for f in files { if let e = f.error { CLI.eprint("ecsrole: \(TextFormatter.location(f.path, e.position)): \(e.message)") } }
            }
            return report.exitCode(failOn: threshold)
        }
    }

    /// Whether every report entry is final as soon as its file is linted: no two inputs share a path
    /// and no paired task definition collects findings from several inputs (the report merges both).
    static func entriesAreFinal(paths: [String], live: String?, options: LintPipeline.Options) -> Bool {
        guard options.taskDefinition == nil else { return false }
        var seen = Set<String>()
        for p in paths + (live.map { [$0] } ?? []) where !seen.insert(p).inserted { return false }
        return true
    }

    /// Splits a comma list and maps rule ids to slugs; an unknown name is a usage error.
    func slugs(_ list: String, _ flag: String, _ catalog: [LintReport.Rule]) throws -> Set<String> {
        var out = Set<String>()
        for raw in list.split(separator: ",") {
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            if let r = catalog.first(where: { $0.slug == name || $0.id.caseInsensitiveCompare(name) == .orderedSame }) {
                out.insert(r.slug)
            } else {
                throw CLIFailure("\(flag): unknown rule \"\(name)\" (see `ecsrole rules`; known: \(catalog.map(\.slug).joined(separator: ", ")))")
            }
        }
        return out
    }
}

/// Whether standard output should be coloured.
enum Terminal {
    /// A TTY, and NO_COLOR (any non-empty value, see no-color.org) not set.
    static var wantsColor: Bool {
        if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}
