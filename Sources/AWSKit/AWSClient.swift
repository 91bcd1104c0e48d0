import Foundation

/// How hard to try: bounded attempts, exponential backoff with full jitter, per-request timeout.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var baseDelay: TimeInterval
    public var maxDelay: TimeInterval
    /// Seconds per HTTP request.
    public var timeout: TimeInterval

    public init(maxAttempts: Int = 4, baseDelay: TimeInterval = 0.2, maxDelay: TimeInterval = 5, timeout: TimeInterval = 20) {
        self.maxAttempts = max(1, maxAttempts); self.baseDelay = baseDelay; self.maxDelay = maxDelay; self.timeout = timeout
    }

    /// Full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"): uniform in [0, min(cap, base*2^n)].
    func delay(afterAttempt attempt: Int) -> TimeInterval {
        let ceiling = min(maxDelay, baseDelay * pow(2, Double(attempt - 1)))
        return Double.random(in: 0...max(ceiling, 0.001))
    }
}

/// Signs and sends AWS calls in the two wire protocols AWSKit needs: JSON 1.1 and Query/XML.
///
/// It only accepts `AWSOperation` values, so it cannot be asked to read a secret value.
public struct AWSClient: Sendable {
    public let credentials: Credentials
    public let region: String
    public let environment: AWSEnvironment
    public let transport: any HTTPTransport
    public let retry: RetryPolicy

    public init(credentials: Credentials, region: String, environment: AWSEnvironment = .current(),
                transport: any HTTPTransport = SystemTransport(), retry: RetryPolicy = RetryPolicy()) {
        self.credentials = credentials; self.region = region; self.environment = environment
        self.transport = transport; self.retry = retry
    }

    public var partition: Partition { Partition(region: region) }

    // MARK: - Protocols

    /// JSON 1.1: POST `/`, `X-Amz-Target: Prefix.Operation`, JSON body in and out.
    public func json(_ op: AWSOperation, _ body: [String: any Sendable] = [:]) async throws -> Data {
        guard let target = op.target else { preconditionFailure("\(op) is not a JSON 1.1 operation") }
        let payload = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        return try await send(op, headers: [("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", target)],
                              body: payload)
    }

    /// JSON 1.1 call decoded into `T`.
    public func json<T: Decodable>(_ op: AWSOperation, _ body: [String: any Sendable] = [:], as type: T.Type) async throws -> T {
        let data = try await json(op, body)
        do { return try JSONDecoder().decode(T.self, from: data) } catch {
            throw AWSError(service: op.service.signingName, code: "InvalidResponse",
                           message: "unexpected response shape: \(error)", httpStatus: 200, operation: op.name)
        }
    }

    /// Query protocol: form-encoded POST with `Action` and `Version`, XML back.
    public func query(_ op: AWSOperation, _ params: [String: String] = [:]) async throws -> XMLNode {
        guard let version = op.service.queryVersion else { preconditionFailure("\(op) is not a Query operation") }
        var all = params
        all["Action"] = op.name
        all["Version"] = version
        let body = Data(SigV4Encoding.formBody(all).utf8)
        let data = try await send(op, headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")], body: body)
        guard let root = XMLNode.parse(data) else {
            throw AWSError(service: op.service.signingName, code: "InvalidResponse", message: "response is not XML",
                           httpStatus: 200, operation: op.name)
        }
        return root
    }

    // MARK: - Sending

    private func send(_ op: AWSOperation, headers: [(name: String, value: String)], body: Data) async throws -> Data {
        let service = op.service
        let endpoint = try environment.endpoint(for: service, region: region)
        var attempt = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            do {
                return try await sendOnce(op, endpoint: endpoint, headers: headers, body: body)
            } catch let error as AWSError where error.isRetryable && attempt < retry.maxAttempts {
                let pause = retry.delay(afterAttempt: attempt)
                try await Task.sleep(nanoseconds: UInt64(pause * 1_000_000_000))
            }
        }
    }

    private func sendOnce(_ op: AWSOperation, endpoint: ServiceEndpoint, headers: [(name: String, value: String)],
                          body: Data) async throws -> Data {
        let url = endpoint.url
        var hostHeader = url.host ?? ""
        if let port = url.port, !((url.scheme == "https" && port == 443) || (url.scheme == "http" && port == 80)) {
            hostHeader += ":\(port)"
        }
        var path = url.path.isEmpty ? "/" : url.path
        if !path.hasSuffix("/") { path += "/" }
        let signer = SigV4Signer(service: op.service.signingName, region: endpoint.signingRegion)
        // Signed headers are exactly what the transport sends; URLSession adds only unsigned ones.
        var request = SignableRequest(method: "POST", path: path, headers: [("Host", hostHeader)] + headers, body: body)
        request = signer.sign(request, credentials: credentials, date: Date())
        var target = URLComponents(url: url, resolvingAgainstBaseURL: false)!
        target.path = path
        let http = HTTPRequest(url: target.url!, method: "POST", headers: request.headers, body: body, timeout: retry.timeout)
        let response: HTTPResponse
        do {
            response = try await transport.send(http)
        } catch let e as AWSError {
            throw e
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw AWSError(service: op.service.signingName, code: "Transport", message: error.localizedDescription,
                           httpStatus: 0, operation: op.name)
        }
        if (200..<300).contains(response.status) { return response.body }
        throw Self.parseError(response, op: op, credentialSource: credentials.source)
    }

    /// Reads the error code and message from a JSON 1.1 or XML error body (moto answers some JSON
    /// services' auth errors in XML, and so do AWS front ends), falling back to the HTTP status.
    static func parseError(_ response: HTTPResponse, op: AWSOperation, credentialSource: String?) -> AWSError {
        var code: String?
        var message: String?
        if let obj = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] {
            code = (obj["__type"] ?? obj["code"] ?? obj["Code"]) as? String
            message = (obj["message"] ?? obj["Message"] ?? obj["errorMessage"]) as? String
        } else if let root = XMLNode.parse(response.body) {
            code = root.first("Code")?.text
            message = root.first("Message")?.text
        }
        if code == nil, let h = response.headers["x-amzn-errortype"] { code = h }
        // `com.amazonaws.kms#NotFoundException` and `Code:http://...` forms: keep the bare code.
        if var c = code {
            if let hash = c.lastIndex(of: "#") { c = String(c[c.index(after: hash)...]) }
            if let colon = c.firstIndex(of: ":") { c = String(c[..<colon]) }
            code = c
        }
        let fallback: String
        switch response.status {
        case 403: fallback = "AccessDenied"
        case 429: fallback = "TooManyRequestsException"
        case 500...: fallback = "InternalFailure"
        default: fallback = "HTTP\(response.status)"
        }
        let text = message ?? String(decoding: response.body.prefix(300), as: UTF8.self)
        return AWSError(service: op.service.signingName, code: code ?? fallback, message: text,
                        httpStatus: response.status, operation: op.name, credentialSource: credentialSource)
    }
}
