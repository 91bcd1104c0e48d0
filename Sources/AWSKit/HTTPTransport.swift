import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP exchange, independent of URLSession so another transport can be injected.
public struct HTTPRequest: Sendable {
    public var url: URL
    public var method: String
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// Seconds before the request is abandoned.
    public var timeout: TimeInterval

    public init(url: URL, method: String, headers: [(name: String, value: String)], body: Data, timeout: TimeInterval) {
        self.url = url; self.method = method; self.headers = headers; self.body = body; self.timeout = timeout
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names lowercased.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status; self.headers = headers; self.body = body
    }
}

/// Sends requests. Tests use the real one against moto; the protocol exists for other hosts/proxies.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// URLSession (libcurl on Linux) with an ephemeral configuration: no cookies, no cache, no disk.
public struct URLSessionTransport: HTTPTransport {
    private let session: URLSession

    public init() {
        let config = URLSessionConfiguration.ephemeral
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        config.httpCookieStorage = nil
        config.urlCache = nil
        self.session = URLSession(configuration: config)
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var r = URLRequest(url: request.url)
        r.httpMethod = request.method
        r.timeoutInterval = request.timeout
        for (name, value) in request.headers where name.lowercased() != "host" {
            r.setValue(value, forHTTPHeaderField: name)
        }
        r.httpBody = request.body
        let (data, response) = try await session.data(for: r)
        guard let http = response as? HTTPURLResponse else {
            throw AWSError(service: "", code: "Transport", message: "not an HTTP response", httpStatus: 0)
        }
        var headers: [String: String] = [:]
        for (k, v) in http.allHeaderFields {
            if let k = k as? String, let v = v as? String { headers[k.lowercased()] = v }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }
}
