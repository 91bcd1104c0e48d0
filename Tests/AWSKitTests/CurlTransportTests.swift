#if !canImport(Darwin)
@testable import AWSKit
import Foundation
import XCTest

/// The libcurl transport's own parts; its answers from a real server are covered by every moto test.
final class CurlTransportTests: XCTestCase {
    func testHeaderLinesAreReadLikeURLSessionReportsThem() {
        let h = CurlTransport.parseHeaders("Content-Type: application/x-amz-json-1.1\r\nx-amzn-RequestId:  abc \r\nSet-Cookie: a\r\nset-cookie: b\r\nno colon\r\n: empty\r\n\r\n")
        XCTAssertEqual(h, ["content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "abc", "set-cookie": "a, b"])
        XCTAssertEqual(CurlTransport.parseHeaders(""), [:])
    }

    func testAClosedPortIsATransportErrorInLibcurlsWords() async {
        let request = HTTPRequest(url: URL(string: "http://127.0.0.1:9/")!, method: "POST", headers: [("Content-Type", "text/plain")],
                                  body: Data("x".utf8), timeout: 5)
        do {
            _ = try await CurlTransport().send(request)
            XCTFail("expected an error")
        } catch let e as CurlTransport.TransportError {
            XCTAssertFalse(e.message.isEmpty)
            XCTAssertEqual(e.localizedDescription, e.message)
        } catch {
            XCTFail("unexpected \(error)")
        }
    }

    func testATaskCancelledBeforeSendingSendsNothing() async {
        let request = HTTPRequest(url: URL(string: "http://127.0.0.1:9/")!, method: "GET", headers: [], body: Data(), timeout: 5)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await CurlTransport().send(request)
        }
        do {
            _ = try await task.value
            XCTFail("expected cancellation")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
    }

    /// A server that accepts the connection and never answers: cancelling the task stops the
    /// transfer (libcurl's progress callback) long before its 30 s timeout.
    func testCancellingAnUnansweredRequestStopsIt() async throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && listen(fd, 4) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        XCTAssertTrue(bound)
        let port = UInt16(bigEndian: addr.sin_port)
        let request = HTTPRequest(url: URL(string: "http://127.0.0.1:\(port)/")!, method: "POST", headers: [], body: Data("x".utf8), timeout: 30)
        let start = Date()
        let task = Task { try await CurlTransport().send(request) }
        try await Task.sleep(nanoseconds: 300_000_000)
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("expected cancellation")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }
}
#endif
