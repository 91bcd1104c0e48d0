import Foundation
import TUIKit

/// How a run ended.
public enum RunOutcome: Equatable, Sendable {
    /// The program returned `.quit` (or the user pressed Ctrl-C unbound).
    case quit
    /// Input ended (stdin closed).
    case endOfInput
    /// A termination signal arrived; the caller should re-raise it after cleanup.
    case signal(Int32)
}

/// Drives a `Program` against a `TerminalBackend`: input → actions → reduce → effects → one render
/// per batch → diff → flush.
///
/// State is only touched by whoever calls `step`/`run` (the loop thread, or a test through
/// `waitForIdle`); effects run as concurrent tasks and hand their results back through a locked inbox.
public final class Runtime<P: Program>: @unchecked Sendable {
    public let program: P
    public let backend: any TerminalBackend
    private let lock = NSLock()
    private var _state: P.State
    private var inbox: [P.Action] = []
    private var inFlight = 0
    private var timers: [String: Task<Void, Never>] = [:]
    private var lastFrame: ScreenBuffer?
    private var dirty = true
    private var quitRequested = false
    private var outcome: RunOutcome?
    /// Frames rendered so far (a test can assert batching).
    public private(set) var renderCount = 0

    public init(program: P, state: P.State, backend: any TerminalBackend) {
        self.program = program
        self._state = state
        self.backend = backend
    }

    /// The current state (a copy).
    public var state: P.State { lock.withLock { _state } }
    /// The last frame handed to the backend.
    public var frame: ScreenBuffer? { lock.withLock { lastFrame } }
    /// Whether the program has quit.
    public var hasQuit: Bool { lock.withLock { outcome != nil } }

    /// Queues an action from any thread.
    public func send(_ action: P.Action) { lock.withLock { inbox.append(action) } }

    /// Runs until the program quits, input ends or a termination signal arrives; restores the
    /// terminal on every path before returning.
    public func run() -> RunOutcome {
        defer { backend.restore() }
        render()  // the first frame must not wait for the first input timeout
        while true {
            if let sig = backend.pendingTerminationSignal { return .signal(sig) }
            let busy = lock.withLock { inFlight > 0 || !inbox.isEmpty }
            _ = step(timeout: busy ? 0.005 : 0.1)
            if let o = lock.withLock({ outcome }) { return o }
        }
    }

    /// One loop iteration: waits up to `timeout` for the first event, then takes every event and
    /// action already pending, reduces them and renders once. Returns whether anything happened.
    @discardableResult
    public func step(timeout: Double = 0) -> Bool {
        var didWork = false
        var first = true
        while let event = backend.readEvent(timeout: first ? timeout : 0) {
            first = false
            didWork = true
            handle(event)
            if lock.withLock({ outcome != nil }) { break }
        }
        while let action = lock.withLock({ inbox.isEmpty ? nil : inbox.removeFirst() }) {
            didWork = true
            apply(action)
        }
        if didWork || dirty { render() }
        return didWork
    }

    /// Steps until no input, action or task is pending (timers are not waited for). For tests.
    public func waitForIdle(timeout: Double = 10) async {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let worked = step(timeout: 0)
            let busy = lock.withLock { inFlight > 0 || !inbox.isEmpty }
            if !worked && !busy { return }
            if !worked { try? await Task.sleep(nanoseconds: 1_000_000) }
        }
    }

    private func handle(_ event: InputEvent) {
        switch event {
        case .endOfInput:
            finish(.endOfInput)
            return
        case .resize:
            dirty = true
        case .key(let k) where k == .ctrl("z"):
            // Job control: hand the terminal back, stop, and repaint everything on return.
            backend.suspend()
            backend.resume()
            lock.withLock { lastFrame = nil }
            dirty = true
            return
        default: break
        }
        let current = state
        if let action = program.action(for: event, state: current) {
            apply(action)
        } else if case .key(let k) = event, k == .ctrl("c") {
            finish(.quit)  // Ctrl-C always gets you out unless the program binds it.
        }
    }

    private func apply(_ action: P.Action) {
        let effects = lock.withLock { program.reduce(&_state, action) }
        dirty = true
        for e in effects { perform(e) }
    }

    private func perform(_ effect: Effect<P.Action>) {
        switch effect.kind {
        case .quit:
            finish(.quit)
        case .task(let work):
            lock.withLock { inFlight += 1 }
            Task { [weak self] in
                let result = await work()
                guard let self else { return }
                self.lock.withLock {
                    if let result { self.inbox.append(result) }
                    self.inFlight -= 1
                }
            }
        case .timer(let id, let seconds, let action):
            let task = Task { [weak self] in
                try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1e9))
                if Task.isCancelled { return }
                self?.send(action)
            }
            lock.withLock { timers.updateValue(task, forKey: id)?.cancel() }
        case .cancelTimer(let id):
            lock.withLock { timers.removeValue(forKey: id)?.cancel() }
        }
    }

    private func finish(_ o: RunOutcome) {
        lock.withLock {
            if outcome == nil { outcome = o }
            for t in timers.values { t.cancel() }
            timers.removeAll()
        }
    }

    private func render() {
        dirty = false
        let size = backend.size
        let min = program.minimumSize
        let frame: ScreenBuffer
        if size.width < min.width || size.height < min.height {
            frame = Runtime.tooSmallScreen(size: size, minimum: min)
        } else {
            let s = state
            var f = program.render(s, size: size)
            if f.size != size {  // a view that ignored `size` must not corrupt the screen
                var fixed = ScreenBuffer(size: size)
                fixed.blit(f, x: 0, y: 0)
                f = fixed
            }
            frame = f
        }
        let previous = lock.withLock { lastFrame }
        let diff = BufferDiff.between(previous, frame)
        if !diff.isEmpty || previous == nil { backend.draw(frame, diff: diff) }
        lock.withLock {
            lastFrame = frame
            renderCount += 1
        }
    }

    /// The centred message shown when the terminal is below the program's minimum size.
    public static func tooSmallScreen(size: Size, minimum: Size) -> ScreenBuffer {
        var b = ScreenBuffer(size: size)
        let lines = ["Terminal too small", "\(size.width)x\(size.height), need \(minimum.width)x\(minimum.height)"]
        let top = max(0, (size.height - lines.count) / 2)
        for (i, l) in lines.enumerated() {
            let text = l.truncated(toWidth: size.width)
            b.put(text, x: max(0, (size.width - DisplayWidth.of(text)) / 2), y: top + i,
                  style: i == 0 ? Style(attributes: [.bold]) : .plain)
        }
        return b
    }
}
