import Foundation
import TUIKit
import XCTest

/// Compares a buffer with `Snapshots/<name>.txt` (text + style layer). `RECORD_SNAPSHOTS=1`
/// (re)writes the file; a mismatch fails with a line-by-line diff.
func assertSnapshot(_ buffer: ScreenBuffer, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let dir = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = dir.appendingPathComponent("\(name).txt")
    let actual = BufferSnapshot.render(buffer)
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        if !record { XCTFail("Recorded new snapshot \(name); run again", file: file, line: line) }
        return
    }
    guard expected != actual else { return }
    XCTFail("Snapshot \(name) differs:\n" + readableDiff(expected: expected, actual: actual), file: file, line: line)
}

/// "-" expected / "+" actual for differing lines, with line numbers.
func readableDiff(expected: String, actual: String) -> String {
    let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
    var out: [String] = []
    for i in 0..<max(e.count, a.count) {
        let el = i < e.count ? e[i] : "<missing>", al = i < a.count ? a[i] : "<missing>"
        if el != al { out.append(String(format: "%4d - %@\n     + %@", i + 1, el, al)) }
    }
    return out.joined(separator: "\n")
}
