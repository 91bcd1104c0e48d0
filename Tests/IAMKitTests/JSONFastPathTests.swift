@testable import IAMKit
import XCTest

/// The parser's fast paths (eight-byte scans, literal words, lazy pointers) give what the plain
/// byte-by-byte reading gave: same strings, same positions, same pointers.
final class JSONFastPathTests: XCTestCase {
    func testLongStringsKeepColumnsAndEscapesAfterTheFirstEightBytes() throws {
        let doc = try JSONParser.parse(#"{"k": "abcdefghijklmnop\"qé😀rstuvwxyz0123456789", "n": 1}"#)
        XCTAssertEqual(doc.root["k"]?.string, "abcdefghijklmnop\"qé😀rstuvwxyz0123456789")
        // Columns count scalars: the string opens at 7 and holds 40 (the escape is two).
        XCTAssertEqual(doc.root["n"]?.position.column, 7 + 1 + 40 + 1 + 7)
        XCTAssertThrowsError(try JSONParser.parse("[\"abcdefghij\u{01}klmnop\"]")) { e in
            XCTAssertEqual((e as? JSONParseError)?.position.column, 13)
        }
    }

    func testIndentationRunsKeepLinesAndColumns() throws {
        let doc = try JSONParser.parse("{\n                    \"a\":\n\t            [1,\n                          2]}")
        XCTAssertEqual(doc.root["a"]?.position.line, 3)
        XCTAssertEqual(doc.root["a"]?.position.column, 14)
        XCTAssertEqual(doc.position(of: "/a/1").column, 27)
    }

    /// Runs of every length up to twenty spaces (skipped a run of up to eight at a time), mixed with
    /// tabs, carriage returns and text beyond ASCII: each node's line and column are what its byte
    /// offset says, counted one byte at a time.
    func testSpaceRunsOfEveryLengthKeepPositions() throws {
        for n in 0...20 {
            let pad = String(repeating: " ", count: n)
            let text = "{\(pad)\"é\":\(pad)[\(pad)1,\n\(pad)\t\(pad)\"x\"\(pad),\r\n\(pad){\(pad)\"k\"\(pad):\(pad)true\(pad)}\(pad)]\(pad)}\(pad)"
            let doc = try JSONParser.parse(text)
            let bytes = Array(text.utf8)
            func expected(_ offset: Int) -> (Int, Int) {
                var line = 1, column = 1
                for b in bytes[..<offset] {
                    if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
                }
                return (line, column)
            }
            func check(_ node: JSONNode) {
                let (line, column) = expected(node.position.offset)
                XCTAssertEqual(node.position.line, line, "run \(n) at \(node.pointer)")
                XCTAssertEqual(node.position.column, column, "run \(n) at \(node.pointer)")
                for m in node.members ?? [] {
                    let (kl, kc) = expected(m.keyPosition.offset)
                    XCTAssertEqual(m.keyPosition.line, kl, "run \(n) key \(m.key)")
                    XCTAssertEqual(m.keyPosition.column, kc, "run \(n) key \(m.key)")
                    check(m.value)
                }
                for item in node.array ?? [] { check(item) }
            }
            check(doc.root)
            XCTAssertEqual(doc.root["é"]?.array?[2]["k"]?.bool, true)
        }
    }

    func testCommonWordsAreOrdinaryStrings() throws {
        let doc = try JSONParser.parse(#"{"Effect": "Allow", "Effects": "Allo", "*": "2012-10-17", "": ""}"#)
        XCTAssertEqual(doc.root.members?.map(\.key), ["Effect", "Effects", "*", ""])
        XCTAssertEqual(doc.root["Effect"]?.string, "Allow")
        XCTAssertEqual(doc.root["Effects"]?.string, "Allo")
        XCTAssertEqual(doc.root["*"]?.string, "2012-10-17")
    }

    func testLeafPointersAreSpelledOutOnDemand() throws {
        let doc = try JSONParser.parse(#"{"a/b": {"m~n": "x", "list": ["y", {"z": true}]}}"#)
        let leaf = try XCTUnwrap(doc.root["a/b"]?["m~n"])
        XCTAssertEqual(leaf.pointer, "/a~1b/m~0n")
        XCTAssertEqual(leaf.location, LazyPointer("/a~1b/m~0n"), "equal however each is stored")
        XCTAssertNotEqual(leaf.location, LazyPointer("/a~1b/m~0"))
        XCTAssertEqual(doc.root["a/b"]?["list"]?.array?[0].pointer, "/a~1b/list/0")
        XCTAssertEqual(doc.root.node(at: "/a~1b/list/1/z")?.pointer, "/a~1b/list/1/z")
        var moved = leaf
        moved.pointer = "/elsewhere"
        XCTAssertEqual(moved.pointer, "/elsewhere")
    }

    func testPolicyModelPointersAreTheNodes() throws {
        let (policy, _) = try PolicyParser.parse(#"{"Version": "2012-10-17", "Statement": {"Sid": "A1", "Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*"], "Condition": {"ForAnyValue:ForAllValues:StringLike": {"aws:TagKeys": "x"}}}}"#)
        let st = try XCTUnwrap(policy.statements.first)
        XCTAssertEqual(st.sid?.pointer, "/Statement/Sid")
        XCTAssertEqual(st.effectPointer, "/Statement/Effect")
        XCTAssertEqual(st.action?.pointer, "/Statement/Action")
        XCTAssertEqual(st.action?.items.first?.pointer, "/Statement/Action")
        XCTAssertEqual(st.resource?.items.first?.pointer, "/Statement/Resource/0")
        XCTAssertEqual(st.conditions.first?.pointer, "/Statement/Condition/ForAnyValue:ForAllValues:StringLike/aws:TagKeys")
        XCTAssertEqual(st.conditions.first?.op.qualifier, .forAllValues)
        XCTAssertEqual(st.conditions.first?.op.base, "StringLike")
        XCTAssertEqual(policy.version?.pointer, "/Version")
    }

    func testConditionOperatorsOutsideASCIIAreReadByCharacters() {
        XCTAssertNil(ConditionOperator("StringLikeIfExistsé"))
        XCTAssertEqual(ConditionOperator("ForAnyValue:StringNotEqualsIfExists")?.negated, true)
        XCTAssertEqual(ConditionOperator("ForAnyValue:StringNotEqualsIfExists")?.ifExists, true)
        XCTAssertNil(ConditionOperator("NullIfExists"))
        XCTAssertNil(ConditionOperator("IfExists"))
    }

    /// `withUTF8Bytes` reads the bytes `withUTF8` reads, for small, large, non-ASCII and derived strings.
    func testUTF8BytesInPlaceAreWithUTF8s() {
        let long = String(repeating: "arn:aws:s3:::bucket/", count: 5)
        let strings = ["", "a", "s3:GetObject", "ecr:GetAuthorizationToken", "é", "naïve café 😀 \u{212A}", long,
                       String(long.dropFirst(3)), String(long.utf8.prefix(17))!, "K\u{301}" + long]
        for s in strings {
            var copy = s
            XCTAssertEqual(s.withUTF8Bytes { Array($0) }, copy.withUTF8 { Array($0) }, s.debugDescription)
            XCTAssertEqual(s.withUTF8Bytes { $0.count }, s.utf8.count)
        }
    }
}
