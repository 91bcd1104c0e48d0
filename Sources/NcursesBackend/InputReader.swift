import CNcurses
import Foundation
import TUIKit

/// Reads one event at a time with `wget_wch`, finishing what ncurses' keypad mode leaves undone:
/// Alt-keys (ESC prefix), unknown CSI sequences, bracketed paste, mouse and resize.
struct InputReader {
    /// Raw reads within this many seconds after ESC belong to the same sequence.
    private let sequenceTimeout = 0.025
    /// Quick ERRs in a row while waiting means stdin is at EOF (ncurses reports EOF as ERR).
    private var quickErrors = 0
    private var pending: [InputEvent] = []

    enum Raw { case char(UInt32), code(Int32), none }

    private func readRaw(timeout: Double) -> Raw {
        let win = shim_stdscr()
        wtimeout(win, timeout <= 0 ? 0 : Int32(max(1, (timeout * 1000).rounded())))
        var wch: wint_t = 0
        let r = wget_wch(win, &wch)
        if r == KEY_CODE_YES { return .code(Int32(wch)) }
        if r == OK { return .char(UInt32(wch)) }
        return .none
    }

    mutating func read(timeout: Double, size: () -> Size) -> InputEvent? {
        if !pending.isEmpty { return pending.removeFirst() }
        let started = Date()
        let raw = readRaw(timeout: timeout)
        switch raw {
        case .none:
            if timeout >= 0.05 && Date().timeIntervalSince(started) < timeout / 4 {
                quickErrors += 1
                if quickErrors >= 3 { return .endOfInput }
            } else { quickErrors = 0 }
            return nil
        case .code(let code):
            quickErrors = 0
            return decodeCode(code, size: size)
        case .char(let v):
            quickErrors = 0
            if v == 27 { return readEscape() }
            return KeyDecoder.decodeChar(v).map(InputEvent.key)
        }
    }

    private func decodeCode(_ code: Int32, size: () -> Size) -> InputEvent? {
        switch code {
        case KEY_RESIZE: return .resize(size())
        case KEY_MOUSE: return readMouse()
        case KEY_UP: return .key(KeyEvent(.up))
        case KEY_DOWN: return .key(KeyEvent(.down))
        case KEY_LEFT: return .key(KeyEvent(.left))
        case KEY_RIGHT: return .key(KeyEvent(.right))
        case KEY_HOME: return .key(KeyEvent(.home))
        case KEY_END: return .key(KeyEvent(.end))
        case KEY_PPAGE: return .key(KeyEvent(.pageUp))
        case KEY_NPAGE: return .key(KeyEvent(.pageDown))
        case KEY_BACKSPACE: return .key(KeyEvent(.backspace))
        case KEY_DC: return .key(KeyEvent(.delete))
        case KEY_IC: return .key(KeyEvent(.insert))
        case KEY_ENTER: return .key(KeyEvent(.enter))
        case KEY_BTAB: return .key(KeyEvent(.backTab, modifiers: .shift))
        case KEY_SLEFT: return .key(KeyEvent(.left, modifiers: .shift))
        case KEY_SRIGHT: return .key(KeyEvent(.right, modifiers: .shift))
        case KEY_SHOME: return .key(KeyEvent(.home, modifiers: .shift))
        case KEY_SEND: return .key(KeyEvent(.end, modifiers: .shift))
        default:
            for n in 1...12 where code == shim_key_f(Int32(n)) { return .key(KeyEvent(.function(n))) }
            for n in 13...24 where code == shim_key_f(Int32(n)) { return .key(KeyEvent(.function(n - 12), modifiers: .shift)) }
            if let name = keyname(code).map({ String(cString: $0) }), let k = KeyDecoder.decodeKeyName(name) { return .key(k) }
            return nil
        }
    }

    private func readMouse() -> InputEvent? {
        var ev = MEVENT()
        guard getmouse(&ev) == OK else { return nil }
        let s = ev.bstate
        let x = Int(ev.x), y = Int(ev.y)
        if s & shim_button4_pressed() != 0 { return .mouse(MouseEvent(.scrollUp, x: x, y: y)) }
        if shim_button5_pressed() != 0, s & shim_button5_pressed() != 0 { return .mouse(MouseEvent(.scrollDown, x: x, y: y)) }
        if s & shim_button1_double() != 0 { return .mouse(MouseEvent(.doubleClick, x: x, y: y)) }
        if s & (shim_button1_pressed() | shim_button1_clicked()) != 0 { return .mouse(MouseEvent(.click, x: x, y: y)) }
        if s & shim_button1_released() != 0 { return .mouse(MouseEvent(.release, x: x, y: y)) }
        if s & shim_button3_clicked() != 0 { return .mouse(MouseEvent(.rightClick, x: x, y: y)) }
        return nil
    }

    /// After ESC: a lone Escape, Alt+key, or a CSI/SS3 sequence ncurses did not know.
    private mutating func readEscape() -> InputEvent? {
        guard case .char(let next) = readRaw(timeout: sequenceTimeout) else { return .key(KeyEvent(.escape)) }
        switch next {
        case 0x5B:  // "["
            var body = ""
            while body.count < 16, case .char(let c) = readRaw(timeout: sequenceTimeout), let s = Unicode.Scalar(c) {
                body.unicodeScalars.append(s)
                if (0x40...0x7E).contains(c) { break }
            }
            if body == "200~" { return readPaste() }
            if body.isEmpty { return .key(KeyEvent.alt("[")) }
            return KeyDecoder.decodeCSI(body).map(InputEvent.key)
        case 0x4F:  // "O"
            guard case .char(let c) = readRaw(timeout: sequenceTimeout), let s = Unicode.Scalar(c) else { return .key(.alt("O")) }
            return KeyDecoder.decodeSS3(Character(s)).map(InputEvent.key)
        case 27:
            return .key(KeyEvent(.escape))
        default:
            guard var k = KeyDecoder.decodeChar(next) else { return nil }
            k.modifiers.insert(.alt)
            return .key(k)
        }
    }

    /// Collects pasted text up to the closing "ESC [201~".
    private func readPaste() -> InputEvent {
        var scalars: [Unicode.Scalar] = []
        let end: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]
        let deadline = Date().addingTimeInterval(2)
        while Date() < deadline {
            switch readRaw(timeout: 0.1) {
            case .char(let c):
                guard let s = Unicode.Scalar(c) else { continue }
                scalars.append(s)
                if scalars.count >= end.count, Array(scalars.suffix(end.count)) == end {
                    scalars.removeLast(end.count)
                    return .paste(PasteEvent(String(String.UnicodeScalarView(scalars)).replacingOccurrences(of: "\r", with: "\n")))
                }
            case .code(let code) where code == KEY_ENTER: scalars.append("\n")
            default: continue
            }
        }
        return .paste(PasteEvent(String(String.UnicodeScalarView(scalars))))
    }
}
