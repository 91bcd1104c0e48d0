import Foundation
import IAMKit

/// Reads a policy document written as a string inside a bigger file: URL-encoded in
/// `get-account-authorization-details`, JSON-encoded in Terraform plans.
///
/// The inner text has its own lines, which are not the file's, so every node read from it is
/// re-rooted: pointers continue the string's own pointer (so `JSONDocument.position(of:)` on the
/// file walks up to the string) and every position is the string's position. Findings inside an
/// encoded document therefore land on the line of the string, which is where the user can act.
enum EmbeddedDocument {
    /// The node of `value`: itself when it is already an object, the decoded and re-rooted document
    /// when it is a string, or a note explaining why it cannot be read.
    static func read(_ value: JSONNode, what: String) -> Result<JSONNode, InputNote> {
        guard let text = value.string else { return .success(value) }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var candidates = [trimmed]
        if !trimmed.hasPrefix("{") && !trimmed.hasPrefix("[") {
            // RFC 3986 encoding (what IAM returns); '+' for space only as a second guess (form encoding).
            if let d = trimmed.removingPercentEncoding { candidates.append(d) }
            if let d = trimmed.replacingOccurrences(of: "+", with: " ").removingPercentEncoding { candidates.append(d) }
        }
        var firstError: JSONParseError?
        for c in candidates {
            do {
                let doc = try JSONParser.parse(c)
                return .success(rebase(doc.root, under: value.pointer, at: value.position))
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        let detail = firstError.map { " (inside the string at \($0.position.line):\($0.position.column): \($0.message))" } ?? ""
        return .failure(InputNote(.unreadablePolicy, "\(what) is a string that is not a JSON policy document\(detail)",
                                  pointer: value.pointer, position: value.position))
    }

    /// A copy of `node` whose pointers start with `prefix` and whose positions are all `position`.
    static func rebase(_ node: JSONNode, under prefix: String, at position: SourcePosition) -> JSONNode {
        var out = node
        out.pointer = prefix + node.pointer
        out.position = position
        switch node.kind {
        case .array(let items):
            out.kind = .array(items.map { rebase($0, under: prefix, at: position) })
        case .object(let members):
            out.kind = .object(members.map {
                JSONNode.Member($0.key, at: position, value: rebase($0.value, under: prefix, at: position))
            })
        default: break
        }
        return out
    }
}
