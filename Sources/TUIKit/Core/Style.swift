/// Text attributes a terminal can show independently of colour.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let reverse = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)

    /// Names in a fixed order, for snapshot legends.
    public var names: [String] {
        var out: [String] = []
        if contains(.bold) { out.append("bold") }
        if contains(.dim) { out.append("dim") }
        if contains(.underline) { out.append("underline") }
        if contains(.reverse) { out.append("reverse") }
        if contains(.italic) { out.append("italic") }
        return out
    }
}

/// Foreground, background and attributes of a cell. A small value type: copying it is free.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    public var fg: Color
    public var bg: Color
    public var attributes: TextAttributes

    public init(fg: Color = .default, bg: Color = .default, attributes: TextAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }

    /// The terminal's default look.
    public static let plain = Style()

    public func fg(_ c: Color) -> Style { var s = self; s.fg = c; return s }
    public func bg(_ c: Color) -> Style { var s = self; s.bg = c; return s }
    public var bold: Style { adding(.bold) }
    public var dim: Style { adding(.dim) }
    public var underline: Style { adding(.underline) }
    public var reverse: Style { adding(.reverse) }
    public var italic: Style { adding(.italic) }
    public func adding(_ a: TextAttributes) -> Style { var s = self; s.attributes.formUnion(a); return s }

    /// Layers `other` on top: its non-default colours win and attributes are combined.
    public func patched(with other: Style) -> Style {
        var s = self
        if other.fg != .default { s.fg = other.fg }
        if other.bg != .default { s.bg = other.bg }
        s.attributes.formUnion(other.attributes)
        return s
    }

    /// The same style with colours removed (for `NO_COLOR`); attributes are kept.
    public var withoutColor: Style { Style(attributes: attributes) }

    public var description: String {
        var parts: [String] = []
        if fg != .default { parts.append("fg:\(fg.shortName)") }
        if bg != .default { parts.append("bg:\(bg.shortName)") }
        parts += attributes.names
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}
