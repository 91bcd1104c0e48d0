import IAMKit

/// Turns a spec's requirements into the concrete requests the ECS agent sends, with the request
/// context IAM sees on them.
///
/// Context keys present: aws:PrincipalArn (the role ARN: for a role session IAM reports the role,
/// not the session), aws:PrincipalAccount, aws:PrincipalType, aws:userid, aws:RequestedRegion,
/// aws:SecureTransport, aws:CurrentTime, aws:EpochTime, aws:ViaAWSService; kms:ViaService and
/// aws:CalledVia for decrypts made by Secrets Manager/SSM on the role's behalf; aws:SourceVpce/
/// aws:SourceVpc only through a VPC endpoint. Never aws:SourceAccount/aws:SourceArn: those exist
/// only when a service calls another on a *resource's* behalf (an inference from the IAM docs).
public enum AgentCalls {
    /// The task id used in concrete stream names and session ARNs.
    public static let sampleTaskId = "0123456789abcdef0123456789abcdef"
    /// Stands in for the random 6-character suffix of a secret named without it.
    public static let sampleSecretSuffix = "-Ab12Cd"
    /// The AWS-owned account in GuardDuty's repository ARN is unknown offline.
    public static let awsOwnedAccount = "000000000000"

    /// The role ARN requests come from.
    public static func roleARN(_ spec: RoleSpec) -> String {
        "arn:\(spec.partition):iam::\(spec.account ?? "123456789012"):role/\(spec.name)"
    }

    /// The assumed-role session ARN that AccessDenied messages name.
    public static func sessionARN(_ spec: RoleSpec) -> String {
        "arn:\(spec.partition):sts::\(spec.account ?? "123456789012"):assumed-role/\(spec.name)/\(sampleTaskId)"
    }

    /// The calls for a spec.
    public static func build(_ spec: RoleSpec, requirements: [Requirement]? = nil, network: AgentNetwork = AgentNetwork(),
                             currentTime: String = "2026-01-01T00:00:00Z") -> [AgentCall] {
        let reqs = requirements ?? Requirements.compute(spec)
        var calls: [AgentCall] = []
        for r in reqs {
            // `NAME-??????` after `NAME` for the same secret: the second candidate of one call.
            if r.purpose == .secretsManager, r.resource.hasSuffix("-??????"),
               let i = calls.firstIndex(where: { $0.requirement.purpose == .secretsManager && $0.requirement.resource == String(r.resource.dropLast(7)) }) {
                calls[i].alternatives.append(request(r, spec: spec, network: network, time: currentTime))
                continue
            }
            calls.append(AgentCall(requirement: r, request: request(r, spec: spec, network: network, time: currentTime)))
        }
        return calls
    }

    /// The concrete request for one requirement.
    public static func request(_ r: Requirement, spec: RoleSpec, network: AgentNetwork, time: String) -> EvaluationRequest {
        let resource = concreteResource(r, spec: spec)
        var ctx = RequestContext()
        let acct = spec.account ?? "123456789012"
        ctx["aws:PrincipalArn"] = [roleARN(spec)]
        ctx["aws:PrincipalAccount"] = [acct]
        ctx["aws:PrincipalType"] = ["AssumedRole"]
        ctx["aws:userid"] = ["AROAEXAMPLEROLEID:\(sampleTaskId)"]
        ctx["aws:SecureTransport"] = ["true"]
        ctx["aws:CurrentTime"] = [time]
        if let epoch = ConditionValues.date(time) { ctx["aws:EpochTime"] = [String(Int(epoch))] }
        let region = ARN(resource).map(\.region).flatMap { $0.isEmpty || $0 == "*" ? nil : $0 } ?? spec.region
        if let region { ctx["aws:RequestedRegion"] = [region] }
        let service = String(r.action.prefix { $0 != ":" })
        if let via = r.context["kms:ViaService"] {
            ctx["kms:ViaService"] = [via]
            ctx["aws:ViaAWSService"] = ["true"]
            ctx["aws:CalledVia"] = [via.split(separator: ".").first.map { "\($0).amazonaws.com" } ?? via]
        } else {
            ctx["aws:ViaAWSService"] = ["false"]
            // The token call has no VPC-endpoint context (AWS-FACTS: never condition it on SourceVpce).
            if r.purpose != .ecrAuth, let vpce = network.endpoint(for: service) {
                ctx["aws:SourceVpce"] = [vpce]
                if let vpc = network.vpc { ctx["aws:SourceVpc"] = [vpc] }
            }
        }
        for (k, v) in r.context where k != "kms:ViaService" { ctx[k] = [v] }
        return EvaluationRequest(action: r.action, resource: resource, context: ctx)
    }

    /// The resource the real request names.
    public static func concreteResource(_ r: Requirement, spec: RoleSpec) -> String {
        switch r.purpose {
        case .logs:
            guard r.resource.hasSuffix(":*") else { return r.resource }
            let group = spec.logGroups.first { r.resource.contains(":log-group:\($0.name):") }
            let container = r.origin?.container ?? "app"
            let stream = group?.streamPrefix.map { "\($0)/\(container)/\(sampleTaskId)" } ?? sampleTaskId
            return String(r.resource.dropLast()) + "log-stream:" + stream
        case .createLogGroup:
            return r.resource.hasSuffix(":*") ? String(r.resource.dropLast()) + "log-stream:" : r.resource
        case .secretsManager:
            return r.resource.hasSuffix("-??????") ? String(r.resource.dropLast(7)) + sampleSecretSuffix : r.resource
        case .ecrPull, .pullThroughCache:
            guard var a = ARN(r.resource), a.account == "*" else { return r.resource }
            a.account = awsOwnedAccount
            return a.description
        default:
            return r.resource
        }
    }
}
