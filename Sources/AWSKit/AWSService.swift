import Foundation

/// The services AWSKit talks to, with the names each convention needs.
public enum AWSService: String, CaseIterable, Sendable {
    case ecr, logs, secretsManager, ssm, kms, ecs, iam, sts

    /// SigV4 signing name (the credential scope's service part).
    public var signingName: String {
        switch self {
        case .ecr: "ecr"
        case .logs: "logs"
        case .secretsManager: "secretsmanager"
        case .ssm: "ssm"
        case .kms: "kms"
        case .ecs: "ecs"
        case .iam: "iam"
        case .sts: "sts"
        }
    }

    /// SDK service id; `AWS_ENDPOINT_URL_<ID uppercased, spaces to underscores>` overrides its endpoint.
    public var serviceId: String {
        switch self {
        case .ecr: "ECR"
        case .logs: "CloudWatch Logs"
        case .secretsManager: "Secrets Manager"
        case .ssm: "SSM"
        case .kms: "KMS"
        case .ecs: "ECS"
        case .iam: "IAM"
        case .sts: "STS"
        }
    }

    /// The environment variable that overrides this service's endpoint.
    public var endpointVariable: String {
        "AWS_ENDPOINT_URL_" + serviceId.uppercased().replacingOccurrences(of: " ", with: "_")
    }

    /// Endpoint host prefix (`api.ecr` because `ecr.REGION` is not the API host).
    var hostPrefix: String {
        switch self {
        case .ecr: "api.ecr"
        default: signingName
        }
    }

    /// The short name used in `Inventory.errors` and messages (the signing name).
    public var displayName: String { signingName }

    /// JSON 1.1 target prefix; nil for the Query-protocol services (IAM, STS).
    var jsonTargetPrefix: String? {
        switch self {
        case .ecr: "AmazonEC2ContainerRegistry_V20150921"
        case .logs: "Logs_20140328"
        case .secretsManager: "secretsmanager"
        case .ssm: "AmazonSSM"
        case .kms: "TrentService"
        case .ecs: "AmazonEC2ContainerServiceV20141113"
        case .iam, .sts: nil
        }
    }

    /// Query-protocol API version; nil for JSON services.
    var queryVersion: String? {
        switch self {
        case .iam: "2010-05-08"
        case .sts: "2011-06-15"
        default: nil
        }
    }
}

/// An AWS partition: decides the DNS suffix and the global IAM endpoint.
public enum Partition: String, Sendable {
    case aws, awsCN = "aws-cn", awsUSGov = "aws-us-gov"

    public init(region: String) {
        if region.hasPrefix("cn-") { self = .awsCN }
        else if region.hasPrefix("us-gov-") { self = .awsUSGov }
        else { self = .aws }
    }

    public var dnsSuffix: String { self == .awsCN ? "amazonaws.com.cn" : "amazonaws.com" }

    /// IAM is global: one endpoint per partition, signed for that partition's home region.
    var iamEndpoint: (host: String, signingRegion: String) {
        switch self {
        case .aws: ("iam.amazonaws.com", "us-east-1")
        case .awsCN: ("iam.cn-north-1.amazonaws.com.cn", "cn-north-1")
        case .awsUSGov: ("iam.us-gov.amazonaws.com", "us-gov-west-1")
        }
    }
}

/// Where one service's requests go and which region they are signed for.
public struct ServiceEndpoint: Sendable, Equatable {
    public var url: URL
    public var signingRegion: String
}
