import TUIKit
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testASCIIIsOneCell() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of(Character("\t")), 0)
    }

    func testCJKIsTwoCells() {
        XCTAssertEqual(DisplayWidth.of("日本語"), 6)
        XCTAssertEqual(DisplayWidth.of("한국"), 4)
        XCTAssertEqual(DisplayWidth.of("ｱ"), 1)  // halfwidth katakana
        XCTAssertEqual(DisplayWidth.of("Ａ"), 2)  // fullwidth A
    }

    func testEmojiIsTwoCells() {
        XCTAssertEqual(DisplayWidth.of("🚀"), 2)
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2)  // with skin tone modifier
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧"), 2)  // ZWJ family
        XCTAssertEqual(DisplayWidth.of("🇩🇪"), 2)  // flag
        XCTAssertEqual(DisplayWidth.of("❤️"), 2)  // VS16 presentation
    }

    func testCombiningMarksAreZero() {
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)  // decomposed é is one grapheme
        XCTAssertEqual(DisplayWidth.scalarWidth(0x301), 0)
        XCTAssertEqual(DisplayWidth.of("a\u{20DD}"), 1)
    }

    func testBufferPlacesWideCharactersInTwoCells() {
        var b = ScreenBuffer(size: Size(width: 8, height: 1))
        let end = b.put("日x🚀", x: 0, y: 0)
        XCTAssertEqual(end, 5)
        XCTAssertEqual(b[0, 0].symbol, "日")
        XCTAssertEqual(b[0, 0].width, 2)
        XCTAssertTrue(b[1, 0].isContinuation)
        XCTAssertEqual(b[2, 0].symbol, "x")
        XCTAssertEqual(b[3, 0].symbol, "🚀")
        XCTAssertEqual(b.line(0), "日x🚀   ")
    }

    func testWideCharacterAtClipEdgeBecomesSpace() {
        var b = ScreenBuffer(size: Size(width: 3, height: 1))
        b.put("ab日", x: 0, y: 0)
        XCTAssertEqual(b.line(0), "ab ")
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var b = ScreenBuffer(size: Size(width: 4, height: 1))
        b.put("日本", x: 0, y: 0)
        b.put("x", x: 1, y: 0)
        XCTAssertEqual(b.line(0), " x本")
    }

    func testCombiningMarkJoinsPreviousCell() {
        var b = ScreenBuffer(size: Size(width: 4, height: 1))
        b.put("e\u{301}z", x: 0, y: 0)
        XCTAssertEqual(b[0, 0].symbol, "e\u{301}")
        XCTAssertEqual(b[1, 0].symbol, "z")
    }

    func testTruncation() {
        XCTAssertEqual("hello world".truncated(toWidth: 6), "hello…")
        XCTAssertEqual("日本語テキスト".truncated(toWidth: 5), "日本…")
        XCTAssertEqual("short".truncated(toWidth: 10), "short")
    }
}
