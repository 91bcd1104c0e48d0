import IAMKit
import XCTest

final class JSONParserTests: XCTestCase {
    func testKeepsKeyOrderAndPositions() throws {
        let doc = try JSONParser.parse("{\n  \"b\": 1,\n  \"a\": [true, null, \"x\"]\n}")
        XCTAssertEqual(doc.root.members?.map(\.key), ["b", "a"])
        XCTAssertEqual(doc.root["a"]?.position.line, 3)
        XCTAssertEqual(doc.root["a"]?.position.column, 8)
        XCTAssertEqual(doc.position(of: "/a/2").line, 3)
        XCTAssertEqual(doc.position(of: "/a/2").column, 21)
        XCTAssertEqual(doc.root.node(at: "/a/2")?.string, "x")
        XCTAssertEqual(doc.root.node(at: "/a/2")?.pointer, "/a/2")
    }

    func testPointerEscapesAndNearestAncestor() throws {
        let doc = try JSONParser.parse(#"{"a/b": {"m~n": 1}}"#)
        XCTAssertEqual(doc.root.node(at: "/a~1b/m~0n")?.json, .number("1"))
        XCTAssertEqual(doc.position(of: "/a~1b/missing/3"), doc.root["a/b"]!.position)
        XCTAssertEqual(JSONPointer.tokens("/a~1b/m~0n"), ["a/b", "m~n"])
    }

    func testDuplicateKeysAreReportedNotFatal() throws {
        let doc = try JSONParser.parse("{\"Effect\": \"Allow\",\n \"Effect\": \"Deny\"}")
        XCTAssertEqual(doc.duplicateKeys.count, 1)
        XCTAssertEqual(doc.duplicateKeys[0].key, "Effect")
        XCTAssertEqual(doc.duplicateKeys[0].position.line, 2)
        XCTAssertEqual(doc.root["Effect"]?.string, "Allow", "first occurrence wins in lookups")
    }

    func testErrorsCarryLineAndColumn() {
        let cases: [(String, Int, Int, String)] = [
            ("{\n  \"a\": 1,\n}", 3, 1, "trailing comma"),
            ("{\"a\" 1}", 1, 6, "expected ':'"),
            ("[1, 2", 1, 6, "missing ']'"),
            ("{\"a\": tru}", 1, 7, "invalid literal"),
            ("{'a': 1}", 1, 2, "double-quoted key"),
            ("\"abc", 1, 5, "unterminated string"),
            ("{\"a\": \"\\x\"}", 1, 8, "invalid escape"),
            ("01", 1, 1, "leading zeros"),
            ("{} {}", 1, 4, "after the end"),
            ("", 1, 1, "empty input"),
            ("{\"a\": \"é\" x}", 1, 11, "expected ',' or '}'"),
        ]
        for (text, line, col, msg) in cases {
            XCTAssertThrowsError(try JSONParser.parse(text), text) { e in
                let err = e as! JSONParseError
                XCTAssertEqual(err.position.line, line, text)
                XCTAssertEqual(err.position.column, col, "\(text): \(err)")
                XCTAssertTrue(err.message.contains(msg), "\(text): \(err.message)")
            }
        }
    }

    func testDeepNestingFailsCleanly() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        XCTAssertThrowsError(try JSONParser.parse(deep)) { e in XCTAssertTrue("\(e)".contains("nesting")) }
    }

    func testStringsAndNumbers() throws {
        let doc = try JSONParser.parse(#"{"s": "a\"\\\/\n\u00e9\ud83d\ude00", "n": -12.5e+3, "z": 0}"#)
        XCTAssertEqual(doc.root["s"]?.string, "a\"\\/\né😀")
        XCTAssertEqual(doc.root["n"]?.json, .number("-12.5e+3"))
        XCTAssertThrowsError(try JSONParser.parse(#""\ud83d""#))
    }

    func testBOMIsSkipped() throws {
        let doc = try JSONParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("{}".utf8))
        XCTAssertEqual(doc.root.members?.count, 0)
    }

    func testWriterRoundTripsAndEscapes() throws {
        let v = JSON.obj([("b", .array([.string("x\"y"), .number("1"), .bool(false), .null])), ("a", .obj([])), ("c", .array([]))])
        let text = JSONWriter.pretty(v)
        XCTAssertEqual(text, "{\n  \"b\": [\n    \"x\\\"y\",\n    1,\n    false,\n    null\n  ],\n  \"a\": {},\n  \"c\": []\n}\n")
        XCTAssertEqual(try JSONParser.parse(text).root.json, v)
        XCTAssertEqual(JSONWriter.compact(v), #"{"b":["x\"y",1,false,null],"a":{},"c":[]}"#)
        XCTAssertEqual(JSONWriter.quote("\u{1}"), "\"\\u0001\"")
    }
}
