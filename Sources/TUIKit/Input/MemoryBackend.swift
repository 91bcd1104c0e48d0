import Foundation

/// An in-memory terminal for tests: events are scripted, frames are recorded.
///
/// Thread-safe so a test can feed events while the runtime runs.
public final class MemoryBackend: TerminalBackend, @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [InputEvent] = []
    private var _size: Size
    private var _screen: ScreenBuffer
    private var _frames: [ScreenBuffer] = []
    private var _diffs: [BufferDiff] = []
    private var _restored = false
    private var _suspendCount = 0
    public let options: TerminalOptions
    /// When set, `readEvent` returns this once the script is exhausted (default: nothing).
    public var endOfInputWhenEmpty = false

    public init(size: Size = Size(width: 80, height: 24), options: TerminalOptions = TerminalOptions(), events: [InputEvent] = []) {
        self._size = size
        self._screen = ScreenBuffer(size: size)
        self.options = options
        self.queue = events
    }

    public var size: Size { lock.withLock { _size } }

    /// Queues events for the runtime to read.
    public func feed(_ events: InputEvent...) { lock.withLock { queue += events } }
    /// Queues key presses.
    public func feed(keys: [KeyEvent]) { lock.withLock { queue += keys.map(InputEvent.key) } }
    /// Queues one key press per character of `text`.
    public func type(_ text: String) { feed(keys: text.map { KeyEvent.char($0) }) }

    /// Changes the size and queues the matching resize event, like SIGWINCH would.
    public func resize(to size: Size) {
        lock.withLock {
            _size = size
            queue.append(.resize(size))
        }
    }

    /// Events not read yet.
    public var pendingEventCount: Int { lock.withLock { queue.count } }
    /// The screen as last drawn (built by applying each diff, as a real terminal would).
    public var screen: ScreenBuffer { lock.withLock { _screen } }
    /// Every frame drawn, oldest first.
    public var frames: [ScreenBuffer] { lock.withLock { _frames } }
    /// Every diff flushed, oldest first.
    public var diffs: [BufferDiff] { lock.withLock { _diffs } }
    public var isRestored: Bool { lock.withLock { _restored } }
    public var suspendCount: Int { lock.withLock { _suspendCount } }

    public func draw(_ frame: ScreenBuffer, diff: BufferDiff) {
        lock.withLock {
            if diff.isFullRedraw || _screen.size != frame.size { _screen = ScreenBuffer(size: frame.size) }
            for run in diff.runs {
                for (i, c) in run.cells.enumerated() { _screen[run.x + i, run.y] = c }
            }
            _frames.append(frame)
            _diffs.append(diff)
        }
    }

    public func readEvent(timeout: Double) -> InputEvent? {
        lock.withLock {
            if !queue.isEmpty { return queue.removeFirst() }
            return endOfInputWhenEmpty ? .endOfInput : nil
        }
    }

    public func suspend() { lock.withLock { _suspendCount += 1 } }
    public func resume() {}
    public func restore() { lock.withLock { _restored = true } }
}
