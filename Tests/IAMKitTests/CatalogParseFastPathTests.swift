import XCTest
@testable import IAMKit

/// The catalog's in-place parsing helpers against the plain definitions they replace: field
/// splitting without arrays, memcmp ordering, lazily decoded condition-key lines and the lazily
/// built condition-key index.
final class CatalogParseFastPathTests: XCTestCase {
    let catalog = ActionCatalog.shared

    /// The general split the parser used: at most `maxPieces` pieces, the last keeping the rest.
    private func split(_ b: [UInt8], maxPieces: Int) -> [Range<Int>] {
        var out: [Range<Int>] = [], start = 0
        for (i, x) in b.enumerated() where x == UInt8(ascii: "|") && out.count < maxPieces - 1 {
            out.append(start..<i)
            start = i + 1
        }
        out.append(start..<b.count)
        return out
    }

    func testFieldsAgreeWithSplit() {
        var lines = ["a", "a|b", "a|b|c", "a|b|c|d", "a|b|c|d|e|f|g", "|", "||", "|||", "a||", "|b|", "||c", "ab|cd|ef|gh",
                     "profile|arn:${Partition}:a4b:${Region}:${Account}:profile/${ResourceId}|"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            lines.append(String((0..<Int.random(in: 1...12, using: &rng)).map { _ in "ab|".randomElement(using: &rng)! }))
        }
        for line in lines {
            let bytes = Array(line.utf8)
            let expected = split(bytes, maxPieces: 6)
            let f = bytes.withUnsafeBufferPointer { CatalogParser.fields($0, 0..<$0.count) }
            XCTAssertEqual(f.count, min(expected.count, 3), line)
            XCTAssertEqual(f.first, expected[0], line)
            if expected.count > 1 { XCTAssertEqual(f.second, expected[1], line) }
            if expected.count > 2 { XCTAssertEqual(f.third, expected[2], line) }
        }
    }

    func testPrecedesAgreesWithLexicographicOrder() {
        let words = ["", "a", "b", "ab", "abc", "abd", "b", "Get", "GetObject", "GetObjectAcl", "getobject", "\u{7F}", "zz"]
        let bytes = Array(words.joined().utf8)
        var ranges: [Range<Int>] = [], at = 0
        for w in words { ranges.append(at..<(at + w.utf8.count)); at += w.utf8.count }
        bytes.withUnsafeBufferPointer { b in
            for x in ranges {
                for y in ranges {
                    XCTAssertEqual(CatalogParser.precedes(b, x, y), b[x].lexicographicallyPrecedes(b[y]), "\(x) \(y)")
                }
            }
        }
    }

    /// Calls `body` with the service prefix and the fields (split plainly on `|`, at most
    /// `maxSplits` times) of every `tag` line of the catalog text inside a service block.
    private func eachLine(_ tag: String, maxSplits: Int, _ body: (String, [Substring]) -> Void) {
        var current: String?
        for line in CatalogData.text.split(separator: "\n") {
            if line.hasPrefix("S|") {
                current = String(line.dropFirst(2).split(separator: "|", omittingEmptySubsequences: false)[0])
            } else if line.hasPrefix("D|") {
                current = nil
            } else if line.hasPrefix(tag), let c = current {
                body(c, line.dropFirst(2).split(separator: "|", maxSplits: maxSplits, omittingEmptySubsequences: false))
            }
        }
    }

    /// Every service's condition keys (name, type, description) against its `C|` lines split plainly.
    func testConditionKeysAgreeWithTheirLines() {
        var expected: [String: [(String, String, String)]] = [:]
        eachLine("C|", maxSplits: 5) { c, fields in
            let f = fields.map(String.init)
            if f.count >= 3 { expected[c, default: []].append((f[0], f[1], f[2])) }
        }
        var checked = 0
        for prefix in catalog.servicePrefixes {
            guard let svc = catalog.service(prefix) else { XCTFail(prefix); continue }
            let want = expected[prefix] ?? []
            XCTAssertEqual(svc.conditionKeys.count, want.count, prefix)
            for (k, w) in zip(svc.conditionKeys, want) {
                XCTAssertEqual(k.name, w.0)
                XCTAssertEqual(k.type, w.1)
                XCTAssertEqual(k.description, w.2)
                XCTAssertTrue(svc.definesConditionKey(k.name), k.name)
                checked += 1
            }
            XCTAssertEqual(Set(svc.conditionKeys).count, Set(want.map { "\($0.0)|\($0.1)|\($0.2)" }).count, prefix)
        }
        XCTAssertGreaterThan(checked, 2_000)
    }

