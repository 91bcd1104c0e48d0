import Foundation
import IAMKit

/// Reads the error text ECS shows for a stopped task (or any AWS AccessDenied message) into an
/// `ErrorDiagnosis`. Pure: text in, value out.
///
/// Shapes handled (collected from public issue threads, see the test fixtures): "User: ARN is not
/// authorized to perform: ACTION on resource: RES [because no identity-based policy allows …]
/// [with an explicit deny in a service control policy]", CannotPullContainerError (ECR 403, "pull
/// access denied", "no basic auth credentials"), ResourceInitializationError for Secrets Manager,
/// SSM, ECR auth and the awslogs driver, "Access to KMS is not allowed", and network timeouts that
/// look like permission problems but are not.
public enum ErrorMessageParser {
    /// Diagnoses one message.
    public static func diagnose(_ raw: String) -> ErrorDiagnosis {
        let text = normalise(raw)
        let lower = text.lowercased()
        var d = ErrorDiagnosis(category: category(lower))
        if let p = value(after: "User: ", in: text) ?? value(after: "user: ", in: text), p.hasPrefix("arn:") {
            d.principal = p
            (d.roleName, d.roleARN) = role(from: p)
        }
        if let a = value(after: "not authorized to perform: ", in: text) ?? value(after: "not authorized to perform ", in: text) {
            d.action = a
        }
        if let r = value(after: "on resource: ", in: text) { d.resource = r }
        d.denial = denial(lower, sawAccessDenied: lower.contains("accessdenied") || lower.contains("not authorized") || lower.contains("access denied"))

        let secret = value(after: "failed to fetch secret ", in: text)
        if d.action == nil { infer(&d, lower: lower, text: text, secret: secret) }
        if d.action == nil, d.networkProblem == nil { d.networkProblem = network(lower) }
        DiagnosisFix.complete(&d, secretInMessage: secret, text: text)
        return d
    }

