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

    func testACancelledTaskSendsNothing() async {
        let request = HTTPRequest(url: URL(string: "http://127.0.0.1:9/")!, method: "GET", headers: [], body: Data(), timeout: 5)
        let task = Task { try await CurlTransport().send(request) }
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("expected cancellation")
        } catch {
            XCTAssertTrue(error is CancellationError || error is CurlTransport.TransportError, "\(error)")
        }
    }
}
#endif
