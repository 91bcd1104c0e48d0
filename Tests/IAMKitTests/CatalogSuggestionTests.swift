import XCTest
@testable import IAMKit

final class CatalogSuggestionTests: XCTestCase {
    let catalog = ActionCatalog.shared

    func testActionTypos() {
        XCTAssertEqual(catalog.suggestions(for: "ecr:BatchGetImages").first, "ecr:BatchGetImage")
        XCTAssertEqual(catalog.suggestions(for: "ssm:GetParamters").first, "ssm:GetParameters")
        XCTAssertEqual(catalog.suggestions(for: "logs:putlogevent").first, "logs:PutLogEvents")
        XCTAssertTrue(catalog.suggestions(for: "ecr:CompletelyDifferentThing").isEmpty)
    }

    func testServiceTypos() {
        XCTAssertEqual(catalog.suggestions(for: "secretmanager:").first, "secretsmanager")
        XCTAssertEqual(catalog.suggestions(for: "secretmanager:GetSecretValue").first, "secretsmanager:GetSecretValue")
        XCTAssertEqual(catalog.suggestions(for: "ecrr:BatchGetImage").first, "ecr:BatchGetImage")
        XCTAssertTrue(catalog.suggestions(for: "zzzzzzzzzzzz:Get").isEmpty)
    }

    func testEditDistance() {
        func d(_ a: String, _ b: String) -> Int { ActionCatalog.editDistance(Array(a.utf8), Array(b.utf8), cap: 100) }
        XCTAssertEqual(d("kitten", "sitting"), 3)
        XCTAssertEqual(d("", "abc"), 3)
        XCTAssertEqual(d("same", "same"), 0)
    }

    /// `closest` (scratch buffers, length filter first) against the allocation-per-candidate
    /// definition it replaced, for typos of real names, odd words and non-ASCII candidates.
    func testClosestMatchesReferenceDefinition() {
        func refDistance(_ a: [UInt8], _ b: [UInt8], cap: Int) -> Int {
            if a.isEmpty { return b.count }
            if b.isEmpty { return a.count }
            var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
            for i in 1...a.count {
                cur[0] = i
                var rowMin = cur[0]
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                    rowMin = min(rowMin, cur[j])
                }
                if rowMin > cap { return cap + 1 }
                swap(&prev, &cur)
            }
            return prev[b.count]
        }
        func reference(_ word: String, _ candidates: [String], _ limit: Int) -> [String] {
            let w = Array(word.lowercased().utf8)
            guard !w.isEmpty else { return [] }
            let budget = max(2, w.count / 4)
            var scored: [(Int, String)] = []
            for c in candidates {
                let lc = Array(c.lowercased().utf8)
                if abs(lc.count - w.count) > budget { continue }
                let d = refDistance(w, lc, cap: budget)
                if d <= budget { scored.append((d, c)) }
            }
            scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            return scored.prefix(limit).map(\.1)
        }
        var words = ["", "a", "Ü", "GETÏTEM", "getitem", "x:y", "secretmanager", "ecrr", "s3", "logs", "ec"]
        var sets: [[String]] = [catalog.servicePrefixes, ["GetItem", "GetÏtem", "Getİtem", "", "getitem", "ĞetItem", "PutItem"]]
        for prefix in ["ecr", "s3", "logs", "ssm", "ec2", "iam", "kms"] {
            let names = catalog.service(prefix)!.actions.map(\.name)
            sets.append(names)
            for (i, n) in names.enumerated() where i % 61 == 0 {
                words += [String(n.dropLast()), n + "s", String(n.dropFirst()), n.uppercased(), String(n.reversed())]
                // Anagram-like typos (two letters swapped, one replaced, rotated): same letters, or one
                // changed, are what the letter-count bound in `Nearest` must not rule out wrongly.
                var swapped = Array(n), replaced = Array(n)
                if swapped.count > 3 { swapped.swapAt(1, 2); replaced[2] = "q" }
                // A rotation too: the same letters in another order (no random generator needed).
                words += [String(swapped), String(replaced), String(swapped.dropFirst(3) + swapped.prefix(3))]
            }
        }
        XCTAssertGreaterThan(words.count, 100)
        for set in sets {
            for word in words {
                XCTAssertEqual(ActionCatalog.closest(word, among: set, limit: 5), reference(word, set, 5), word)
            }
        }
        for word in words.prefix(200) {
            XCTAssertEqual(catalog.suggestions(for: "ec2:" + word),
                           reference(word, catalog.service("ec2")!.actions.map(\.name), 5).map { "ec2:" + $0 }, word)
        }
    }
}
