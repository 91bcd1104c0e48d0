@testable import App
import ExecRoleKit
import IAMKit
import XCTest

/// The report's byte writer and `tidy` give what the plain versions gave: `JSONWriter.quote` for
/// strings, `String(n)` for numbers, and the set-then-stable-sort for findings.
final class ReportWriterTests: XCTestCase {
    private func written(_ s: String) -> String {
        var out = JSONBytes()
        out.string(s)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    func testStringsAreEscapedLikeJSONWriter() {
        var tricky = ["", "a", "\"", "\\", "\n", "\r\n", "\t", "\u{01}", "\u{1F}", "\u{7F}", " ", "</script>", "é", "😀",
                      "abcdefg\"", "abcdefgh\"", "abcdefghi\\", "\"abcdefghijklmnop", "12345678\u{00}12345678",
                      "line\nbreak \u{01} é", "arn:aws:s3:::bucket/*", "ü\u{0}ü\u{1B}[0m", String(repeating: "x", count: 100) + "\t",
                      "naïve café — “quoted” \\ path/with\\backslash", "\u{2028}\u{2029}", "a\u{301}"]
        // Every control character and every ASCII byte, at each offset of an eight-byte word.
        for c in 0..<0x80 {
            let ch = String(UnicodeScalar(UInt8(c)))
            for pad in 0..<10 { tricky.append(String(repeating: "p", count: pad) + ch + String(repeating: "q", count: 9 - pad)) }
        }
        for s in tricky { XCTAssertEqual(written(s), JSONWriter.quote(s), s.debugDescription) }
    }

    func testNumbersAreDecimalLikeString() {
        for n in [0, 1, 9, 10, 99, 100, 12345, -1, -10, -987654321, Int.max, Int.min, Int.max - 1, Int.min + 1] {
            var out = JSONBytes()
            out.number(n)
            XCTAssertEqual(String(decoding: out.bytes, as: UTF8.self), String(n))
        }
        var none = JSONBytes()
        none.number(nil as Int?)
        XCTAssertEqual(String(decoding: none.bytes, as: UTF8.self), "null")
    }

    /// `tidy` as it was: the first of each (slug, pointer, message), stably sorted by line and column.
    private func referenceTidy(_ items: [LintReport.Item]) -> [LintReport.Item] {
        var seen = Set<String>()
        let unique = items.filter { seen.insert($0.finding.slug + "\u{0}" + $0.finding.pointer + "\u{0}" + $0.finding.message).inserted }
        return unique.enumerated().sorted { a, b in
            let pa = a.element.finding.position, pb = b.element.finding.position
            let ka = (pa?.line ?? 0, pa?.column ?? 0), kb = (pb?.line ?? 0, pb?.column ?? 0)
            if ka != kb { return ka < kb }
            return a.offset < b.offset
        }.map(\.element)
    }

    func testTidyDropsRepeatsAndSortsStablyAsBefore() {
        var rng = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 5, 31, 32, 33, 80] {
            for _ in 0..<20 {
                let items = (0..<count).map { i -> LintReport.Item in
                    let line = Int.random(in: 0...4, using: &rng)
                    let f = Finding(rule: "R", slug: ["a", "b"].randomElement(using: &rng)!, severity: .high, title: "t",
                                    message: ["m", "n", "e\u{301}", "é"].randomElement(using: &rng)!, fix: "",
                                    pointer: "/\(Int.random(in: 0...2, using: &rng))",
                                    position: line == 0 ? nil : SourcePosition(line: line, column: Int.random(in: 1...2, using: &rng)))
                    return LintReport.Item(finding: f, role: "r\(i)")
                }
                let got = LintPipeline.tidy(items), want = referenceTidy(items)
                XCTAssertEqual(got.map(\.role), want.map(\.role), "\(count) items")
            }
        }
    }

    /// The byte-hash table of repeats gives the set's first occurrences, and declines (nil) when a
    /// slug or pointer is not ASCII, where byte hashes would split equal strings ("\u{212A}" == "K").
    func testFirstOccurrencesAreTheSetsOrDeclined() {
        var rng = SystemRandomNumberGenerator()
        func reference(_ items: [LintReport.Item]) -> [Int] {
            var seen = Set<String>()
            return items.indices.filter { seen.insert(items[$0].finding.slug + "\u{0}" + items[$0].finding.pointer + "\u{0}" + items[$0].finding.message).inserted }
        }
        for (pointers, ascii) in [(["/0", "/1", "/Statement/2/Action/10", "/K"], true), (["/K", "/\u{212A}", "/0"], false)] {
            for count in [0, 1, 33, 80, 300] {
                for _ in 0..<10 {
                    let items = (0..<count).map { i in
                        LintReport.Item(finding: Finding(rule: "R", slug: ["a", "b", "wildcard-resource"].randomElement(using: &rng)!, severity: .high,
                                                         title: "t", message: ["m", "n", "e\u{301}", "\u{E9}", "x \(i % 7)"].randomElement(using: &rng)!,
                                                         fix: "", pointer: pointers.randomElement(using: &rng)!))
                    }
                    let got = LintPipeline.firstOccurrences(items)
                    if ascii || !items.contains(where: { !$0.finding.pointer.utf8.allSatisfy { $0 < 0x80 } }) {
                        XCTAssertEqual(got, reference(items), "\(count) items")
                    } else {
                        XCTAssertNil(got)
                    }
                    XCTAssertEqual(LintPipeline.tidy(items).map(\.finding.message), referenceTidy(items).map(\.finding.message))
                }
            }
        }
    }
}
