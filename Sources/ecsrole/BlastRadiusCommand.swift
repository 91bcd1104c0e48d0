import ArgumentParser
import ExecRoleKit
import Foundation
import IAMKit

/// `ecsrole blast-radius`: what someone holding the role's credentials could do.
struct BlastRadiusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blast-radius",
        abstract: "Show what someone holding the role's credentials could do, high-risk first.",
        discussion: "Actions are expanded with the IAM action catalog and grouped by access level. Exit codes: 0 ok, 2 bad input."
    )

    @Option(name: .long, help: "Identity policy JSON or authorization-details bundle (repeatable).")
    var policy: [String] = []
    @Option(name: .long, help: "Permissions boundary policy JSON.")
    var boundary: String?
    @Option(name: .long, help: "Role name inside a bundle.")
    var role: String?
    @Option(name: .long, help: "Inventory JSON (`ecsrole inventory` output): name the concrete resources reached.")
    var inventory: String?
    @Option(name: .long, help: "text or json.")
    var format: String = "text"

    func run() throws {
        try CLI.run {
            let fmt = try OutputFormat.parse(format)
            guard !policy.isEmpty else { throw CLIFailure("pass at least one --policy FILE") }
            let input = try PolicyInput.load(policies: policy, boundary: boundary, role: role)
            var inv: Inventory?
            if let path = inventory {
                let text = try CLI.read(path)
                do { inv = try JSONDecoder().decode(Inventory.self, from: Data(text.utf8)) } catch {
                    throw CLIFailure("\(path): not an ecsrole inventory: \(error.localizedDescription)")
                }
            }
            let br = BlastRadius.analyze(identity: input.identity, boundary: input.boundary, inventory: inv, roleARN: input.roleARN)
            fmt == .json ? printJSON(br) : printText(br)
            return 0
        }
    }

    static let levels: [AccessLevel] = [.permissionsManagement, .write, .tagging, .read, .list]

    func printText(_ br: BlastRadius) {
        print("Someone holding this role's credentials could call \(br.grants.count) action\(br.grants.count == 1 ? "" : "s").")
        let risky = br.grants.filter(\.isHighRisk)
        if !risky.isEmpty {
            print("\nHIGH RISK (\(risky.count)):")
            for g in risky.prefix(40) {
                let why = RiskCategory.allCases.compactMap { c in g.risks[c].map { "\(c.title.lowercased()): \($0)" } }.joined(separator: "; ")
                print("  \(g.action.fullName) on \(g.resources.joined(separator: ", "))\(g.conditional ? " (conditional)" : "") — \(why)")
            }
            if risky.count > 40 { print("  … and \(risky.count - 40) more") }
        }
        for level in Self.levels {
            let gs = br.grants(at: level)
            guard !gs.isEmpty else { continue }
            let names = gs.map(\.action.fullName)
            print("\n\(level.displayName) (\(gs.count)): \(names.prefix(25).joined(separator: ", "))\(gs.count > 25 ? ", … and \(gs.count - 25) more" : "")")
        }
        if !br.reach.isEmpty {
            print("\nResources reached (from the inventory):")
            for r in br.reach { print("  \(r.text)  [\(r.action)]") }
        }
        if !br.unknownPatterns.isEmpty { print("\nUnknown actions (not in the catalog): \(br.unknownPatterns.joined(separator: ", "))") }
        if br.deniedCount > 0 { print("\n\(br.deniedCount) allowed action\(br.deniedCount == 1 ? " is" : "s are") removed by an unconditional Deny or the boundary.") }
        print("\nAction data: \(ActionCatalog.shared.sourceDescription)")
    }

    func printJSON(_ br: BlastRadius) {
        func grant(_ g: BlastRadius.Grant) -> JSON {
            .obj([("action", .string(g.action.fullName)), ("accessLevel", .string(g.action.accessLevel.rawValue)),
                  ("resources", .array(g.resources.map { .string($0) })), ("conditional", .bool(g.conditional)),
                  ("risks", .obj(RiskCategory.allCases.compactMap { c in g.risks[c].map { (c.rawValue, JSON.string($0)) } }))])
        }
        let top: [(String, JSON)] = [
            ("actionCount", .number(String(br.grants.count))),
            ("highRisk", .array(br.grants.filter(\.isHighRisk).map(grant))),
            ("byAccessLevel", .obj(Self.levels.map { l in (l.rawValue, JSON.array(br.grants(at: l).map { .string($0.action.fullName) })) })),
            ("reach", .array(br.reach.map { .obj([("verb", .string($0.verb)), ("kind", .string($0.kind)), ("action", .string($0.action)),
                                                  ("names", .array($0.names.map { .string($0) })), ("text", .string($0.text))]) })),
            ("unknownActions", .array(br.unknownPatterns.map { .string($0) })),
            ("removedByDeny", .number(String(br.deniedCount))),
        ]
        print(JSONWriter.pretty(.obj(top)), terminator: "")
    }
}
