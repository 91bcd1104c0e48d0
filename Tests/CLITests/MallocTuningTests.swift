import CMallocTuning
import XCTest

/// The heap-growth setting `lint` makes before a large run (`LintStartup`).
///
/// The C file once tested `__GLIBC__` before including any libc header, so the test was always
/// false and the setting silently never made: 779 one-page `mprotect` and 62 `brk` calls per corpus
/// run instead of 11–13 and 5. A return value of 1 means glibc took it.
final class MallocTuningTests: XCTestCase {
    func testGlibcTakesTheHeapGrowthStep() {
        #if os(Linux)
        XCTAssertEqual(cmt_set_heap_growth(64 << 20), 1, "glibc's mallopt(M_TOP_PAD) was not called")
        // Back to glibc's default (128 KB) so the rest of the test process runs as usual.
        XCTAssertEqual(cmt_set_heap_growth(128 << 10), 1)
        #endif
    }

    func testOutOfRangeStepsAreRefused() {
        XCTAssertEqual(cmt_set_heap_growth(-1), 0)
        XCTAssertEqual(cmt_set_heap_growth(2 << 30), 0)
    }
}
