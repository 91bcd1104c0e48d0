import Foundation
import XCTest
@testable import IAMKit

/// Timings for the report; assertions are about results, never about time.
final class CatalogPerformanceTests: XCTestCase {
    private func ms(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    func testColdAndWarmTimings() {
        var catalog: ActionCatalog!
        let index = ms { catalog = ActionCatalog(text: CatalogData.text) }
        var found: ActionInfo?
        let first = ms { found = catalog.action("ecr:BatchGetImage") }
        let bigService = ms { _ = catalog.action("ec2:RunInstances") }
        let warm = ms { for _ in 0..<1000 { _ = catalog.action("ecr:BatchGetImage") } }
        let expandAll = ms { XCTAssertEqual(catalog.expand("*").count, 20_455) }
        let expandAgain = ms { _ = catalog.expand("*") }
        let globAll = ms { _ = catalog.expand("*:Get*") }
        print(String(format: "catalog timings: index %.2f ms, first ecr lookup %.2f ms, first ec2 lookup %.2f ms, warm lookup %.4f ms, expand(*) cold %.1f ms, warm %.3f ms, *:Get* %.1f ms",
                     index, first, bigService, warm / 1000, expandAll, expandAgain, globAll))
        XCTAssertNotNil(found)
    }
}
