/// One screen cell: a grapheme cluster plus its style.
///
/// A wide grapheme (CJK, emoji) occupies two cells: the first holds the symbol with `width == 2`,
/// the second is a continuation cell (`symbol == ""`, `width == 0`) that backends skip.
/// Symbols are `String`s because Swift keeps strings of up to 15 UTF-8 bytes inline: one
/// grapheme per cell costs no heap allocation.
public struct Cell: Hashable, Sendable {
    public var symbol: String
    public var style: Style
    /// Display width of `symbol`: 1, 2, or 0 for a continuation cell.
    public var width: UInt8

    public init(_ symbol: String = " ", style: Style = .plain, width: UInt8 = 1) {
        self.symbol = symbol
        self.style = style
        self.width = width
    }

    /// A blank cell in the default style.
    public static let blank = Cell()
    /// The right half of a wide grapheme.
    public static func continuation(style: Style) -> Cell { Cell("", style: style, width: 0) }
    public var isContinuation: Bool { width == 0 }
}
