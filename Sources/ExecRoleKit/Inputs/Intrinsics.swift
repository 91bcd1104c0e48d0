import IAMKit

/// Replaces CloudFormation intrinsic functions with visible placeholder text, never with real
/// values: lint must not guess an account id or a bucket name, and the user must see in a finding
/// that a value comes from the template (`${AWS::AccountId}`, `{Ref:LogGroup}`, `{GetAtt:Key.Arn}`).
///
/// The result keeps the pointer and position of the intrinsic's object, so a finding on it lands on
/// the `!Sub` / `{"Fn::Sub": …}` the user wrote.
public enum Intrinsics {
    /// Long-form names; the YAML bridge turns `!Sub x` into `{"Fn::Sub": x}`, so one form is enough here.
    static let functions: Set<String> = [
        "Ref", "Fn::Sub", "Fn::GetAtt", "Fn::Join", "Fn::If", "Fn::Select", "Fn::Split", "Fn::ImportValue",
        "Fn::FindInMap", "Fn::Base64", "Fn::Cidr", "Fn::GetAZs", "Fn::ToJsonString", "Fn::Length", "Fn::Transform",
        "Fn::And", "Fn::Or", "Fn::Not", "Fn::Equals", "Condition",
    ]

    /// `node` with every intrinsic below it replaced by a placeholder (string, or the chosen branch of
    /// an `Fn::If` whose branches are objects or lists).
    public static func resolvePlaceholders(_ node: JSONNode) -> JSONNode {
        var out = node
        switch node.kind {
        case .object(let members):
            if members.count == 1, let m = members.first, functions.contains(m.key) {
                return placeholder(function: m.key, argument: m.value, at: node)
            }
            out.kind = .object(members.compactMap {
                var m = $0
                m.value = resolvePlaceholders($0.value)
                return m.value.string == noValue ? nil : m
            })
        case .array(let items):
            // `Fn::If` with `AWS::NoValue` removes a list element: drop it rather than lint a placeholder.
            out.kind = .array(items.compactMap { item in
                let r = resolvePlaceholders(item)
                return r.string == noValue ? nil : r
            })
        default: break
        }
        return out
    }

    static let noValue = "{Ref:AWS::NoValue}"

    static func placeholder(function: String, argument arg: JSONNode, at node: JSONNode) -> JSONNode {
        func str(_ s: String) -> JSONNode { var n = node; n.kind = .string(s); return n }
        func text(_ n: JSONNode) -> String {
            let r = resolvePlaceholders(n)
            if let s = r.string { return s }
            if let a = r.array { return a.map(text).joined(separator: ",") }
            return "{…}"
        }
        let name = function.hasPrefix("Fn::") ? String(function.dropFirst(4)) : function
        switch function {
        case "Ref":
            let target = arg.string ?? text(arg)
            // Pseudo parameters read like the Sub form users know from ARNs.
            return str(target.hasPrefix("AWS::") && target != "AWS::NoValue" ? "${\(target)}" : "{Ref:\(target)}")
        case "Fn::Sub":
            // `${Var}` references stay as written; the variable map is not applied (no real values).
            if let s = arg.string { return str(s) }
            if let first = arg.array?.first, let s = first.string { return str(s) }
            return str("{Sub}")
        case "Fn::GetAtt":
            if let s = arg.string { return str("{GetAtt:\(s)}") }
            return str("{GetAtt:\((arg.array ?? []).map(text).joined(separator: "."))}")
        case "Fn::Join":
            guard let parts = arg.array, parts.count == 2, let delim = parts[0].string else { return str("{Join}") }
            if let list = parts[1].array { return str(list.map(text).joined(separator: delim)) }
            return str("{Join:\(text(parts[1]))}")
        case "Fn::If":
            guard let parts = arg.array, parts.count == 3 else { return str("{If}") }
            let cond = parts[0].string ?? "?"
            let a = resolvePlaceholders(parts[1]), b = resolvePlaceholders(parts[2])
            if let sa = a.string, let sb = b.string {
                if sa == noValue { return b }
                if sb == noValue { return a }
                return str("{If:\(cond):\(sa)|\(sb)}")
            }
            // Objects or lists (whole statements, action lists): lint the first real branch; a
            // placeholder string there would only produce grammar noise.
            return a.string == noValue ? b : a
        default:
            return str("{\(name):\(text(arg))}")
        }
    }
}
