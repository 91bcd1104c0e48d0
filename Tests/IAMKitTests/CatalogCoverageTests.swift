import Foundation
import XCTest
@testable import IAMKit

/// The catalog must know the actions AWS's own managed policies use (moto 5.2.1's copy).
final class CatalogCoverageTests: XCTestCase {
    static var fixtureDir: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/managed")
    }

    /// Every string under an `Action` key of every statement in the corpus.
    static func corpusActions() throws -> [String] {
        let files = try FileManager.default.contentsOfDirectory(at: fixtureDir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
        var actions: [String] = []
        for file in files {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
            guard let doc = json as? [String: Any] else { continue }
            let statements: [[String: Any]]
            if let list = doc["Statement"] as? [[String: Any]] { statements = list }
            else if let one = doc["Statement"] as? [String: Any] { statements = [one] }
            else { statements = [] }
            for s in statements {
                if let a = s["Action"] as? String { actions.append(a) }
                if let list = s["Action"] as? [String] { actions.append(contentsOf: list) }
            }
        }
        return actions
    }

    func testCorpusCoverage() throws {
        let all = try Self.corpusActions()
        XCTAssertGreaterThan(all.count, 10_000)
        let exact = Set(all.filter { !Glob.hasWildcard($0) }.map { $0.lowercased() })
        let unknown = exact.filter { ActionCatalog.shared.action($0) == nil }.sorted()
        let coverage = Double(exact.count - unknown.count) / Double(exact.count)
        let wildcards = Set(all.filter { Glob.hasWildcard($0) && $0 != "*" }.map { $0.lowercased() })
        let deadWildcards = wildcards.filter { ActionCatalog.shared.expand($0).isEmpty }.sorted()
        print(String(format: "catalog coverage: %.2f%% of %d distinct actions (%d unknown); %d of %d wildcard patterns match nothing",
                     coverage * 100, exact.count, unknown.count, deadWildcards.count, wildcards.count))
        print("unknown sample:", unknown.prefix(20).joined(separator: " "))
        XCTAssertGreaterThanOrEqual(coverage, 0.99)
    }
}
