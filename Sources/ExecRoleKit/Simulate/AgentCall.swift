import IAMKit

/// One call the ECS agent makes with the execution role, as a concrete IAM request.
///
/// A `Requirement` holds the resource *pattern* a policy should grant (`log-group:NAME:*`,
/// `secret:NAME-??????`); the agent's real request names a concrete resource (a log stream, the
/// secret's full ARN). A partial secret ARN whose ending may or may not be the random suffix has two
/// candidate requests: the call is allowed when either is, since only one of them is real.
public struct AgentCall: Sendable {
    public var requirement: Requirement
    /// The request IAM evaluates; `alternatives` are other forms the same call may take.
    public var request: EvaluationRequest
    public var alternatives: [EvaluationRequest]

    public init(requirement: Requirement, request: EvaluationRequest, alternatives: [EvaluationRequest] = []) {
        self.requirement = requirement; self.request = request; self.alternatives = alternatives
    }

    /// Every candidate request, the primary first.
    public var requests: [EvaluationRequest] { [request] + alternatives }
}

/// How the task reaches AWS, which decides some context keys of the agent's requests.
public struct AgentNetwork: Sendable, Equatable {
    /// VPC endpoint id per service prefix (`ecr`, `logs`, `secretsmanager`, `ssm`, `s3`); the key `*`
    /// means every service. Calls through an endpoint carry `aws:SourceVpce`.
    public var endpoints: [String: String]
    /// The VPC id, when known: calls through an endpoint also carry `aws:SourceVpc`.
    public var vpc: String?

    public init(endpoints: [String: String] = [:], vpc: String? = nil) { self.endpoints = endpoints; self.vpc = vpc }

    /// Parses `--via-vpc-endpoint` values: `vpce-0abc` (every service) or `secretsmanager=vpce-0abc`.
    public static func parse(_ flags: [String]) throws(ExecRoleError) -> AgentNetwork {
        var n = AgentNetwork()
        for f in flags {
            let parts = f.split(separator: "=", maxSplits: 1).map(String.init)
            let (svc, id) = parts.count == 2 ? (parts[0].lowercased(), parts[1]) : ("*", parts[0])
            guard id.hasPrefix("vpce-"), id.count > 5 else {
                throw ExecRoleError("--via-vpc-endpoint \"\(f)\": expected a VPC endpoint id (vpce-…) or SERVICE=vpce-…", flag: "--via-vpc-endpoint")
            }
            n.endpoints[svc] = id
        }
        return n
    }

    /// The endpoint the agent's calls to `service` go through, if any.
    public func endpoint(for service: String) -> String? { endpoints[service.lowercased()] ?? endpoints["*"] }
}
