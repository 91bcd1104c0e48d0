import Foundation
import TUIKit
import XCTest

final class FuzzyTests: XCTestCase {
    func testSubsequenceMatching() {
        let q = FuzzyMatcher.Query("gsv")
        XCTAssertNotNil(FuzzyMatcher.score(q, "secretsmanager:GetSecretValue"))
        XCTAssertNil(FuzzyMatcher.score(q, "kms:Decrypt"))
        XCTAssertEqual(FuzzyMatcher.score(FuzzyMatcher.Query(""), "anything"), 0)
    }

    func testBoundaryAndConsecutiveMatchesScoreHigher() {
        let q = FuzzyMatcher.Query("get")
        let boundary = FuzzyMatcher.score(q, "ecr:GetImage")!
        let scattered = FuzzyMatcher.score(q, "ecr:garbageExport")!
        XCTAssertGreaterThan(boundary, scattered)
    }

    func testSmartCase() {
        XCTAssertNotNil(FuzzyMatcher.score(FuzzyMatcher.Query("getimage"), "ecr:GetImage"))
        XCTAssertNil(FuzzyMatcher.score(FuzzyMatcher.Query("GETimage"), "ecr:GetImage"))
    }

    func testMatchedOffsetsForHighlighting() {
        XCTAssertEqual(FuzzyMatcher.matchedCharacterOffsets(FuzzyMatcher.Query("gi"), in: "ecr:GetImage"), [4, 7])
        // Non-ASCII: offsets are characters, not bytes.
        XCTAssertEqual(FuzzyMatcher.matchedCharacterOffsets(FuzzyMatcher.Query("x"), in: "日本x"), [2])
    }

    func testFilterRanksBestFirstAndNarrowsIncrementally() {
        var f = FuzzyFilter(index: FuzzyIndex(["logs:PutLogEvents", "ecr:GetImage", "ecr:BatchGetImage", "s3:GetObject"]))
        XCTAssertEqual(f.matchCount, 4)
        f.setQuery("g")
        f.setQuery("gi")
        f.setQuery("gim")
        XCTAssertEqual(f.matches.map { f.index.items[Int($0)] }, ["ecr:GetImage", "ecr:BatchGetImage"])
        f.setQuery("gi")  // backspace returns the cached result
        XCTAssertEqual(Set(f.matches.map { f.index.items[Int($0)] }), ["ecr:GetImage", "ecr:BatchGetImage"])
        f.setQuery("")
        XCTAssertEqual(f.matchCount, 4)
    }

    func testIncrementalResultEqualsFreshResult() {
        let items = (0..<3000).map { "svc\($0 % 37):Action\($0)Name\($0 % 11)" }
        var incremental = FuzzyFilter(index: FuzzyIndex(items))
        for q in ["s", "sv", "svc", "svc1", "svc1:", "svc1:a3"] { incremental.setQuery(q) }
        var fresh = FuzzyFilter(index: FuzzyIndex(items))
        fresh.setQuery("svc1:a3")
        XCTAssertEqual(incremental.matches, fresh.matches)
    }

    func testRankIsStableCountingSort() {
        XCTAssertEqual(FuzzyIndex.rank([10, 11, 12, 13], scores: [5, 9, 5, 9]), [11, 13, 10, 12])
    }

    func testSixtyThousandItemsFilterQuickly() {
        let items = (0..<60_000).map { "service\($0 % 40):VerbNoun\($0)" }
        var f = FuzzyFilter(index: FuzzyIndex(items))
        let start = Date()
        for q in ["s", "se", "ser", "serv", "servi", "servic", "service", "service3", "service3:", "service3:v"] { f.setQuery(q) }
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertGreaterThan(f.matchCount, 0)
        // Generous bound for debug builds on a shared CI box; the release benchmark measures properly.
        XCTAssertLessThan(elapsed, 5)
    }
}
