import ExecRoleKit
import Foundation
import IAMKit

/// The autosaved draft: the choices plus where the user was, written after every change so a
/// crash or `kill -9` loses nothing. Its text is JSON with the spec embedded in the same shape as
/// `ecsrole.json`.
public struct WizardDraft: Sendable {
    public var text: String
    public var choices: WizardState.Choices
    public var step: WizardStep
    public var source: ChoiceSource

    /// The default path: `$XDG_STATE_HOME/ecsrole/draft.json`, else `~/.local/state/ecsrole/draft.json`.
    public static func defaultPath(environment env: [String: String]) -> String {
        if let x = env["XDG_STATE_HOME"], !x.isEmpty { return x + "/ecsrole/draft.json" }
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/ecsrole/draft.json"
    }

    /// The draft text for a state.
    public static func encode(_ s: WizardState) -> String {
        let c = s.choices
        let json = JSON.obj([
            ("version", .number("1")),
            ("step", .string(s.step.slug)),
            ("source", .string(s.source.rawValue)),
            ("outDir", .string(c.outDir)),
            ("format", .string(c.format.rawValue)),
            ("viaService", .bool(c.viaService)),
            ("dismissedKeys", .array(c.dismissedKeys.sorted().map { .string($0) })),
            ("spec", SpecCoding.json(c.spec)),
        ])
        return JSONWriter.pretty(json)
    }

    /// Parses draft text; nil when it is not a draft this version can read (it is then ignored).
    public static func decode(_ text: String) -> WizardDraft? {
        guard let doc = try? JSONParser.parse(text), let specNode = doc.root["spec"],
              let spec = try? SpecCoding.parse(specNode) else { return nil }
        var c = WizardState.Choices(spec: spec)
        let root = doc.root
        if let d = root["outDir"]?.string { c.outDir = d }
        if let f = root["format"]?.string.flatMap(RoleOutput.Format.init(rawValue:)) { c.format = f }
        if let v = root["viaService"]?.bool { c.viaService = v }
        c.dismissedKeys = Set(root["dismissedKeys"]?.array?.compactMap(\.string) ?? [])
        return WizardDraft(text: text, choices: c, step: root["step"]?.string.flatMap(WizardStep.init(slug:)) ?? .service,
                           source: root["source"]?.string.flatMap(ChoiceSource.init(rawValue:)) ?? .demo)
    }
}
