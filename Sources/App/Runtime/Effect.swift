import TUIKit

/// Work the runtime performs on a program's behalf; results come back as actions. Reducers return
/// effects as values, so they stay pure and tests can inspect them.
public struct Effect<Action: Sendable>: Sendable {
    public enum Kind: Sendable {
        /// Runs concurrently; the returned action (if any) is dispatched.
        case task(@Sendable () async -> Action?)
        /// Dispatches `action` after `seconds`; a later timer with the same id replaces it.
        case timer(id: String, seconds: Double, action: Action)
        /// Cancels a pending timer.
        case cancelTimer(id: String)
        /// Ends the program after the current batch is rendered.
        case quit
    }

    public let kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    /// Runs `work` concurrently and dispatches its result.
    public static func run(_ work: @escaping @Sendable () async -> Action?) -> Effect { Effect(.task(work)) }
    /// Dispatches `action` after a delay (e.g. to clear a toast); keyed by `id`.
    public static func after(_ seconds: Double, id: String, send action: Action) -> Effect {
        Effect(.timer(id: id, seconds: seconds, action: action))
    }
    /// Cancels the timer `id`.
    public static func cancel(_ id: String) -> Effect { Effect(.cancelTimer(id: id)) }
    /// Quits the program.
    public static var quit: Effect { Effect(.quit) }

    /// Whether this is `.quit` (handy in reducer tests).
    public var isQuit: Bool { if case .quit = kind { return true }; return false }
}
