import Foundation
@testable import IAMKit
import XCTest

/// `JSONNode.compactScalarCount` and the eight-byte count of quoted strings give what the compact
/// text's scalar count gives.
final class JSONNodeSizeTests: XCTestCase {
    private func assertCounts(_ doc: JSONDocument, file: StaticString = #filePath, line: UInt = #line) {
        let json = doc.root.json
        let text = JSONWriter.compact(json).unicodeScalars.count
        XCTAssertEqual(JSONWriter.compactScalarCount(json), text, file: file, line: line)
        XCTAssertEqual(doc.root.compactScalarCount, text, file: file, line: line)
    }

    func testManagedPoliciesCountAsTheirCompactText() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/managed")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
        for name in names.enumerated().filter({ $0.offset % 10 == 0 }).map(\.element) {
            assertCounts(try JSONParser.parse(bytes: Array(try Data(contentsOf: dir.appendingPathComponent(name)))))
        }
    }

    func testRoleFixturesCountAsTheirCompactText() throws {
        var checked = 0
        for (_, text) in try RoleFixtureDocuments.all() {
            guard let doc = try? JSONParser.parse(text) else { continue }
            assertCounts(doc)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20)
    }

    func testEscapesAndNonASCIICountAsTheirCompactText() throws {
        for text in [#"{"a":"q\"b\\c\n\r\t\u0001\u001f é 日本 😀","n":[1,-2.5e10,0,true,false,null],"o":{},"e":[]}"#,
                     #"  [ "x" , { "k" : [ [ ] ] } ]  "#, #""""#, #"{"a":1,"a":2}"#] {
            assertCounts(try JSONParser.parse(text))
        }
        let doc = try JSONParser.parse(#"""
        {"a": "plain ascii that is long enough", "b\"q": "tab\there \\ \"q\" \u0001\u001f é😀 abcdefghijk",
         "c": [true, false, null, -1.5e3, 0, "", "12345678", "1234567\u0000", "é1234567", "1234567é"],
         "d": {}, "e": [], "ü": {"x": ["\r\n", "</script>"]}}
        """#)
        assertCounts(doc)
        for s in ["", "a", "12345678", "\u{7F}1234567", "1234567\u{7F}", "\u{80}", "😀😀😀", "abc\u{1}defgh\"ijk\\"] {
            XCTAssertEqual(JSONWriter.quotedScalarCount(s), JSONWriter.quote(s).unicodeScalars.count, s.debugDescription)
        }
    }
}

/// `JSONWriter.pretty`, now written as bytes, is the text the `String` writer (`appendPretty`) gives.
final class JSONWriterBytesTests: XCTestCase {
    private func stringWriter(_ v: JSON) -> String {
        var s = ""
        JSONWriter.appendPretty(v, indent: 0, to: &s)
        return s + "\n"
    }

    func testPrettyBytesEqualTheStringWriter() throws {
        let values: [JSON] = [
            .null, .bool(true), .number("-1.5e3"), .string(""), .array([]), .object([]),
            .string("tab\t \"q\" \\ \u{01}\u{1F}\u{7F} é😀 </script> \r\n 12345678\u{0}"),
            .obj([("a", .array([.obj([]), .array([]), .array([.array([.null])]), .obj([("k\"ey", .bool(false))])])),
                  ("ü", .obj([("x", .string("y")), ("n", .number("0"))]))]),
        ]
        for v in values {
            XCTAssertEqual(JSONWriter.pretty(v), stringWriter(v))
            XCTAssertEqual(String(decoding: JSONWriter.prettyUTF8(v), as: UTF8.self), stringWriter(v))
        }
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/managed")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
        for name in names.enumerated().filter({ $0.offset % 50 == 0 }).map(\.element) {
            let json = try JSONParser.parse(bytes: Array(try Data(contentsOf: dir.appendingPathComponent(name)))).root.json
            XCTAssertEqual(JSONWriter.pretty(json), stringWriter(json), name)
            var parts: [UInt8] = []
            JSONWriter.writePrettyUTF8(.array(Array(repeating: json, count: 40))) { parts += $0 }
            XCTAssertEqual(String(decoding: parts, as: UTF8.self), stringWriter(.array(Array(repeating: json, count: 40))), name)
        }
    }
}