    /// The index built on first use (by several threads at once) answers as one built eagerly.
    func testLazyKeyIndexAgreesWithEagerOne() {
        let prefixes = ["ec2", "s3", "iam", "kms", "secretsmanager", "ecr", "logs"]
        let probes = ["ec2:Region", "ec2:ResourceTag/x", "s3:prefix", "aws:RequestTag/k", "kms:ViaService", "kms:nosuch",
                      "secretsmanager:ResourceTag/env", "logs:LogGeneratingResourceArns", "ECR:RESOURCETAG/T", "iam:PassedToService"]
        let catalog = self.catalog
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for p in prefixes { for key in probes { _ = catalog.service(p)?.definesConditionKey(key) } }
        }
        for p in prefixes {
            guard let svc = catalog.service(p) else { XCTFail(p); continue }
            let eager = ConditionKeyIndex(svc.conditionKeys)
            for key in probes + svc.conditionKeys.map(\.name) {
                let lower = key.lowercased()
                let want = eager.exact.contains(lower) || eager.templateGlobs.contains { Glob.matches($0, lower) }
                XCTAssertEqual(svc.definesConditionKey(key), want, "\(p) \(key)")
            }
        }
    }

    /// Each action's resource references (shared between equal refs fields through the parser's
    /// hash table) against its `A|` line's refs field split plainly: names, requirement, order.
    func testActionRefsAgreeWithTheirLines() {
        var expected: [String: [[String]]] = [:]
        eachLine("A|", maxSplits: 2) { c, f in
            let refs = f.count > 2 ? f[2].split(separator: ";").map { item -> String in
                let name = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
                return String(name)
            } : []
            expected[c, default: []].append(refs)
        }
        var checked = 0
        for prefix in catalog.servicePrefixes {
            guard let svc = catalog.service(prefix) else { XCTFail(prefix); continue }
            let want = expected[prefix] ?? []
            XCTAssertEqual(svc.actions.count, want.count, prefix)
            for (a, w) in zip(svc.actions, want) {
                XCTAssertEqual(a.resourceTypes.map { $0.name + ($0.required ? "*" : "") }, w, a.fullName)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 20_000)
    }

    /// References resolved by bytes (declared types, the last of equal names winning; undeclared
    /// names added once) against a `[String: …]` dictionary, the definition the parser replaced,
    /// on a small catalog with a repeated declaration, undeclared names and a non-ASCII name that
    /// `String` equality equates with an ASCII spelling (Kelvin sign and "K").
    func testRefTargetsAgreeWithStringDictionary() throws {
        let kelvin = "Temp\u{212A}"
        let block = """
        S|zz|Test service|~zz.html
        R|thing|arn:zz:thing|k1
        R|\(kelvin)|arn:zz:kelvin|
        R|thing|arn:zz:thing2|k2
        A|One|R|thing*;other;TempK
        A|Two|W|other=k3;thing;nothing*
        A|Three|L|\(kelvin);other

        """
        let details = "D|||one\nD|||two\nD|||three\n"
        let text = "ecsrole-catalog 2|test\nI|zz=0\nJ|zz=\(block.utf8.count)\n" + block + details
        let catalog = ActionCatalog(text: text)
        let svc = try XCTUnwrap(catalog.service("zz"))
        var declared: [String: String] = [:]
        for r in svc.resourceTypes { declared[r.name] = r.arnFormat }
        let rows = [["thing*", "other", "TempK"], ["other", "thing", "nothing*"], [kelvin, "other"]]
        XCTAssertEqual(svc.actions.count, 3)
        var ids: [String: Int32] = [:]
        for (a, row) in zip(svc.actions, rows) {
            XCTAssertEqual(a.resourceTypes.count, row.count)
            for (ref, item) in zip(a.resourceTypes, row) {
                let name = item.hasSuffix("*") ? String(item.dropLast()) : item
                XCTAssertEqual(ref.name, name)
                XCTAssertEqual(ref.required, item.hasSuffix("*"))
                XCTAssertEqual(ref.arnFormats, declared[name].map { [$0] } ?? [], "\(a.name) \(name)")
                if let seen = ids[name] { XCTAssertEqual(ref.nameID, seen) } else { ids[name] = ref.nameID }
            }
        }
        XCTAssertEqual(svc.actions[0].resourceTypes[0].arnFormats, ["arn:zz:thing2"])
        XCTAssertEqual(svc.actions[0].resourceTypes[0].conditionKeys, ["k2"])
    }
}
