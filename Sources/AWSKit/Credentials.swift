import Foundation

/// AWS credentials plus where they came from.
///
/// `description`, `debugDescription` and the mirror (`dump`, `po`) show only the access key id and the
/// source: the secret and the session token never leave this value except into the signer.
public struct Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let accessKeyId: String
    public let secretAccessKey: String
    public let sessionToken: String?
    public let expiration: Date?
    /// Human-readable origin, e.g. `environment`, `profile "dev" (~/.aws/credentials)`.
    public let source: String

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil,
                expiration: Date? = nil, source: String = "explicit") {
        self.accessKeyId = accessKeyId; self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken; self.expiration = expiration; self.source = source
    }

    public var description: String {
        "Credentials(accessKeyId: \(accessKeyId), secretAccessKey: <redacted>\(sessionToken == nil ? "" : ", sessionToken: <redacted>"), source: \(source))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["accessKeyId": accessKeyId, "source": source, "secretAccessKey": "<redacted>"],
               displayStyle: .struct)
    }

    /// A copy with another source label (the chain names the profile that led to these keys).
    func withSource(_ source: String) -> Credentials {
        Credentials(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: sessionToken,
                    expiration: expiration, source: source)
    }
}
