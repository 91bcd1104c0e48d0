/// What the runtime needs from a terminal. `NcursesBackend` talks to a real one;
/// `MemoryBackend` records frames for tests.
///
/// Backends are driven from one thread (the runtime's loop); they need not be thread-safe.
public protocol TerminalBackend: AnyObject {
    /// Current size in cells.
    var size: Size { get }
    /// Options resolved for this terminal (ASCII, colours, mouse).
    var options: TerminalOptions { get }
    /// Flushes the changed cells of a frame. `frame` is the complete new screen (for backends that
    /// prefer repainting); `diff` lists what changed since the last drawn frame.
    func draw(_ frame: ScreenBuffer, diff: BufferDiff)
    /// Waits up to `timeout` seconds (0 = poll) for one input event.
    func readEvent(timeout: Double) -> InputEvent?
    /// Hands the terminal back to the shell (Ctrl-Z) and blocks until resumed.
    func suspend()
    /// Takes the terminal back after `suspend`; the next draw must repaint everything.
    func resume()
    /// Restores the terminal for good. Safe to call more than once.
    func restore()
    /// A signal (SIGINT/SIGTERM/SIGHUP) that asked the program to stop, if one arrived.
    var pendingTerminationSignal: Int32? { get }
}

extension TerminalBackend {
    public var pendingTerminationSignal: Int32? { nil }
    public func suspend() {}
    public func resume() {}
}
