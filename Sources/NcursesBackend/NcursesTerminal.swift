import CNcurses
import Foundation
import TUIKit

/// The real terminal, through ncursesw. Opened with `newterm` (never `initscr`, which exits the
/// process on a bad TERM); restores the terminal on quit, error and termination signals.
public final class NcursesTerminal: TerminalBackend {
    public let options: TerminalOptions
    private let screen: OpaquePointer
    private var restored = false
    private var colors: ColorPairs
    private var input = InputReader()

    /// Opens the terminal. Throws `TerminalError` (exit status 2) when stdin/stdout is not a TTY
    /// or TERM is unusable; nothing has been written to the terminal in that case.
    public init(options: TerminalOptions) throws(TerminalError) {
        if isatty(0) == 0 { throw .notATerminal(stream: "stdin") }
        if isatty(1) == 0 { throw .notATerminal(stream: "stdout") }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { throw .unusableTerminal(term: term) }
        setlocale(LC_ALL, "")
        // Our handlers first: ncurses leaves signals alone that already have a handler.
        shim_install_signal_handlers()
        guard let scr = newterm(nil, shim_stdout(), shim_stdin()) else { throw .unusableTerminal(term: term) }
        self.screen = scr
        self.options = options
        set_term(scr)
        shim_install_crash_handlers()
        raw()
        noecho()
        nonl()
        let win = shim_stdscr()
        keypad(win, true)
        set_escdelay(25)
        curs_set(0)
        let useColor = !options.noColor && has_colors()
        if useColor {
            start_color()
            use_default_colors()
        }
        colors = ColorPairs(enabled: useColor, available: useColor ? Int(shim_colors()) : 0, maxPairs: useColor ? Int(shim_color_pairs()) : 0)
        if !options.noMouse {
            mouseinterval(0)
            mousemask(shim_mouse_all() & ~shim_mouse_position(), nil)
        }
        NcursesTerminal.writeRaw("\u{1B}[?2004h")  // bracketed paste; terminals without it ignore this
    }

    deinit { restore() }

    public var size: Size {
        let win = shim_stdscr()
        return Size(width: Int(shim_get_maxx(win)), height: Int(shim_get_maxy(win)))
    }

    public var pendingTerminationSignal: Int32? {
        let s = shim_pending_signal()
        return s == 0 ? nil : s
    }

    /// Re-raises a termination signal with its default action (after `restore`), so the parent
    /// shell sees the usual "killed by signal" status.
    public static func reraise(_ signal: Int32) { shim_reraise(signal) }

    public func draw(_ frame: ScreenBuffer, diff: BufferDiff) {
        guard !restored else { return }
        let win = shim_stdscr()
        if diff.isFullRedraw { clearok(win, true) }
        var text = ""
        for run in diff.runs {
            var x = run.x
            var runStart = x
            var current: Style?
            text.removeAll(keepingCapacity: true)
            func flush() {
                guard !text.isEmpty, let style = current else { return }
                shim_set_attr(attributes(style.attributes), Int32(colors.pair(fg: style.fg, bg: style.bg)))
                mvwaddstr(win, Int32(run.y), Int32(runStart), text)
                text.removeAll(keepingCapacity: true)
            }
            for cell in run.cells {
                if cell.isContinuation { x += 1; continue }
                if cell.style != current {
                    flush()
                    current = cell.style
                    runStart = x
                }
                text += cell.symbol.isEmpty ? " " : cell.symbol
                x += 1  // the continuation cell of a wide grapheme advances x on its own
            }
            flush()
        }
        shim_set_attr(shim_a_normal(), 0)
        wrefresh(win)
    }

    private func attributes(_ a: TextAttributes) -> attr_t {
        var r = shim_a_normal()
        if a.contains(.bold) { r |= shim_a_bold() }
        if a.contains(.dim) { r |= shim_a_dim() }
        if a.contains(.underline) { r |= shim_a_underline() }
        if a.contains(.reverse) { r |= shim_a_reverse() }
        if a.contains(.italic) { r |= shim_a_italic() }
        return r
    }

    public func readEvent(timeout: Double) -> InputEvent? {
        guard !restored else { return .endOfInput }
        return input.read(timeout: timeout, size: { self.size })
    }

    public func suspend() {
        guard !restored else { return }
        NcursesTerminal.writeRaw("\u{1B}[?2004l")
        endwin()
        shim_stop_self()
    }

    public func resume() {
        guard !restored else { return }
        NcursesTerminal.writeRaw("\u{1B}[?2004h")
        let win = shim_stdscr()
        clearok(win, true)
        wrefresh(win)
    }

    public func restore() {
        guard !restored else { return }
        restored = true
        if !options.noMouse { mousemask(0, nil) }
        NcursesTerminal.writeRaw("\u{1B}[?2004l")
        curs_set(1)
        endwin()
        delscreen(screen)
        fflush(shim_stdout())
    }

    /// Writes bytes straight to the terminal (for modes ncurses does not manage).
    static func writeRaw(_ s: String) {
        fflush(shim_stdout())
        var bytes = Array(s.utf8)
        _ = bytes.withUnsafeMutableBytes { write(1, $0.baseAddress, $0.count) }
    }
}
