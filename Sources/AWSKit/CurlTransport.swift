#if !canImport(Darwin)
import CCurl
import Foundation

/// HTTP(S) through the system's libcurl, loaded with `dlopen` on the first request (`CCurl`).
///
/// This is what URLSession does on Linux, minus FoundationNetworking: linking it made every start
/// of every command load and relocate libcurl and its ~35 dependencies (~6 ms of CPU), although
/// only the live-AWS commands send requests. It also means `lint`, `generate` and the wizard run on
/// a machine without libcurl; a live command there says what is missing.
///
/// Each request is one blocking `curl_easy_perform` on a thread of its own (not a cooperative-pool
/// thread); a cancelled Swift task stops the transfer through libcurl's progress callback.
public struct CurlTransport: HTTPTransport {
    public init() {}

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let flag = CancelFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, Error>) in
                let thread = Thread { continuation.resume(with: Result { try Self.perform(request, flag) }) }
                thread.start()
            }
        } onCancel: {
            flag.cancel()
        }
    }

    /// The transfer, on the calling thread.
    static func perform(_ request: HTTPRequest, _ flag: CancelFlag) throws -> HTTPResponse {
        var result = ccurl_result()
        let lines = request.headers.map { "\($0.name): \($0.value)" }
        let status: Int32 = withCStrings(lines) { headers in
            request.body.withUnsafeBytes { body in
                ccurl_perform(request.url.absoluteString, request.method, headers, lines.count,
                              body.bindMemory(to: UInt8.self).baseAddress, body.count,
                              Int(max(1, (request.timeout * 1000).rounded())), flag.pointer, &result)
            }
        }
        defer { ccurl_result_free(&result) }
        switch status {
        case 0:
            let body = result.body.map { Data(bytes: $0, count: result.body_length) } ?? Data()
            let head = result.headers.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: result.headers_length), as: UTF8.self) } ?? ""
            return HTTPResponse(status: result.status, headers: parseHeaders(head), body: body)
        case 3:
            throw CancellationError()
        default:
            let message = withUnsafeBytes(of: result.error) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            throw TransportError(message: message)
        }
    }

    /// Header lines (`Name: value`, CRLF-separated) → lower-cased names to values; a repeated name
    /// keeps its values comma-joined, as HTTP allows.
    static func parseHeaders(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in text.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            if let earlier = out[name] { out[name] = earlier + ", " + value } else { out[name] = value }
        }
        return out
    }

    /// A failed transfer (no connection, TLS, timeout, libcurl missing), in libcurl's words.
    struct TransportError: LocalizedError, CustomStringConvertible {
        let message: String
        var errorDescription: String? { message }
        var description: String { message }
    }

    /// The flag `ccurl_perform` polls; set once, from the cancellation handler's thread.
    final class CancelFlag: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<Int32>
        init() {
            pointer = .allocate(capacity: 1)
            pointer.initialize(to: 0)
        }
        func cancel() { ccurl_cancel(pointer) }
        deinit { pointer.deallocate() }
    }
}

/// Runs `body` with `strings` as an array of C strings (valid only during the call).
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    // A trailing nil keeps the array non-empty, so its base address always exists.
    let pointers = copies.map { $0.map { UnsafePointer($0) } } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
#endif
