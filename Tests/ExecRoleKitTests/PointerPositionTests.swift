@testable import ExecRoleKit
import Foundation
import IAMKit
import Testing

/// `PointerPosition` must answer exactly like `JSONDocument.position(of:)`, including for pointers
/// that do not resolve (nearest existing ancestor) and odd spellings.
@Suite("Pointer positions")
struct PointerPositionTests {
    /// Every node's pointer, and a few near misses below each.
    func pointers(_ node: JSONNode, _ out: inout [String]) {
        let p = node.pointer
        out += [p, p + "/nope", p + "/0", p + "/-1", p + "/+0", p + "/", p + "//x", p + "/00"]
        if let members = node.members { for m in members { pointers(m.value, &out) } }
        if let items = node.array { for i in items { pointers(i, &out) } }
    }

    func expectSame(_ doc: JSONDocument, _ ps: [String], _ label: String) {
        for p in ps {
            #expect(PointerPosition.position(of: p, in: doc) == doc.position(of: p), "\(label): \(p)")
        }
    }

    @Test func oddPointers() throws {
        let doc = try JSONParser.parse(#"""
        {"Statement":[{"Action":["a","b"],"a/b":{"~":1},"":{"":[true]}}],"x":"s","é":{"k":2},"1":[[0]],"\u212A":{"z":1}}
        """#)
        var ps = ["", "/", "Statement", "Statement/0", "abc/Statement/0", "/Statement/0/Action/1", "/Statement/0/Action/2",
                  "/Statement/0/a~1b/~0", "/Statement/0/a~1b", "/Statement/0/a/b", "/Statement/0//", "/Statement/0///0",
                  "/x/0", "/\u{E9}/k", "/e\u{301}/k", "/1/0/0", "/1/0/0/0", "/Statement/1", "/Statement/-0", "/Statement/ 0",
                  "/Statement/0/Action/01", "/Statement/0/Action/+1", "/Statement/9999999999999999999999",
                  "/Statement/-9999999999999999999999", "/Statement/+", "/Statement/-", "/Statement/-00", "/K/z", "/k/z",
                  "/Statement/0/Action/1/x", "/x/y/z"]
        pointers(doc.root, &ps)
        expectSame(doc, ps, "odd")
        // The Kelvin sign is canonically equivalent to `K`: String equality, not bytes, decides.
        #expect(PointerPosition.position(of: "/K/z", in: doc) != doc.root.position)
    }

    @Test func fixtureDocuments() throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        var checked = 0
        for sub in ["ExecRoleKitTests/Fixtures", "CLITests/Fixtures"] {
            let base = tests.appendingPathComponent(sub)
            guard let walk = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let rel as String in walk where rel.hasSuffix(".json") {
                guard let doc = try? JSONParser.parse(String(contentsOf: base.appendingPathComponent(rel), encoding: .utf8)) else { continue }
                var ps: [String] = []
                pointers(doc.root, &ps)
                expectSame(doc, ps, rel)
                checked += 1
            }
        }
        #expect(checked > 20)
    }

    /// A document whose root is not the file's root (pointers relative to a bigger file) goes
    /// through IAMKit unchanged.
    @Test func nonRootDocument() throws {
        let file = try JSONParser.parse(#"{"a":{"b":[1,{"c":2}]}}"#)
        let sub = JSONDocument(try #require(file.root.node(at: "/a")))
        expectSame(sub, ["/a/b/1/c", "/a/b/1", "/b/1/c", "/a/x", ""], "sub")
    }
}
