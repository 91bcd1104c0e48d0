@testable import IAMKit
import XCTest

/// The parser counts the document's compact size as it reads, and gives arrays and objects room for a
/// few values up front: the counts are `JSONNode.compactScalarCount` of the tree, and nested
/// containers keep their own values, keys and duplicates.
final class JSONParserCountTests: XCTestCase {
    func testNestedContainersKeepTheirOwnValues() throws {
        let text = #"{"a": [1, [2, [3, {"x": [], "y": {}}], 4], {"a": 5}], "b": {"b": {"b": [6]}, "c": 7}, "c": [[], [[]], {}]}"#
        let doc = try JSONParser.parse(text)
        let expected = JSON.obj([
            ("a", .array([.number("1"), .array([.number("2"), .array([.number("3"), .obj([("x", .array([])), ("y", .obj([]))])]), .number("4")]),
                          .obj([("a", .number("5"))])])),
            ("b", .obj([("b", .obj([("b", .array([.number("6")]))])), ("c", .number("7"))])),
            ("c", .array([.array([]), .array([.array([])]), .obj([])])),
        ])
        XCTAssertEqual(JSONWriter.compact(doc.root.json), JSONWriter.compact(expected))
        // Keys repeated at other levels are not duplicates of each other.
        XCTAssertTrue(doc.duplicateKeys.isEmpty)
        XCTAssertEqual(doc.root.node(at: "/a/1/1/1/y")?.pointer, "/a/1/1/1/y")
        XCTAssertEqual(doc.root.node(at: "/a/1/2")?.position, SourcePosition(line: 1, column: 40, offset: 39))
        XCTAssertEqual(doc.root.node(at: "/b/b/b/0")?.pointer, "/b/b/b/0")
    }

    func testDuplicatesInSmallAndLargeObjects() throws {
        // 20 members: the scan gives way to a set after 16; the nested object's keys do not count.
        let keys = (0..<20).map { "k\($0)" }
        let members = keys.map { "\"\($0)\": {\"k1\": 1, \"k1\": 2}" }.joined(separator: ", ")
        let doc = try JSONParser.parse("{\(members), \"k3\": 0, \"k18\": [{\"z\": 1, \"z\": 2}]}")
        let found = doc.duplicateKeys.map { "\($0.pointer) \($0.key)" }
        XCTAssertEqual(found, keys.map { "/\($0)/k1 k1" } + ["/k3 k3", "/k18/0/z z", "/k18 k18"])
        XCTAssertEqual(doc.root.members?.map(\.key), keys + ["k3", "k18"])
    }

    func testParsedCountIsTheTreeCount() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/managed")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThan(names.count, 1000)
        for name in names {
            let doc = try JSONParser.parse(bytes: Array(try Data(contentsOf: dir.appendingPathComponent(name))))
            XCTAssertEqual(doc.parsedRootSize, doc.root.compactScalarCount, name)
        }
        var checked = 0
        for (_, text) in try RoleFixtureDocuments.all() {
            guard let doc = try? JSONParser.parse(text) else { continue }
            XCTAssertEqual(doc.parsedRootSize, doc.root.compactScalarCount)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20)
        for text in [#"{"a":"q\"b\\c\n\r\t\u0001\u001f é 日本 😀","n":[1,-2.5e10,0,true,false,null],"o":{},"e":[]}"#,
                     #"  [ "x" , { "k" : [ [ ] ] } ]  "#, #""""#, #"{"a":1,"a":2}"#, "true", "-0.5E+3", "[null]",
                     #"{"\u00e9\/": ["é1234567", "1234567é", "\u0000", "a\/b"], "ü": {"x": ["\r\n", "</script>"]}}"#] {
            let doc = try JSONParser.parse(text)
            XCTAssertEqual(doc.parsedRootSize, doc.root.compactScalarCount, text)
            XCTAssertEqual(doc.rootCompactScalarCount, JSONWriter.compact(doc.root.json).unicodeScalars.count, text)
        }
    }

    func testChangedRootIsCountedAgain() throws {
        var doc = try JSONParser.parse(#"{"a": [1, 2, 3]}"#)
        XCTAssertEqual(doc.rootCompactScalarCount, 13)
        doc.root = try XCTUnwrap(doc.root["a"])
        XCTAssertNil(doc.parsedRootSize)
        XCTAssertEqual(doc.rootCompactScalarCount, 7)
        XCTAssertEqual(JSONDocument(doc.root).rootCompactScalarCount, 7)
    }
}
