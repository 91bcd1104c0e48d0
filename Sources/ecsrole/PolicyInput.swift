import ExecRoleKit
import Foundation
import IAMKit

/// Policies read from `--policy` / `--boundary` files: plain policy documents or an
/// authorization-details bundle (`aws iam get-account-authorization-details`) with `--role`.
struct PolicyInput {
    var identity: [NamedPolicy] = []
    var boundary: NamedPolicy?
    /// The role the policies belong to, when a bundle named it.
    var roleName: String?
    var roleARN: String?
    /// The role's trust policy, when a bundle gave it.
    var trust: Policy?
    /// Documents by policy name, to turn pointers into line:column.
    var documents: [String: (file: String, doc: JSONDocument)] = [:]

    /// Reads every file; JSON errors and non-policies are bad input (exit 2).
    static func load(policies: [String], boundary: String?, role: String?) throws -> PolicyInput {
        var input = PolicyInput()
        for path in policies {
            let doc = try parse(path)
            if RoleBundle.isBundle(doc.root) {
                try input.addBundle(doc, path: path, role: role, keepBoundary: boundary == nil)
            } else {
                let p = try policy(doc, path: path)
                input.identity.append(p)
                input.documents[p.name] = (path, doc)
            }
        }
        if let boundary {
            let doc = try parse(boundary)
            let p = try policy(doc, path: boundary)
            input.boundary = p
            input.documents[p.name] = (boundary, doc)
        }
        return input
    }

    /// A live role (see `LiveRole`): its bundle text, labelled `iam:role/NAME`.
    static func load(liveBundle text: String, label: String, role: String, boundary: String?) throws -> PolicyInput {
        var input = PolicyInput()
        let doc: JSONDocument
        do { doc = try JSONParser.parse(text) } catch { throw CLIFailure("\(label): \(error)") }
        try input.addBundle(doc, path: label, role: role, keepBoundary: boundary == nil)
        if let boundary {
            let bdoc = try parse(boundary)
            let p = try policy(bdoc, path: boundary)
            input.boundary = p
            input.documents[p.name] = (boundary, bdoc)
        }
        return input
    }

    /// Takes one role of an authorization-details bundle.
    mutating func addBundle(_ doc: JSONDocument, path: String, role: String?, keepBoundary: Bool) throws {
        let bundle: RoleBundle
        let r: RoleBundle.Role
        do { bundle = try RoleBundle(document: doc); r = try bundle.role(role) } catch { throw CLIFailure(file: path, error) }
        roleName = r.name; roleARN = r.arn; trust = r.trust
        for p in r.identity { identity.append(p); documents[p.name] = (path, doc) }
        if let b = r.boundary, keepBoundary { boundary = b; documents[b.name] = (path, doc) }
        for u in r.unresolved { CLI.eprint("ecsrole: warning: \(path): \(u) is attached to \(r.name) but its document is not in the bundle; it is left out") }
    }

    static func parse(_ path: String) throws -> JSONDocument {
        let text = try CLI.read(path)
        do { return try JSONParser.parse(text) } catch { throw CLIFailure("\(path):\(error.position.line):\(error.position.column): \(error.message)") }
    }

    static func policy(_ doc: JSONDocument, path: String) throws -> NamedPolicy {
        guard doc.root.members != nil, doc.root["Statement"] != nil else {
            throw CLIFailure("\(path):\(doc.root.position.line):\(doc.root.position.column): not an IAM policy (no \"Statement\") and not an authorization-details bundle (no \"RoleDetailList\")")
        }
        let policy = PolicyParser.parse(doc.root, kind: .identity)
        for d in policy.diagnostics where d.message.contains("Effect") || d.message.contains("operator") {
            let pos = doc.position(of: d.pointer)
            CLI.eprint("ecsrole: warning: \(path):\(pos.line):\(pos.column): \(d.message)")
        }
        return NamedPolicy(name: (path as NSString).lastPathComponent, policy: policy)
    }

    /// `file:line:column` of a statement.
    func location(_ ref: StatementRef) -> String? {
        guard let d = documents[ref.policy] else { return nil }
        let p = d.doc.position(of: ref.pointer)
        return "\(d.file):\(p.line):\(p.column)"
    }

    /// JSON for a statement reference.
    func json(_ ref: StatementRef) -> JSON {
        var m: [(String, JSON)] = [("policy", .string(ref.policy)), ("sid", ref.sid.map { .string($0) } ?? .null),
                                   ("index", .number(String(ref.index))), ("pointer", .string(ref.pointer))]
        if let d = documents[ref.policy] {
            let p = d.doc.position(of: ref.pointer)
            m.append(("line", .number(String(p.line)))); m.append(("column", .number(String(p.column))))
        }
        return .obj(m)
    }
}
