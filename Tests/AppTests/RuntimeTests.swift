import App
import TUIKit
import XCTest

/// A minimal program to test the runtime's contract in isolation.
struct CounterProgram: Program {
    struct State: Sendable { var count = 0; var log: [String] = []; var size = Size(width: 0, height: 0) }
    enum Action: Sendable, Equatable { case inc, fetch, fetched(Int), delayed, tick, quit, resized(Size), cancelDelayed }

    func reduce(_ s: inout State, _ a: Action) -> [Effect<Action>] {
        s.log.append("\(a)")
        switch a {
        case .inc: s.count += 1
        case .fetch: return [.run { try? await Task.sleep(nanoseconds: 20_000_000); return .fetched(41) }]
        case .fetched(let n): s.count = n
        case .delayed: return [.after(0.01, id: "t", send: .tick)]
        case .tick: s.count += 100
        case .cancelDelayed: return [.cancel("t")]
        case .quit: return [.quit]
        case .resized(let size): s.size = size
        }
        return []
    }

    func render(_ s: State, size: Size) -> ScreenBuffer {
        var b = ScreenBuffer(size: size)
        b.put("count: \(s.count)", x: 0, y: 0)
        b.render(HelpBar(keyMap: keyMap(for: s)), in: Rect(x: 0, y: size.height - 1, width: size.width, height: 1))
        return b
    }

    func keyMap(for s: State) -> KeyMap<Action> {
        var m = KeyMap<Action>()
        m.bind([.char("+")], .inc, help: "add")
        m.bind([.char("f")], .fetch, help: "fetch")
        m.bind([.char("d")], .delayed, help: "later")
        m.bind([.char("q")], .quit, help: "quit")
        m.bind([.char("x")], .cancelDelayed, help: "")
        return m
    }

    func action(for event: InputEvent, state: State) -> Action? {
        if case .resize(let s) = event { return .resized(s) }
        if case .key(let k) = event { return keyMap(for: state).action(for: k) }
        return nil
    }

    var minimumSize: Size { Size(width: 20, height: 3) }
}

final class RuntimeTests: XCTestCase {
    func make(_ events: [InputEvent] = []) -> (Runtime<CounterProgram>, MemoryBackend) {
        let backend = MemoryBackend(size: Size(width: 40, height: 5), events: events)
        return (Runtime(program: CounterProgram(), state: .init(), backend: backend), backend)
    }

    func testFirstFrameAndKeys() async {
        let (rt, backend) = make()
        await rt.waitForIdle()
        XCTAssertEqual(backend.screen.line(0).trimmingTrailingSpaces(), "count: 0")
        XCTAssertTrue(backend.screen.contains("+ add"))
        backend.type("+++")
        await rt.waitForIdle()
        XCTAssertEqual(rt.state.count, 3)
        XCTAssertTrue(backend.screen.contains("count: 3"))
    }

    func testPendingInputIsReducedInOneBatchAndRenderedOnce() async {
        let (rt, backend) = make()
        await rt.waitForIdle()
        let before = backend.frames.count
        backend.type("+++++")
        rt.step()
        XCTAssertEqual(rt.state.count, 5)
        XCTAssertEqual(backend.frames.count, before + 1)
        // Only the changed digit is flushed.
        XCTAssertEqual(backend.diffs.last?.changedCellCount, 1)
    }

    func testAsyncEffectResultComesBackAsAnAction() async {
        let (rt, backend) = make([.key(.char("f"))])
        await rt.waitForIdle()
        XCTAssertEqual(rt.state.count, 41)
        XCTAssertEqual(rt.state.log, ["fetch", "fetched(41)"])
        XCTAssertTrue(backend.screen.contains("count: 41"))
    }

    func testTimerEffect() async throws {
        let (rt, _) = make([.key(.char("d"))])
        await rt.waitForIdle()
        for _ in 0..<200 where rt.state.count == 0 {
            try await Task.sleep(nanoseconds: 5_000_000)
            await rt.waitForIdle()
        }
        XCTAssertEqual(rt.state.count, 100)
    }

    func testTimerWithSameIdReplacesAndCancelStopsIt() async throws {
        let (rt, backend) = make([.key(.char("d")), .key(.char("d"))])  // second replaces the first
        await rt.waitForIdle()
        for _ in 0..<200 where rt.state.count == 0 {
            try await Task.sleep(nanoseconds: 5_000_000)
            await rt.waitForIdle()
        }
        try await Task.sleep(nanoseconds: 30_000_000)
        await rt.waitForIdle()
        XCTAssertEqual(rt.state.count, 100)  // fired once, not twice
        backend.feed(keys: [.char("d"), .char("x")])
        await rt.waitForIdle()
        try await Task.sleep(nanoseconds: 40_000_000)
        await rt.waitForIdle()
        XCTAssertEqual(rt.state.count, 100)  // cancelled
    }

    func testActionsSentFromOutsideAreReduced() async {
        let (rt, _) = make()
        rt.send(.inc)
        rt.send(.inc)
        await rt.waitForIdle()
        XCTAssertEqual(rt.state.count, 2)
    }

    func testQuitEndsRunAndRestoresTerminal() {
        let (rt, backend) = make([.key(.char("+")), .key(.char("q")), .key(.char("+"))])
        XCTAssertEqual(rt.run(), .quit)
        XCTAssertTrue(backend.isRestored)
        XCTAssertEqual(rt.state.count, 1)  // input after quit is not processed
    }

    func testCtrlCQuitsWhenUnbound() {
        let (rt, backend) = make([.key(.ctrl("c"))])
        XCTAssertEqual(rt.run(), .quit)
        XCTAssertTrue(backend.isRestored)
    }

    func testEndOfInputEndsRun() {
        let (rt, backend) = make()
        backend.endOfInputWhenEmpty = true
        XCTAssertEqual(rt.run(), .endOfInput)
        XCTAssertTrue(backend.isRestored)
    }

    func testCtrlZSuspendsAndRepaintsEverything() async {
        let (rt, backend) = make()
        await rt.waitForIdle()
        backend.feed(.key(.ctrl("z")))
        await rt.waitForIdle()
        XCTAssertEqual(backend.suspendCount, 1)
        XCTAssertEqual(backend.diffs.last?.isFullRedraw, true)
    }

    func testTooSmallShowsMessageAndResizeBackRestores() async {
        let (rt, backend) = make()
        await rt.waitForIdle()
        backend.resize(to: Size(width: 19, height: 2))
        await rt.waitForIdle()
        XCTAssertTrue(backend.screen.contains("Terminal too"))
        XCTAssertEqual(rt.state.size, Size(width: 19, height: 2))
        backend.resize(to: Size(width: 40, height: 5))
        await rt.waitForIdle()
        XCTAssertTrue(backend.screen.contains("count: 0"))
        XCTAssertFalse(backend.screen.contains("too small"))
    }

    func testTooSmallScreenIsCentred() {
        let b = Runtime<CounterProgram>.tooSmallScreen(size: Size(width: 30, height: 6), minimum: Size(width: 60, height: 16))
        XCTAssertEqual(b.text, "\n\n      Terminal too small\n       30x6, need 60x16\n\n")
    }
}
