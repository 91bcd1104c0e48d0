import TUIKit

/// An Elm-style terminal program: state, actions, a pure reducer and a pure view.
///
/// The runtime reads input, turns it into actions (`action(for:state:)`, by default through
/// `keyMap`), reduces them in batches, performs the returned effects, and renders once per batch.
public protocol Program: Sendable {
    associatedtype State: Sendable
    associatedtype Action: Sendable

    /// Applies an action; returns effects to perform. No I/O here.
    func reduce(_ state: inout State, _ action: Action) -> [Effect<Action>]

    /// Draws the whole screen for `state` at `size`. No I/O here.
    func render(_ state: State, size: Size) -> ScreenBuffer

    /// The keys active in `state` (source of the help bar and `?` screen).
    func keyMap(for state: State) -> KeyMap<Action>

    /// Maps any input event to an action. The default looks keys up in `keyMap(for:)` and ignores
    /// everything else; override to handle text entry, paste, mouse and resize.
    func action(for event: InputEvent, state: State) -> Action?

    /// The smallest screen the program can draw; below it the runtime shows a centred message.
    var minimumSize: Size { get }
}

extension Program {
    public func action(for event: InputEvent, state: State) -> Action? {
        if case .key(let k) = event { return keyMap(for: state).action(for: k) }
        return nil
    }

    public var minimumSize: Size { Size(width: 60, height: 16) }
}
