import Foundation
import TUIKit
import XCTest

/// Compares a buffer with `<directory>/<name>.txt` (text + style layer). `RECORD_SNAPSHOTS=1`
/// (re)writes the file; a missing snapshot is recorded and fails once; a mismatch fails with a
/// line-by-line diff. Each test target passes its own snapshot directory.
public func assertSnapshot(_ buffer: ScreenBuffer, named name: String, in directory: URL,
                           file: StaticString = #filePath, line: UInt = #line) {
    let url = directory.appendingPathComponent("\(name).txt")
    let actual = BufferSnapshot.render(buffer)
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        if !record { XCTFail("Recorded new snapshot \(name); run again", file: file, line: line) }
        return
    }
    guard expected != actual else { return }
    XCTFail("Snapshot \(name) differs:\n" + readableDiff(expected: expected, actual: actual), file: file, line: line)
}

/// "-" expected / "+" actual for differing lines, with line numbers (at most `limit` lines, so a
/// full-screen mismatch stays readable).
public func readableDiff(expected: String, actual: String, limit: Int = 40) -> String {
    let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
    var out: [String] = []
    for i in 0..<max(e.count, a.count) {
        let el = i < e.count ? e[i] : "<missing>", al = i < a.count ? a[i] : "<missing>"
        if el != al { out.append(String(format: "%4d - %@\n     + %@", i + 1, el, al)) }
    }
    return out.prefix(limit).joined(separator: "\n")
}
