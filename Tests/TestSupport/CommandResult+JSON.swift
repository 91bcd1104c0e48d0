import Foundation
import XCTest

extension CommandRunner.Result {
    /// stdout parsed as a JSON object (reports from `--format json`).
    public func json() throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any], "stdout is not a JSON object: \(stdout.prefix(300))")
    }
}