    /// Collapses whitespace (console copies wrap lines) and makes `<account id>` placeholders one token.
    static func normalise(_ s: String) -> String {
        var out = ""
        var inAngle = false
        var lastSpace = false
        for ch in s {
            if ch == "<" { inAngle = true } else if ch == ">" { inAngle = false }
            if ch.isWhitespace {
                if inAngle { out.append("_"); continue }
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(ch); lastSpace = false
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    static func category(_ lower: String) -> ErrorDiagnosis.Category {
        if lower.contains("cannotpullcontainer") || lower.contains("cannotpullecrcontainer") { return .cannotPullContainer }
        if lower.contains("resourceinitializationerror") { return .resourceInitialization }
        if lower.contains("cannotstartcontainererror") || lower.contains("failed to initialize logging driver") { return .loggingDriver }
        if lower.contains("accessdenied") || lower.contains("not authorized") { return .accessDenied }
        return .unknown
    }

    /// The token after `marker` (up to whitespace), without trailing punctuation.
    static func value(after marker: String, in text: String) -> String? {
        guard let r = text.range(of: marker) else { return nil }
        var tok = String(text[r.upperBound...].prefix { !$0.isWhitespace })
        while let last = tok.last, ",.;)\"'`".contains(last) { tok.removeLast() }
        while let first = tok.first, "(\"'`".contains(first) { tok.removeFirst() }
        return tok.isEmpty ? nil : tok
    }

    /// Role name and ARN from an assumed-role session ARN (or a role ARN).
    static func role(from principal: String) -> (String?, String?) {
        guard let arn = ARN(principal) else { return (nil, nil) }
        let parts = arn.resource.split(separator: "/").map(String.init)
        if arn.service == "sts", parts.first == "assumed-role", parts.count >= 2 {
            return (parts[1], "arn:\(arn.partition):iam::\(arn.account):role/\(parts[1])")
        }
        if arn.service == "iam", parts.first == "role", let last = parts.last {
            return (last, principal)
        }
        return (nil, nil)
    }

    static func denial(_ lower: String, sawAccessDenied: Bool) -> ErrorDiagnosis.Denial? {
        let table: [(String, ErrorDiagnosis.Denial)] = [
            ("explicit deny in a service control policy", .explicitDenySCP),
            ("explicit deny in an identity-based policy", .explicitDenyIdentity),
            ("explicit deny in a permissions boundary", .explicitDenyBoundary),
            ("explicit deny in a resource-based policy", .explicitDenyResource),
            ("explicit deny in a session policy", .explicitDenySession),
            ("because no identity-based policy allows", .noIdentityPolicy),
            ("because no permissions boundary allows", .noBoundary),
            ("because no service control policy allows", .noSCP),
            ("because no resource-based policy allows", .noResourcePolicy),
            ("with an explicit deny", .explicitDeny),
        ]
        for (needle, d) in table where lower.contains(needle) { return d }
        return sawAccessDenied ? .unspecified : nil
    }

    /// The action a message implies when it does not name one.
    static func infer(_ d: inout ErrorDiagnosis, lower: String, text: String, secret: String?) {
        let denied = lower.contains("accessdenied") || lower.contains("access denied") || lower.contains("403 forbidden")
            || lower.contains("pull access denied") || lower.contains("no basic auth credentials")
        func set(_ action: String, _ resource: String?) {
            d.action = action; d.actionInferred = true
            if d.resource == nil { d.resource = resource }
            if d.denial == nil { d.denial = .unspecified }
        }
        if lower.contains("access to kms is not allowed") {
            set("kms:Decrypt", nil)
            return
        }
        guard denied else { return }
        if lower.contains("no basic auth credentials") || lower.contains("ecr registry auth") {
            set("ecr:GetAuthorizationToken", "*")
        } else if lower.contains("failed to create cloudwatch log group") {
            set("logs:CreateLogGroup", nil)
        } else if lower.contains("failed to create cloudwatch log stream") || lower.contains("failed to validate logger args") {
            set("logs:CreateLogStream", nil)
        } else if lower.contains("from ssm") || lower.contains("ssm parameter store") {
            set("ssm:GetParameters", nil)
        } else if lower.contains("from asm") || lower.contains("from secrets manager") {
            set("secretsmanager:GetSecretValue", secret)
        } else if lower.contains("env file") || lower.contains("environment file") {
            set("s3:GetObject", nil)
        } else if let repo = ecrRepository(in: text) {
            set("ecr:BatchGetImage", repo)
        }
    }

    /// A repository ARN from an image reference or registry URL in the text
    /// (`123456789012.dkr.ecr.us-east-1.amazonaws.com/app:tag`, `…/v2/app/manifests/tag`).
    static func ecrRepository(in text: String) -> String? {
        for raw in text.split(whereSeparator: { $0.isWhitespace || $0 == "\"" }) {
            var tok = String(raw)
            if let r = tok.range(of: "://") { tok = String(tok[r.upperBound...]) }
            guard tok.contains(".dkr.ecr."), let slash = tok.firstIndex(of: "/") else { continue }
            let host = tok[..<slash].split(separator: ".")
            guard host.count >= 5, let acct = host.first else { continue }
            let region = String(host[3])
            var path = String(tok[tok.index(after: slash)...])
            while let last = path.last, ",.;:)".contains(last) { path.removeLast() }
            if path.hasPrefix("v2/") { path = String(path.dropFirst(3)) }
            if let m = path.range(of: "/manifests/") ?? path.range(of: "/blobs/") { path = String(path[..<m.lowerBound]) }
            if let at = path.firstIndex(of: "@") { path = String(path[..<at]) }
            if let colon = path.lastIndex(of: ":") { path = String(path[..<colon]) }
            while let last = path.last, ",.;:)".contains(last) { path.removeLast() }
            guard !path.isEmpty else { continue }
            return "arn:\(Partition.forRegion(region).rawValue):ecr:\(region):\(acct):repository/\(path)"
        }
        return nil
    }

    /// A sentence when the message is a network failure rather than a permission problem.
    static func network(_ lower: String) -> String? {
        let signs = ["context deadline exceeded", "i/o timeout", "request canceled", "send request failed",
                     "no such host", "connection refused", "while waiting for connection"]
        guard signs.contains(where: lower.contains) else { return nil }
        return "the task could not reach the AWS API (timeout/connection failure), which is not a permission problem: give the task a route to the service (NAT gateway or public IP, or VPC endpoints for ECR api+dkr, S3 gateway, Secrets Manager, SSM, KMS, Logs) and allow HTTPS egress in its security group"
    }
}
