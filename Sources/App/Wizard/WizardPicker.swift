import ExecRoleKit
import TUIKit

/// One row of a step's picker.
public enum PickItem: Equatable, Sendable {
    case field(WizardField)
    case repository(Int), customRepository(String)
    case logGroup(Int), customLogGroup(String)
    case secret(Int), customSecret(String)
    case parameter(Int), customParameter(String)
    case key(Int), customKey(String)
    case s3Object(String)
    case file(Int)
}

/// The rows of the current step: fixed fields and chosen items not in the inventory first, then
/// the (filtered) inventory items. Rows past the head are produced lazily from the filter's
/// matches, so a 60,000-item list costs only its visible rows.
public struct WizardPicker {
    public let head: [PickItem]
    public let matches: [Int32]
    public let step: WizardStep
    let secretCount: Int

    public init(_ state: WizardState) {
        step = state.step
        secretCount = state.catalog.secretCount
        var head = WizardField.fields(of: state.step).map(PickItem.field)
        let c = state.catalog, s = state.spec
        switch state.step {
        case .images: head += s.repositories.filter { c.repositoryByARN[$0.arn] == nil }.map { .customRepository($0.arn) }
        case .logs: head += s.logGroups.filter { c.logGroupByName[$0.name] == nil }.map { .customLogGroup($0.name) }
        case .secrets:
            head += s.secrets.filter { c.secretByARN[$0.arn] == nil }.map { .customSecret($0.arn) }
            head += s.parameters.filter { c.parameterByARN[$0.arn] == nil }.map { .customParameter($0.arn) }
        case .keys: head += s.kmsKeys.filter { c.key(for: $0.arn) == nil }.map { .customKey($0.arn) }
        case .extras: head += s.s3Objects.filter { $0.use == "environmentFile" }.map { .s3Object($0.arn) }
        case .review: head += state.output.files.indices.map(PickItem.file)
        case .service: break
        }
        self.head = head
        matches = state.filters[state.step]?.matches ?? []
    }

    public var count: Int { head.count + matches.count }

    public func item(_ row: Int) -> PickItem? {
        guard row >= 0, row < count else { return nil }
        if row < head.count { return head[row] }
        let i = Int(matches[row - head.count])
        switch step {
        case .images: return .repository(i)
        case .logs: return .logGroup(i)
        case .secrets: return i < secretCount ? .secret(i) : .parameter(i - secretCount)
        case .keys: return .key(i)
        default: return nil
        }
    }

    /// Rows of inventory items (the ones `a` selects).
    public var itemRows: Range<Int> { head.count..<count }
}
