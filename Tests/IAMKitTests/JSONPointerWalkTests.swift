import Foundation
@testable import IAMKit
import XCTest

/// `node(at:)` and `JSONDocument.position(of:)` walk plain pointers on their bytes; they must give
/// what the `String` walk gives (`nodeByCharacters`, and the retry-from-the-root loop below) for
/// every pointer, present, missing, odd or escaped.
final class JSONPointerWalkTests: XCTestCase {
    /// `position(of:)` as it was: the node, else the parent's, and so on up to the root.
    private func referencePosition(_ doc: JSONDocument, _ pointer: String) -> SourcePosition {
        var p = pointer
        while true {
            if let n = doc.root.nodeByCharacters(at: p) { return n.position }
            guard let slash = p.lastIndex(of: "/") else { return doc.root.position }
            p = String(p[..<slash])
        }
    }

    /// Every pointer of a document, and variants that leave it or bend its tokens.
    private func pointers(_ node: JSONNode, into out: inout [String]) {
        let p = node.pointer
        out += [p, p + "/missing", p + "/0", p + "/-1", p + "/+0", p + "/00", p + "/", p + "//x", p + "/99999999999999999999"]
        if let m = node.members { for x in m { pointers(x.value, into: &out) } }
        if let a = node.array { for x in a { pointers(x, into: &out) } }
    }

    private func assertSameAsReference(_ doc: JSONDocument, extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) {
        var all: [String] = []
        pointers(doc.root, into: &all)
        all += extra + ["", "/", "x", "x/Statement", "Statement", "~", "/~0", "/~1", "/é", "/K"]
        for p in all {
            XCTAssertEqual(doc.position(of: p), referencePosition(doc, p), "position(of: \(p))", file: file, line: line)
            XCTAssertEqual(doc.root.node(at: p)?.position, doc.root.nodeByCharacters(at: p)?.position, "node(at: \(p))", file: file, line: line)
            XCTAssertEqual(doc.root.node(at: p)?.pointer, doc.root.nodeByCharacters(at: p)?.pointer, "node(at: \(p))", file: file, line: line)
        }
    }

    func testEveryPointerOfManagedPoliciesResolvesAsBefore() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/managed")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThan(names.count, 1000)
        // Every 25th policy keeps the test quick; together they hold every element kind policies use.
        for name in names.enumerated().filter({ $0.offset % 25 == 0 }).map(\.element) {
            let doc = try JSONParser.parse(bytes: Array(try Data(contentsOf: dir.appendingPathComponent(name))))
            assertSameAsReference(doc)
        }
    }

    func testOddKeysAndIndicesResolveAsBefore() throws {
        let text = #"""
        {"a/b": {"m~n": [1, {"": 2, " ": 3}]}, "": {"x": [[4]]}, "é": 5, "e\u0301": 6, "\u212Aey": 7,
         "K": 8, "list": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], "dup": 1, "dup": 2, "tab\tkey": 9}
        """#
        let doc = try JSONParser.parse(text)
        assertSameAsReference(doc, extra: [
            "/a~1b/m~0n/1/", "/a~1b/m~0n/1/%20", "/a~1b/m~0n/1/ ", "//x/0/0", "//x/+0/-0", "/list/011", "/list/+11",
            "/list/-0", "/list/12", "/list/1e1", "/list/ 1", "/Key", "/\u{212A}ey", "/e\u{301}", "/dup", "/tab\tkey",
            "/list/9223372036854775807", "/list/-9223372036854775808", "/list/9223372036854775808", "/list/+", "/list/-",
        ])
        // Canonically equal keys match as `String`s do (U+212A KELVIN SIGN is "K").
        XCTAssertEqual(doc.root.node(at: "/Key")?.pointer, doc.root.nodeByCharacters(at: "/Key")?.pointer)
        XCTAssertEqual(doc.root.node(at: "/list/+3")?.position, doc.root["list"]?.array?[3].position)
    }

    func testPointersThatLeaveOrBendTheDocumentResolveAsBefore() throws {
        let doc = try JSONParser.parse(#"""
        {"Statement":[{"Action":["a","b"],"a/b":{"~":1},"":{"":[true]}}],"x":"s","é":{"k":2},"1":[[0]],"\u212A":{"z":1}}
        """#)
        assertSameAsReference(doc, extra: [
            "Statement/0", "abc/Statement/0", "/Statement/0/Action/2", "/Statement/0/a~1b/~0", "/Statement/0/a/b",
            "/Statement/0//", "/Statement/0///0", "/x/0", "/\u{E9}/k", "/e\u{301}/k", "/1/0/0/0", "/Statement/-0",
            "/Statement/ 0", "/Statement/0/Action/01", "/Statement/9999999999999999999999", "/Statement/-9999999999999999999999",
            "/Statement/+", "/Statement/-00", "/K/z", "/k/z", "/Statement/0/Action/1/x", "/x/y/z",
        ])
        // The Kelvin sign is canonically equivalent to `K`: String equality, not bytes, decides.
        XCTAssertNotEqual(doc.position(of: "/K/z"), doc.root.position)
    }

    func testEveryPointerOfTheRoleFixturesResolvesAsBefore() throws {
        var checked = 0
        for (_, text) in try RoleFixtureDocuments.all() {
            guard let doc = try? JSONParser.parse(text) else { continue }
            assertSameAsReference(doc)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20)
    }

    func testNodesBelowTheRootDropTheirOwnPointer() throws {
        let doc = try JSONParser.parse(#"{"Statement": [{"Action": ["a", "b"], "Resource": "*"}], "S": {"t": 1}}"#)
        let statement = try XCTUnwrap(doc.root["Statement"]?.array?[0])
        for p in ["/Statement/0/Action/1", "/Action/1", "/Statement/0", "/Resource", "/Statement/0/Nope", "/Statement/1", "/St", "Statement/0/Action"] {
            XCTAssertEqual(statement.node(at: p)?.pointer, statement.nodeByCharacters(at: p)?.pointer, p)
            XCTAssertEqual(statement.node(at: p)?.position, statement.nodeByCharacters(at: p)?.position, p)
        }
        // A node whose own pointer is not plain ASCII takes the general path.
        let odd = try JSONParser.parse(#"{"é": {"a": [1]}}"#)
        let inner = try XCTUnwrap(odd.root["é"])
        XCTAssertEqual(inner.node(at: "/é/a/0")?.position, inner.nodeByCharacters(at: "/é/a/0")?.position)
        XCTAssertEqual(inner.node(at: "/a/0")?.position, inner.nodeByCharacters(at: "/a/0")?.position)
    }

    func testDocumentsRootedBelowTheTopUseTheGeneralWalk() throws {
        let parsed = try JSONParser.parse(#"{"a": {"b": [1, 2]}}"#)
        let doc = JSONDocument(try XCTUnwrap(parsed.root["a"]))
        for p in ["/a/b/1", "/b/1", "/a/b/7", "/a", "/zzz/b"] {
            XCTAssertEqual(doc.position(of: p), referencePosition(doc, p), p)
        }
    }
}
