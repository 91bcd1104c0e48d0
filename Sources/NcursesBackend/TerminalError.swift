/// Why the terminal could not be used. The CLI prints `description` (one line) and exits 2.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// stdin or stdout is not a terminal (piped, redirected, or run without a TTY).
    case notATerminal(stream: String)
    /// `TERM` is unset, unknown to terminfo, or too limited (e.g. `dumb`).
    case unusableTerminal(term: String)

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "ecsrole: the interactive UI needs a terminal, but \(stream) is not a TTY (use a subcommand for scripted use)"
        case .unusableTerminal(let term):
            return "ecsrole: the terminal type TERM=\(term.isEmpty ? "(unset)" : term) is not usable for the interactive UI"
        }
    }

    /// The process exit status for this error.
    public var exitCode: Int32 { 2 }
}
