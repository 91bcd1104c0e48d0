import IAMKit
import Yams

/// Reads YAML (CloudFormation templates) into IAMKit's `JSONNode`s, keeping each value's line and
/// column, so the pure loaders and rules work on YAML exactly as on JSON.
///
/// CloudFormation's short-form tags become the long form the JSON templates use (`!Sub x` →
/// `{"Fn::Sub": x}`, `!Ref x` → `{"Ref": x}`, `!GetAtt a.b` → `{"Fn::GetAtt": "a.b"}`), which is what
/// cfn-lint does too; only composing is used (no construction), so unknown tags never fail.
public enum YAMLBridge {
    /// Parses one YAML document. Errors carry the line and column libyaml reports.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONDocument {
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch { throw convert(error) }
        guard let node else { throw JSONParseError("empty input: expected a YAML document", at: SourcePosition(line: 1, column: 1)) }
        var duplicates: [(pointer: String, key: String, position: SourcePosition)] = []
        let root = convert(node, pointer: "", duplicates: &duplicates)
        return JSONDocument(root, duplicateKeys: duplicates)
    }

    static func position(_ mark: Mark?) -> SourcePosition {
        SourcePosition(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    static func convert(_ error: Error) -> JSONParseError {
        if let e = error as? YamlError {
            switch e {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                return JSONParseError("invalid YAML: \(problem)", at: position(mark))
            default: break
            }
        }
        return JSONParseError("invalid YAML: \(error)", at: SourcePosition(line: 1, column: 1))
    }

    /// The long-form key of a CloudFormation short-form tag, or nil for standard/implicit tags.
    static func intrinsicKey(_ tag: Tag) -> String? {
        let raw = tag.description
        guard raw.hasPrefix("!"), !raw.hasPrefix("!!"), raw.count > 1 else { return nil }
        let name = String(raw.dropFirst())
        return name == "Ref" || name == "Condition" ? name : "Fn::" + name
    }

    static func convert(_ node: Node, pointer: String, duplicates: inout [(pointer: String, key: String, position: SourcePosition)]) -> JSONNode {
        let pos = position(node.mark)
        if let key = intrinsicKey(node.tag) {
            // The wrapper and its argument share the tag's position: that is where the user wrote it.
            let inner = JSONPointer.append(pointer, key)
            var arg = convertUntagged(node, pointer: inner, duplicates: &duplicates)
            if key == "Fn::GetAtt", let s = arg.string, s.contains(".") {
                // `!GetAtt Role.Arn` is the string form; keep it, Intrinsics reads both.
                arg.kind = .string(s)
            }
            return JSONNode(.object([JSONNode.Member(key, at: pos, value: arg)]), at: pos, pointer: pointer)
        }
        return convertUntagged(node, pointer: pointer, duplicates: &duplicates)
    }

    static func convertUntagged(_ node: Node, pointer: String, duplicates: inout [(pointer: String, key: String, position: SourcePosition)]) -> JSONNode {
        let pos = position(node.mark)
        switch node {
        case .scalar(let s):
            return JSONNode(scalarKind(s, tag: node.tag), at: pos, pointer: pointer)
        case .sequence(let seq):
            let items = seq.enumerated().map { convert($0.element, pointer: JSONPointer.append(pointer, $0.offset), duplicates: &duplicates) }
            return JSONNode(.array(items), at: pos, pointer: pointer)
        case .mapping(let map):
            var members: [JSONNode.Member] = []
            var seen = Set<String>()
            for (k, v) in map {
                let key = k.scalar?.string ?? "\(k)"
                let child = JSONPointer.append(pointer, key)
                let keyPos = position(k.mark)
                if !seen.insert(key).inserted { duplicates.append((child, key, keyPos)) }
                members.append(JSONNode.Member(key, at: keyPos, value: convert(v, pointer: child, duplicates: &duplicates)))
            }
            return JSONNode(.object(members), at: pos, pointer: pointer)
        }
    }

    /// Plain scalars resolve as YAML 1.1 says (null, booleans, numbers); everything else — quoted
    /// text, dates such as `2012-10-17`, custom-tagged values — stays text as written.
    static func scalarKind(_ s: Node.Scalar, tag: Tag) -> JSONNode.Kind {
        guard intrinsicKey(tag) == nil, s.style == .plain || s.style == .any else { return .string(s.string) }
        switch tag.description {
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.bool.rawValue:
            let l = s.string.lowercased()
            return .bool(["true", "yes", "on", "y"].contains(l))
        case Tag.Name.int.rawValue, Tag.Name.float.rawValue:
            if (try? JSONParser.parse(s.string))?.root.kind.isNumber == true { return .number(s.string) }
            return .string(s.string)
        default: return .string(s.string)
        }
    }
}

private extension JSONNode.Kind {
    var isNumber: Bool { if case .number = self { return true }; return false }
}
