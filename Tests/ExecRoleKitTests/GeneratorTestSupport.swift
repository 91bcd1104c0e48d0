import ExecRoleKit
import IAMKit
import XCTest

/// A generated policy reduced to what tests assert on: per Sid, its actions, resources and condition.
struct GeneratedPolicy {
    struct Stmt { var actions: [String]; var resources: [String]; var condition: JSON? }
    var bySid: [String: Stmt] = [:]
    var json: JSON
    var spec: RoleSpec
    var notes: [ImportNote]

    init(taskdef: String, account: String? = "111122223333", region: String? = "eu-west-1", kmsKeys: [String] = [],
         pullThrough: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws {
        let td = try TaskDefinitionImporter.parse(taskdef)
        let (spec, notes) = try SpecBuilder(context: .init(account: account, region: region, kmsKeys: kmsKeys, pullThroughPrefixes: pullThrough)).build(td)
        self.spec = spec
        self.notes = notes
        json = PolicyGenerator.identityPolicy(spec)
        for st in json["Statement"]?.arrayValue ?? [] {
            func strings(_ v: JSON?) -> [String] { v?.stringValue.map { [$0] } ?? v?.arrayValue?.compactMap(\.stringValue) ?? [] }
            bySid[st["Sid"]!.stringValue!] = Stmt(actions: strings(st["Action"]), resources: strings(st["Resource"]), condition: st["Condition"])
        }
    }

    var allActions: Set<String> { Set(bySid.values.flatMap(\.actions)) }
    var allResources: Set<String> { Set(bySid.values.flatMap(\.resources)) }
}

/// A one-container task definition with the given container JSON members.
func taskdef(_ containerMembers: String, extra: String = "") -> String {
    """
    {"family": "svc", \(extra) "containerDefinitions": [{"name": "web", \(containerMembers)}]}
    """
}
