import ExecRoleKit
import TUIKit

/// The wizard as a runtime `Program`: the pure reducer and view, plus `WizardIO` performing effects.
public struct WizardProgram: Program {
    public typealias State = WizardState
    public typealias Action = WizardAction

    public var theme: Theme
    public var io: WizardIO

    public init(theme: Theme = Theme(), io: WizardIO = WizardIO()) {
        self.theme = theme
        self.io = io
    }

    public func reduce(_ state: inout WizardState, _ action: WizardAction) -> [Effect<WizardAction>] {
        WizardReducer.reduce(&state, action).map(effect)
    }

    /// Wraps a wizard effect for the runtime.
    func effect(_ e: WizardEffect) -> Effect<WizardAction> {
        if e == .quit { return .quit }
        let io = self.io
        // Taken now, in reduce order, so the newest draft wins however the tasks are scheduled.
        let seq: Int
        if case .saveDraft = e { seq = io.draftTicket() } else { seq = 0 }
        return .run { await io.perform(e, draftSeq: seq) }
    }

    public func render(_ state: WizardState, size: Size) -> ScreenBuffer {
        WizardView(theme: theme).render(state, size: size)
    }

    public func keyMap(for state: WizardState) -> KeyMap<WizardAction> { WizardKeys.map(for: state) }

    public func action(for event: InputEvent, state: WizardState) -> WizardAction? {
        WizardKeys.action(for: event, state: state)
    }

    public var minimumSize: Size { Size(width: 80, height: 24) }
}
