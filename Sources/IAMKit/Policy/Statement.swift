/// One statement of a policy.
///
/// A value type whose fields live in one shared, immutable box, replaced when a field changes: the
/// lint rules copy statements hundreds of thousands of times per corpus (`for st in
/// policy.statements`), and copying ten fields was a dozen reference-count operations each time
/// instead of one.
public struct Statement: Sendable, Equatable {
    private var box: Box

    /// Position in the Statement array (0 when Statement is a single object).
    public var index: Int {
        get { box.fields.index }
        set { update { $0.index = newValue } }
    }
    /// Pointer of the statement object (`/Statement/3`, or `/Statement` when it is one object).
    public var pointer: String {
        get { box.fields.pointer }
        set { update { $0.pointer = newValue } }
    }
    public var sid: Located<String>? {
        get { box.fields.sid }
        set { update { $0.sid = newValue } }
    }
    public var effect: Effect? {
        get { box.fields.effect }
        set { update { $0.effect = newValue } }
    }
    /// Where the Effect element is, when present.
    public var effectLocation: LazyPointer? {
        get { box.fields.effectLocation }
        set { update { $0.effectLocation = newValue } }
    }
    public var effectPointer: String? {
        get { effectLocation?.string }
        set { effectLocation = newValue.map(LazyPointer.init) }
    }
    public var principal: PrincipalBlock? {
        get { box.fields.principal }
        set { update { $0.principal = newValue } }
    }
    public var action: ElementList? {
        get { box.fields.action }
        set { update { $0.action = newValue } }
    }
    public var resource: ElementList? {
        get { box.fields.resource }
        set { update { $0.resource = newValue } }
    }
    public var conditions: [Condition] {
        get { box.fields.conditions }
        set { update { $0.conditions = newValue } }
    }
    /// Pointer of the Condition block, when present.
    public var conditionPointer: String? {
        get { box.fields.conditionPointer }
        set { update { $0.conditionPointer = newValue } }
    }

    public init(index: Int, pointer: String, sid: Located<String>? = nil, effect: Effect?, effectPointer: String? = nil,
                principal: PrincipalBlock? = nil, action: ElementList?, resource: ElementList?,
                conditions: [Condition] = [], conditionPointer: String? = nil) {
        self.init(index: index, pointer: pointer, sid: sid, effect: effect, effectLocation: effectPointer.map(LazyPointer.init),
                  principal: principal, action: action, resource: resource, conditions: conditions, conditionPointer: conditionPointer)
    }

    /// All fields at once, the Effect's place kept lazy (what `StatementParser` reads).
    init(index: Int, pointer: String, sid: Located<String>?, effect: Effect?, effectLocation: LazyPointer?,
         principal: PrincipalBlock?, action: ElementList?, resource: ElementList?, conditions: [Condition], conditionPointer: String?) {
        box = Box(Fields(index: index, pointer: pointer, sid: sid, effect: effect, effectLocation: effectLocation,
                         principal: principal, action: action, resource: resource, conditions: conditions,
                         conditionPointer: conditionPointer))
    }

    /// A label for messages: `statement "Sid"` or `statement 3`.
    public var label: String { sid.map { "statement \"\($0.value)\"" } ?? "statement \(index)" }
    /// The Sid, or the index as text (for simulator output).
    public var sidOrIndex: String { sid?.value ?? String(index) }

    /// Field by field, as a struct of these fields would compare.
    public static func == (lhs: Statement, rhs: Statement) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    /// Changes a field: in a new box, which this statement alone holds (copies keep the old one).
    ///
    /// The box is never changed in place, so its fields are `let`: reading a `var` property of a
    /// class is checked for exclusive access at run time, and the rules read statement fields
    /// several hundred thousand times per corpus (2 % of `lint` went to those checks). Statements
    /// are built whole by the parser; a change (tests, generated policies) costs one allocation.
    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }

    /// The fields, as a struct would hold them.
    private struct Fields: Equatable, Sendable {
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
    }

    /// One shared, immutable copy of the fields.
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }
}
