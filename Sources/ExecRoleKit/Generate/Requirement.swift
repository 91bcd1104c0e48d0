import IAMKit

/// One call the ECS agent (or Fargate) makes with the execution role before the task starts.
public struct Requirement: Equatable, Sendable {
    /// Why the call is made; also the statement it lands in.
    public enum Purpose: String, Sendable, CaseIterable {
        case ecrAuth, ecrPull, pullThroughCache, logs, createLogGroup, secretsManager, ssm, kms, s3Object, s3Bucket

        /// The Sid of the generated statement.
        public var sid: String {
            switch self {
            case .ecrAuth: return "ECRAuthToken"
            case .ecrPull: return "ECRPullImages"
            case .pullThroughCache: return "ECRPullThroughCache"
            case .logs: return "WriteContainerLogs"
            case .createLogGroup: return "CreateLogGroups"
            case .secretsManager: return "ReadSecrets"
            case .ssm: return "ReadParameters"
            case .kms: return "DecryptSecrets"
            case .s3Object: return "ReadS3Objects"
            case .s3Bucket: return "LocateS3Buckets"
            }
        }
    }

    public var action: String
    public var resource: String
    public var purpose: Purpose
    /// The task-definition feature that causes the call.
    public var cause: String
    public var origin: RoleSpec.Origin?
    /// Request context keys the real request carries (kms:ViaService for decrypts through a service).
    public var context: [String: String]

    public init(action: String, resource: String, purpose: Purpose, cause: String, origin: RoleSpec.Origin? = nil, context: [String: String] = [:]) {
        self.action = action; self.resource = resource; self.purpose = purpose; self.cause = cause; self.origin = origin; self.context = context
    }

    /// The ECS error a user sees when this call is denied.
    public var failureMessage: String {
        switch purpose {
        case .ecrAuth, .ecrPull, .pullThroughCache:
            return "CannotPullContainerError: pull image manifest has been retried … AccessDeniedException: User: arn:…:assumed-role/… is not authorized to perform: \(action) on resource: \(resource)"
        case .logs, .createLogGroup:
            return "ResourceInitializationError: failed to validate logger args: … AccessDeniedException: … is not authorized to perform: \(action) on resource: \(resource)"
        case .secretsManager:
            return "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: … AccessDeniedException: … is not authorized to perform: \(action) on resource: \(resource)"
        case .ssm:
            return "ResourceInitializationError: unable to pull secrets or registry auth: … unable to retrieve secrets from ssm: … AccessDeniedException: … is not authorized to perform: \(action) on resource: \(resource)"
        case .kms:
            return "ResourceInitializationError: unable to pull secrets or registry auth: … AccessDeniedException: Access to KMS is not allowed (kms:Decrypt on \(resource))"
        case .s3Object, .s3Bucket:
            return "ResourceInitializationError: failed to download env files: … AccessDenied: \(action) on \(resource)"
        }
    }
}
