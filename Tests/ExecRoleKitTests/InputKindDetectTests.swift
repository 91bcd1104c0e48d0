@testable import ExecRoleKit
import Foundation
import IAMKit
import Testing

/// `InputKind.detect` notes the top-level keys in one pass and tests members without copying their
/// values; it gives the kinds the key-by-key scans gave (kept here as the reference).
@Suite("Input kind detection")
struct InputKindDetectTests {
    /// The detection as it was: a scan of the keys per key asked, values looked up by subscript.
    static func reference(_ root: JSONNode) -> InputKind? {
        if let members = root.members {
            func has(_ k: String) -> Bool { members.contains { $0.key == k } }
            if has("RoleDetailList") || has("UserDetailList") || has("GroupDetailList") { return .bundle }
            if has("AWSTemplateFormatVersion") { return .cloudformation }
            if let resources = root["Resources"]?.members,
               resources.contains(where: { ($0.value["Type"]?.string ?? "").contains("::") }) { return .cloudformation }
            if has("planned_values") || has("resource_changes") || has("terraform_version") { return .terraform }
            if has("containerDefinitions") || root["taskDefinition"]?["containerDefinitions"] != nil { return .taskdef }
            if has("Statement") { return referenceTrust(root) ? .trust : .identity }
            return nil
        }
        if let items = root.array, let first = items.first, first["image"] != nil || first["name"] != nil && first["essential"] != nil {
            return .taskdef
        }
        return nil
    }

    static func referenceTrust(_ root: JSONNode) -> Bool {
        let statements = root["Statement"].map { $0.array ?? [$0] } ?? []
        if statements.contains(where: { $0["Principal"] != nil || $0["NotPrincipal"] != nil }) { return true }
        guard !statements.isEmpty else { return false }
        return statements.allSatisfy { s in
            guard s["Resource"] == nil, s["NotResource"] == nil, let a = s["Action"] else { return false }
            let actions = (a.array ?? [a]).compactMap(\.string)
            return !actions.isEmpty && actions.allSatisfy { InputKind.trustActions.contains($0.lowercased()) }
        }
    }

    /// Every JSON fixture of the test targets (policies, bundles, templates, plans, task definitions).
    static func documents() throws -> [(String, JSONDocument)] {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        var out: [(String, JSONDocument)] = []
        for sub in ["ExecRoleKitTests/Fixtures", "CLITests/Fixtures", "IAMKitTests/Fixtures"] {
            let base = tests.appendingPathComponent(sub)
            guard let walk = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let rel as String in walk where rel.hasSuffix(".json") {
                let bytes = Array(try Data(contentsOf: base.appendingPathComponent(rel)))
                if let doc = try? JSONParser.parse(bytes: bytes) { out.append((rel, doc)) }
            }
        }
        return out
    }

    @Test func fixturesDetectAsBefore() throws {
        let docs = try Self.documents()
        #expect(docs.count > 1500)
        var kinds = Set<String>()
        for (name, doc) in docs {
            let got = InputKind.detect(doc.root)
            #expect(got == Self.reference(doc.root), "\(name)")
            kinds.insert(got?.rawValue ?? "none")
        }
        #expect(kinds.isSuperset(of: ["identity", "bundle", "taskdef"]))
    }

    @Test func shapesDetectAsBefore() throws {
        let texts = [
            #"{"Resources": {"R": {"Type": "AWS::IAM::Role"}}, "Resources": {}}"#,
            #"{"Resources": {"R": {"Type": "Custom"}}, "Statement": []}"#,
            #"{"taskDefinition": {"containerDefinitions": []}, "taskDefinition": {}}"#,
            #"{"taskDefinition": {}, "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole"}}"#,
            #"{"Statement": [{"Action": "sts:AssumeRole", "NotResource": "*"}]}"#,
            #"{"Statement": [{"NotPrincipal": {"AWS": "*"}}]}"#, #"{"Statement": 3}"#, #"{}"#, #"[]"#, #"[{"name": "a", "essential": true}]"#,
            #"[{"image": "x"}]"#, #"[{"name": "a"}]"#, #""x""#,
            #"{"AWSTemplateFormatVersion": "2010-09-09", "RoleDetailList": []}"#, #"{"AWSTemplateFormatVersion": "2010-09-09"}"#,
            #"{"terraform_version": "1.5", "planned_values": {}}"#, #"{"resource_changes": [], "containerDefinitions": []}"#,
            #"{"UserDetailList": [], "Statement": []}"#, #"{"GroupDetailList": []}"#,
            #"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}}"#,
            #"{"Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole", "sts:TagSession"]}, {"Action": "STS:SetSourceIdentity"}]}"#,
            #"{"Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole", "s3:GetObject"]}]}"#,
        ]
        var kinds = Set<InputKind?>()
        for text in texts {
            let root = try JSONParser.parse(text).root
            #expect(InputKind.detect(root) == Self.reference(root), "\(text)")
            kinds.insert(InputKind.detect(root))
        }
        #expect(kinds == Set(InputKind.allCases.map { Optional($0) } + [nil]))
    }

    @Test func hasMemberIsSubscriptNotNil() throws {
        let root = try JSONParser.parse(#"{"a": 1, "b": {"c": null}, "a": 2, "\u212A": 0}"#).root
        for key in ["a", "b", "c", "K", "\u{212A}", ""] {
            #expect(root.hasMember(key) == (root[key] != nil), "\(key)")
        }
        #expect(!(root["b"]!["c"]!).hasMember("x"))
        #expect(!JSONNode(.array([]), at: SourcePosition(line: 1, column: 1), pointer: "").hasMember("a"))
    }
}
