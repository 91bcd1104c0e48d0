import Foundation

/// An error AWS (or the HTTP path to it) returned for one call.
///
/// `message` is AWS's own text; `description` adds a hint for the codes users hit most, and the
/// credential source when the credentials themselves were refused. No secret is ever part of it.
public struct AWSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Signing name of the service, e.g. `secretsmanager`.
    public var service: String
    /// AWS error code, e.g. `AccessDeniedException`, `SignatureDoesNotMatch`; `Transport` for I/O failures.
    public var code: String
    public var message: String
    /// HTTP status, 0 when no response came back.
    public var httpStatus: Int
    /// Operation name, e.g. `ListSecrets`.
    public var operation: String
    /// Where the credentials came from (profile/source), so a refusal names it.
    public var credentialSource: String?

    public init(service: String, code: String, message: String, httpStatus: Int, operation: String = "",
                credentialSource: String? = nil) {
        self.service = service; self.code = code; self.message = message; self.httpStatus = httpStatus
        self.operation = operation; self.credentialSource = credentialSource
    }

    /// Codes that mean "slow down": retried with backoff.
    public static let throttlingCodes: Set<String> = [
        "ThrottlingException", "TooManyRequestsException", "Throttling", "RequestLimitExceeded",
        "ThrottledException", "RequestThrottled", "RequestThrottledException", "SlowDown",
    ]

    /// Codes that mean the credentials themselves are wrong (not the permissions).
    public static let credentialCodes: Set<String> = [
        "SignatureDoesNotMatch", "InvalidClientTokenId", "UnrecognizedClientException", "InvalidAccessKeyId",
        "IncompleteSignature", "ExpiredToken", "ExpiredTokenException", "InvalidSignatureException",
        "AuthFailure", "MissingAuthenticationToken",
    ]

    public static let accessDeniedCodes: Set<String> = ["AccessDenied", "AccessDeniedException", "UnauthorizedOperation"]

    public var isThrottling: Bool { Self.throttlingCodes.contains(code) || httpStatus == 429 }
    public var isRetryable: Bool { isThrottling || httpStatus >= 500 || code == "Transport" }
    public var isCredentialError: Bool { Self.credentialCodes.contains(code) }
    public var isAccessDenied: Bool { Self.accessDeniedCodes.contains(code) }

    public var description: String {
        let op = operation.isEmpty ? service : "\(service):\(operation)"
        let via = credentialSource.map { " (credentials from \($0))" } ?? ""
        if isCredentialError {
            return "\(op): AWS rejected the credentials\(via): \(code): \(message)"
        }
        if isAccessDenied {
            return "\(op): access denied\(via): \(message)"
        }
        if code == "Transport" { return "\(op): could not reach AWS: \(message)" }
        return "\(op): \(code) (HTTP \(httpStatus)): \(message)"
    }
}
