import XCTest
@testable import IAMKit

/// `ResourceTypeRef.conditionKeys` is decoded from the catalog text only when asked; these tests
/// hold it to the merge the parser used to do eagerly (the type's own keys from its `R|` line, then
/// the row's keys not already there), recomputed here from the raw lines of each service block.
final class CatalogRefKeysTests: XCTestCase {
    /// Each service's block lines (`S|…` up to the next `S|`), read straight from the catalog text.
    private func blocks() -> [String: [Substring]] {
        var out: [String: [Substring]] = [:]
        var current: String?
        for line in CatalogData.text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("S|") {
                current = String(line.dropFirst(2).split(separator: "|", omittingEmptySubsequences: false)[0])
                out[current!] = []
            } else if line.hasPrefix("D|") || line.hasPrefix("I|") {
                continue
            } else if let c = current {
                out[c, default: []].append(line)
            }
        }
        return out
    }

    /// The keys the eager parser gave each reference of each action (`A|Name|L|refs`).
    private func expectedKeys(_ lines: [Substring]) -> [String: [[String]]] {
        var typeKeys: [String: [String]] = [:]
        for line in lines where line.hasPrefix("R|") {
            let f = line.dropFirst(2).split(separator: "|", maxSplits: 5, omittingEmptySubsequences: false)
            guard f.count >= 3 else { continue }
            typeKeys[String(f[0])] = f[2].isEmpty ? [] : f[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        var out: [String: [[String]]] = [:]
        for line in lines where line.hasPrefix("A|") {
            let f = line.dropFirst(2).split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
            guard f.count == 3 else { continue }
            var refs: [[String]] = []
            for item in f[2].split(separator: ";", omittingEmptySubsequences: true) {
                var name = Substring(item), row: [String] = []
                if let eq = item.firstIndex(of: "=") {
                    name = item[..<eq]
                    let list = item[item.index(after: eq)...]
                    row = list.isEmpty ? [] : list.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                }
                if name.hasSuffix("*") { name = name.dropLast() }
                var all = typeKeys[String(name)] ?? []
                if all.isEmpty { all = row } else { for k in row where !all.contains(k) { all.append(k) } }
                refs.append(all)
            }
            out[String(f[0])] = refs
        }
        return out
    }

    func testReferenceKeysMatchTheEagerMerge() throws {
        let all = blocks()
        var checked = 0, withRowKeys = 0
        for prefix in ["ec2", "s3", "ecr", "logs", "kms", "secretsmanager", "ssm", "iam", "ecs", "lambda", "dynamodb", "rds"] {
            let lines = try XCTUnwrap(all[prefix], prefix)
            let expected = expectedKeys(lines)
            let svc = try XCTUnwrap(ActionCatalog.shared.service(prefix), prefix)
            for a in svc.actions {
                let want = try XCTUnwrap(expected[a.name], "\(prefix):\(a.name)")
                XCTAssertEqual(a.resourceTypes.map(\.conditionKeys), want, "\(prefix):\(a.name)")
                checked += a.resourceTypes.count
                withRowKeys += a.resourceTypes.filter { $0.rowKeys != nil }.count
            }
        }
        XCTAssertGreaterThan(checked, 2_000)
        XCTAssertGreaterThan(withRowKeys, 500)
    }

    func testKnownKeys() throws {
        let run = try XCTUnwrap(ActionCatalog.shared.action("ec2:RunInstances"))
        let image = try XCTUnwrap(run.resourceTypes.first { $0.name == "image" })
        XCTAssertTrue(image.conditionKeys.contains("ec2:ImageType"))
        XCTAssertEqual(Set(image.conditionKeys).count, image.conditionKeys.count, "no key twice")
        // Equality and hashing follow the keys, not where they are stored.
        let again = try XCTUnwrap(ActionCatalog.shared.action("ec2:RunInstances")?.resourceTypes.first { $0.name == "image" })
        XCTAssertEqual(image, again)
        XCTAssertEqual(Set([image, again]).count, 1)
    }
}
