import Foundation

/// One HTTP exchange, independent of the transport so another one can be injected.
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
///
/// `SystemTransport` is the platform's: libcurl loaded on first use on Linux (`CurlTransport`),
/// URLSession on Darwin.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

#if canImport(Darwin)
/// The platform's transport.
public typealias SystemTransport = URLSessionTransport

/// URLSession with an ephemeral configuration: no cookies, no cache, no disk.
public struct URLSessionTransport: HTTPTransport {
    /// Holds the running task so a cancellation can reach it from another thread.
    private final class TaskBox: @unchecked Sendable {
        private let lock = NSLock()
        private var task: URLSessionDataTask?
        private var cancelled = false
        func set(_ t: URLSessionDataTask) {
            let cancelNow = lock.withLock { task = t; return cancelled }
            if cancelNow { t.cancel() }
        }
        func cancel() {
            let t = lock.withLock { cancelled = true; return task }
            t?.cancel()
        }
    }

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
        // Not `session.data(for:)`: on Linux, cancelling a Swift task while its URLSession async call
        // completes deadlocks (the cancel handler runs URLSessionTask.cancel, which waits on the session
        // queue, while that queue waits for the task's status lock to resume the continuation). Seen
        // here when an `async let` sibling failed. So: completion handler + continuation, and a
        // cancel that is posted asynchronously, never run under the task's lock.
        let box = TaskBox()
        let (data, response): (Data, URLResponse) = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: r) { data, response, error in
                    if let error { continuation.resume(throwing: error); return }
                    guard let response else {
                        continuation.resume(throwing: URLError(.badServerResponse)); return
                    }
                    continuation.resume(returning: (data ?? Data(), response))
                }
                box.set(task)
                task.resume()
            }
        } onCancel: {
            DispatchQueue.global().async { box.cancel() }
        }
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
#else
/// The platform's transport.
public typealias SystemTransport = CurlTransport
#endif
