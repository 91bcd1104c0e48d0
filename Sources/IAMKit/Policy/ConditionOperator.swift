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
        // Split on UTF-8 bytes (every condition of every policy is parsed; Character-wise prefix and
        // suffix tests cost thousands of instructions each). For ASCII text, bytes and characters
        // agree; anything else takes the character-wise path.
        var bytes = raw
        guard let parts = bytes.withUTF8({ Self.asciiParts($0) }) ?? Self.characterParts(raw) else { return nil }
        guard let fam = Self.known[parts.base] else { return nil }
        // `NullIfExists` is meaningless and IAM rejects it.
        if fam == .null && parts.ifExists { return nil }
        qualifier = parts.qualifier
        ifExists = parts.ifExists
        base = parts.base
        family = fam
        negated = base.utf8Contains("Not")
    }

    private typealias Parts = (qualifier: SetQualifier?, ifExists: Bool, base: String)

    /// The parts of an ASCII operator, or nil when it is not ASCII. The qualifiers are tested in this
    /// order, one after the other (`ForAnyValue:ForAllValues:X` ends up `ForAllValues`).
    private static func asciiParts(_ b: UnsafeBufferPointer<UInt8>) -> Parts?? {
        guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
        var start = 0, end = b.count
        var qualifier: SetQualifier?
        if has(b, "ForAnyValue:", at: start) { qualifier = .forAnyValue; start += 12 }
        if has(b, "ForAllValues:", at: start) { qualifier = .forAllValues; start += 13 }
        var ifExists = false
        if end - start > 8 && has(b, "IfExists", at: end - 8) { ifExists = true; end -= 8 }
        return .some((qualifier, ifExists, String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)))
    }

    private static func has(_ b: UnsafeBufferPointer<UInt8>, _ word: StaticString, at offset: Int) -> Bool {
        let n = word.utf8CodeUnitCount
        guard offset >= 0, offset + n <= b.count else { return false }
        return word.withUTF8Buffer { w in (0..<n).allSatisfy { b[offset + $0] == w[$0] } }
    }

    /// The parts of any operator, compared by characters.
    private static func characterParts(_ raw: String) -> Parts? {
        var rest = Substring(raw)
        var qualifier: SetQualifier?
        if rest.hasPrefix("ForAnyValue:") {
            qualifier = .forAnyValue
            rest = rest.dropFirst("ForAnyValue:".count)
        }
        if rest.hasPrefix("ForAllValues:") {
            qualifier = .forAllValues
            rest = rest.dropFirst("ForAllValues:".count)
        }
        var ifExists = false
        if rest.hasSuffix("IfExists") && rest != "IfExists" {
            ifExists = true
            rest = rest.dropLast("IfExists".count)
        }
        return (qualifier, ifExists, String(rest))
    }
}
