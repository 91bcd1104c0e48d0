/// One statement of a policy.
///
/// A value type whose fields live in one shared box, copied only when a copy is changed: the lint
/// rules copy statements hundreds of thousands of times per corpus (`for st in policy.statements`),
/// and copying ten fields was a dozen reference-count operations each time instead of one.
public struct Statement: Sendable, Equatable {
    private var box: Box

    /// Position in the Statement array (0 when Statement is a single object).
    public var index: Int {
        get { box.index }
        set { unique().index = newValue }
    }
    /// Pointer of the statement object (`/Statement/3`, or `/Statement` when it is one object).
    public var pointer: String {
        get { box.pointer }
        set { unique().pointer = newValue }
    }
    public var sid: Located<String>? {
        get { box.sid }
        set { unique().sid = newValue }
    }
    public var effect: Effect? {
        get { box.effect }
        set { unique().effect = newValue }
    }
    /// Where the Effect element is, when present.
    public var effectLocation: LazyPointer? {
        get { box.effectLocation }
        set { unique().effectLocation = newValue }
    }
    public var effectPointer: String? {
        get { effectLocation?.string }
        set { effectLocation = newValue.map(LazyPointer.init) }
    }
    public var principal: PrincipalBlock? {
        get { box.principal }
        set { unique().principal = newValue }
    }
    public var action: ElementList? {
        get { box.action }
        set { unique().action = newValue }
    }
    public var resource: ElementList? {
        get { box.resource }
        set { unique().resource = newValue }
    }
    public var conditions: [Condition] {
        get { box.conditions }
        set { unique().conditions = newValue }
    }
    /// Pointer of the Condition block, when present.
    public var conditionPointer: String? {
        get { box.conditionPointer }
        set { unique().conditionPointer = newValue }
    }

    public init(index: Int, pointer: String, sid: Located<String>? = nil, effect: Effect?, effectPointer: String? = nil,
                principal: PrincipalBlock? = nil, action: ElementList?, resource: ElementList?,
                conditions: [Condition] = [], conditionPointer: String? = nil) {
        box = Box(index: index, pointer: pointer, sid: sid, effect: effect, effectLocation: effectPointer.map(LazyPointer.init),
                  principal: principal, action: action, resource: resource, conditions: conditions, conditionPointer: conditionPointer)
    }

    /// A label for messages: `statement "Sid"` or `statement 3`.
    public var label: String { sid.map { "statement \"\($0.value)\"" } ?? "statement \(index)" }
    /// The Sid, or the index as text (for simulator output).
    public var sidOrIndex: String { sid?.value ?? String(index) }

    /// Field by field, as a struct of these fields would compare.
    public static func == (lhs: Statement, rhs: Statement) -> Bool {
        let a = lhs.box, b = rhs.box
        return a === b || (a.index == b.index && a.pointer == b.pointer && a.sid == b.sid && a.effect == b.effect
            && a.effectLocation == b.effectLocation && a.principal == b.principal && a.action == b.action
            && a.resource == b.resource && a.conditions == b.conditions && a.conditionPointer == b.conditionPointer)
    }

    /// The box, copied first when another statement shares it.
    private mutating func unique() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = box.copy() }
        return box
    }

    /// The fields. Changed only through `unique()`, i.e. when no other statement holds the box, so
    /// sharing it between threads is as safe as sharing a struct.
    private final class Box: @unchecked Sendable {
        var index: Int
        var pointer: String
        var sid: Located<String>?
        var effect: Effect?
        var effectLocation: LazyPointer?
        var principal: PrincipalBlock?
        var action: ElementList?
        var resource: ElementList?
        var conditions: [Condition]
        var conditionPointer: String?

        init(index: Int, pointer: String, sid: Located<String>?, effect: Effect?, effectLocation: LazyPointer?,
             principal: PrincipalBlock?, action: ElementList?, resource: ElementList?, conditions: [Condition], conditionPointer: String?) {
            self.index = index; self.pointer = pointer; self.sid = sid; self.effect = effect; self.effectLocation = effectLocation
            self.principal = principal; self.action = action; self.resource = resource
            self.conditions = conditions; self.conditionPointer = conditionPointer
        }

        func copy() -> Box {
            Box(index: index, pointer: pointer, sid: sid, effect: effect, effectLocation: effectLocation, principal: principal,
                action: action, resource: resource, conditions: conditions, conditionPointer: conditionPointer)
        }
    }
}
