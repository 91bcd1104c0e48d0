import XCTest
@testable import IAMKit

/// `ActionNameTable` (built in one pass into a pre-sized buffer) against plain `String` definitions:
/// every name of every service found at its own index, lower-cased names, glob matches.
final class CatalogNameTableTests: XCTestCase {
    let catalog = ActionCatalog.shared

    func testEveryCatalogNameIsFoundAtItsIndex() {
        var checked = 0
        for prefix in catalog.servicePrefixes {
            guard let svc = catalog.service(prefix) else { XCTFail(prefix); continue }
            let table = svc.names
            XCTAssertEqual(table.count, svc.actions.count, prefix)
            // The last of case-insensitively equal names wins, as in a `[String: Int]` index.
            var expected: [String: Int] = [:]
            for (i, a) in svc.actions.enumerated() { expected[a.name.lowercased()] = i }
            for (i, a) in svc.actions.enumerated() {
                XCTAssertEqual(table.lowerName(i), a.name.lowercased())
                XCTAssertEqual(table.index(of: a.name), expected[a.name.lowercased()])
                XCTAssertEqual(table.index(of: a.name.uppercased()), expected[a.name.lowercased()])
                checked += 1
            }
            XCTAssertNil(table.index(of: "NoSuchActionAtAll"))
        }
        XCTAssertGreaterThan(checked, 20_000)
    }

    /// The parser's byte-level sortedness against the `String` order of the names, per service.
    func testSortednessAgreesWithStringOrder() {
        var unsorted = 0
        for prefix in catalog.servicePrefixes {
            guard let svc = catalog.service(prefix) else { XCTFail(prefix); continue }
            let expected = zip(svc.actions, svc.actions.dropFirst()).allSatisfy { $0.name < $1.name }
            XCTAssertEqual(svc.actionsSorted, expected, prefix)
            if !expected { unsorted += 1 }
        }
        XCTAssertLessThan(unsorted, 20)
    }

    func testMatchingAgreesWithGlob() {
        let svc = try! XCTUnwrap(catalog.service("ec2"))
        for pattern in ["describe*", "*image?", "create*tags", "*", "run?nstances", "nothing*here", "", "?", "d", "d*", "?escribe*",
                        "**", "r*", "runinstances", "runinstances*", "z*", "a?*", "describeinstances**", "describe*s", "get*"] {
            let expected = svc.actions.indices.filter { Glob.matches(pattern, svc.actions[$0].name.lowercased()) }
            XCTAssertEqual(svc.names.matching(lowerPattern: pattern), expected, pattern)
        }
    }

    func testUnicodeAndDuplicateNames() {
        let table = ActionNameTable(names: ["GetThing", "Ünïcode", "getthing", "ŞPECIAL", ""])
        XCTAssertEqual(table.count, 5)
        XCTAssertEqual(table.index(of: "GETTHING"), 2)
        XCTAssertEqual(table.index(of: "üNÏCODE"), 1)
        XCTAssertEqual(table.index(of: "şpecial"), 3)
        XCTAssertEqual(table.index(of: ""), 4)
        XCTAssertEqual(table.lowerName(1), "ünïcode")
        XCTAssertEqual(table.lowerName(3), "ŞPECIAL".lowercased())
        XCTAssertNil(table.index(of: "Unicode"))
        // Names of 255 bytes and more keep their length in `ends`, not in the slot.
        let long = String(repeating: "Ab", count: 150), edge = String(repeating: "x", count: 255)
        let wide = ActionNameTable(names: ["a", long, edge, String(edge.dropLast()), "b"])
        XCTAssertEqual(wide.index(of: long.uppercased()), 1)
        XCTAssertEqual(wide.index(of: edge), 2)
        XCTAssertEqual(wide.index(of: String(edge.dropLast())), 3)
        XCTAssertNil(wide.index(of: edge + "x"))
        XCTAssertEqual(wide.index(of: "B"), 4)
        XCTAssertEqual(ActionNameTable(names: [String]()).count, 0)
        XCTAssertNil(ActionNameTable(names: [String]()).index(of: "x"))
    }
}
