/// A condition operator such as `ForAnyValue:StringLikeIfExists`, split into its parts.
public struct ConditionOperator: Sendable, Equatable, CustomStringConvertible {
    /// The operator families of the IAM condition grammar.
    public enum Family: String, Sendable {
        case string, numeric, date, bool, binary, ip, arn, null
    }

    /// `ForAnyValue:` / `ForAllValues:` set qualifiers for multi-valued keys.
    public enum SetQualifier: String, Sendable {
        case forAnyValue = "ForAnyValue"
        case forAllValues = "ForAllValues"
    }

    /// The operator as written.
    public var raw: String
    /// The base operator (`StringLike` for `ForAnyValue:StringLikeIfExists`).
    public var base: String
    public var ifExists: Bool
    public var qualifier: SetQualifier?
    public var family: Family
    /// Negated operators (`StringNotEquals`, `NotIpAddress`, `ArnNotLike`…).
    public var negated: Bool

    public var description: String { raw }

    /// Every base operator IAM knows, with its family.
    public static let known: [String: Family] = [
        "StringEquals": .string, "StringNotEquals": .string, "StringEqualsIgnoreCase": .string,
        "StringNotEqualsIgnoreCase": .string, "StringLike": .string, "StringNotLike": .string,
        "NumericEquals": .numeric, "NumericNotEquals": .numeric, "NumericLessThan": .numeric,
        "NumericLessThanEquals": .numeric, "NumericGreaterThan": .numeric, "NumericGreaterThanEquals": .numeric,
        "DateEquals": .date, "DateNotEquals": .date, "DateLessThan": .date, "DateLessThanEquals": .date,
        "DateGreaterThan": .date, "DateGreaterThanEquals": .date,
        "Bool": .bool, "BinaryEquals": .binary, "IpAddress": .ip, "NotIpAddress": .ip,
        "ArnEquals": .arn, "ArnLike": .arn, "ArnNotEquals": .arn, "ArnNotLike": .arn,
        "Null": .null,
    ]

    /// Parses an operator; nil when it is not part of the IAM grammar.
    public init?(_ raw: String) {
        self.raw = raw
        var rest = Substring(raw)
        qualifier = nil
        // Literal prefixes rather than building `rawValue + ":"` per qualifier: every condition of
        // every policy is parsed. Tested in this order, one after the other, as a loop over the
        // qualifiers would (`ForAnyValue:ForAllValues:X` ends up `ForAllValues`).
        if rest.hasPrefix("ForAnyValue:") {
            qualifier = .forAnyValue
            rest = rest.dropFirst("ForAnyValue:".count)
        }
        if rest.hasPrefix("ForAllValues:") {
            qualifier = .forAllValues
            rest = rest.dropFirst("ForAllValues:".count)
        }
        ifExists = false
        if rest.hasSuffix("IfExists") && rest != "IfExists" {
            ifExists = true
            rest = rest.dropLast("IfExists".count)
        }
        guard let fam = Self.known[String(rest)] else { return nil }
        // `NullIfExists` is meaningless and IAM rejects it.
        if fam == .null && ifExists { return nil }
        base = String(rest)
        family = fam
        negated = base.utf8Contains("Not")
    }
}
