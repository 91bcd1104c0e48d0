@testable import IAMKit
import XCTest

/// `JSONPointer.escape` and `joined` (byte fast paths) give what their plain definitions give.
final class JSONPointerJoinTests: XCTestCase {
    private let samples = ["", "a", "Action", "Statement", "0123456789abcde", "0123456789abcdef",
                           "a/b", "m~n", "~/~1/~0", "é😀ü", "ñ/~", String(repeating: "x", count: 2_000),
                           "aws:SourceAccount", "ForAnyValue:StringLike"]

    func testEscapeIsTheRFC6901Replacement() {
        for s in samples {
            let plain = s.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            XCTAssertEqual(JSONPointer.escape(s), plain, s)
        }
    }

    func testJoinedIsTheConcatenation() {
        for a in samples + ["/Statement/12", "/Statement/12/Condition"] {
            for b in samples {
                let j = JSONPointer.joined(a, b)
                XCTAssertEqual(j, a + "/" + b)
                XCTAssertEqual(Array(j.utf8), Array(a.utf8) + [UInt8(ascii: "/")] + Array(b.utf8))
            }
        }
        XCTAssertEqual(JSONPointer.append("/a", "b/c"), "/a/b~1c")
        XCTAssertEqual(JSONPointer.append("/a", 7), "/a/7")
    }
}
