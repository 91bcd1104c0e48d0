import IAMKit

/// One row of the evaluator table: a policy, a request and the decision IAM gives.
struct EvaluatorCase {
    var name: String
    var policies: [String]
    var boundary: String?
    var action: String
    var resource: String
    var context: [String: [String]]
    var want: Decision

    init(_ name: String, _ policies: [String], boundary: String? = nil, _ action: String, _ resource: String,
         _ context: [String: [String]], _ want: Decision) {
        self.name = name; self.policies = policies; self.boundary = boundary; self.action = action
        self.resource = resource; self.context = context; self.want = want
    }

    init(_ name: String, _ policies: [String], boundary: String? = nil, _ action: String, _ resource: String, _ want: Decision) {
        self.init(name, policies, boundary: boundary, action, resource, [:], want)
    }

    func run() -> EvaluationResult {
        let named = policies.enumerated().map { NamedPolicy(name: "p\($0.offset)", policy: try! PolicyParser.parse($0.element).0) }
        let b = boundary.map { NamedPolicy(name: "boundary", policy: try! PolicyParser.parse($0).0) }
        return PolicyEvaluator.evaluate(EvaluationRequest(action: action, resource: resource, context: RequestContext(multi: context)),
                                        identity: named, boundary: b)
    }
}

/// Tiny builders so the table reads like policies.
enum P {
    /// A policy of statements (raw JSON objects).
    static func doc(_ statements: String..., version: String? = "2012-10-17") -> String {
        let v = version.map { "\"Version\": \"\($0)\", " } ?? ""
        return "{\(v)\"Statement\": [\(statements.joined(separator: ","))]}"
    }

    /// A statement; `action`/`resource` are JSON values (a quoted string or an array).
    static func st(_ effect: String = "Allow", sid: String? = nil, action: String = "\"*\"", notAction: Bool = false,
                   resource: String = "\"*\"", notResource: Bool = false, condition: String? = nil) -> String {
        var parts: [String] = []
        if let sid { parts.append("\"Sid\": \"\(sid)\"") }
        parts.append("\"Effect\": \"\(effect)\"")
        parts.append("\"\(notAction ? "NotAction" : "Action")\": \(action)")
        parts.append("\"\(notResource ? "NotResource" : "Resource")\": \(resource)")
        if let condition { parts.append("\"Condition\": \(condition)") }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    /// Allow * on * under one condition block.
    static func cond(_ condition: String, version: String? = "2012-10-17") -> String {
        doc(st(condition: condition), version: version)
    }

    static func q(_ s: String) -> String { "\"\(s)\"" }
}
