/// Editable single-line text with a cursor; the model behind `TextField` and `FilterInput`.
/// Edits mirror readline: C-a/C-e or home/end, M-b/M-f or C-←/→ word moves, C-w/M-bksp delete
/// word back, M-d delete word forward, C-u/C-k kill to start/end, paste inserts.
public struct TextFieldState: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Insertion point, 0...characters.count.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    public mutating func setText(_ s: String) { characters = Array(s); cursor = characters.count }

    /// Inserts text at the cursor (newlines and tabs become spaces: this is one line).
    public mutating func insert(_ s: String) {
        let chars = s.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }.filter { !($0.asciiValue.map { $0 < 0x20 } ?? false) }
        characters.insert(contentsOf: chars, at: cursor)
        cursor += chars.count
    }

    /// Applies an editing key. Returns false when the key is not an editing key (so the caller
    /// can treat it as a command).
    @discardableResult
    public mutating func handle(_ event: KeyEvent) -> Bool {
        let m = event.modifiers
        switch event.key {
        case .char(let c) where m.isEmpty || m == .shift:
            insert(String(c))
        case .char("a") where m == .ctrl: cursor = 0
        case .char("e") where m == .ctrl: cursor = characters.count
        case .char("b") where m == .ctrl: cursor = max(0, cursor - 1)
        case .char("f") where m == .ctrl: cursor = min(characters.count, cursor + 1)
        case .char("b") where m == .alt: cursor = wordStart(before: cursor)
        case .char("f") where m == .alt: cursor = wordEnd(after: cursor)
        case .char("w") where m == .ctrl: deleteRange(wordStart(before: cursor)..<cursor)
        case .backspace where m == .alt: deleteRange(wordStart(before: cursor)..<cursor)
        case .char("d") where m == .alt: deleteRange(cursor..<wordEnd(after: cursor))
        case .char("u") where m == .ctrl: deleteRange(0..<cursor)
        case .char("k") where m == .ctrl: deleteRange(cursor..<characters.count)
        case .char("h") where m == .ctrl: fallthrough
        case .backspace: if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .char("d") where m == .ctrl: fallthrough
        case .delete: if cursor < characters.count { characters.remove(at: cursor) }
        case .left where m.contains(.ctrl) || m.contains(.alt): cursor = wordStart(before: cursor)
        case .right where m.contains(.ctrl) || m.contains(.alt): cursor = wordEnd(after: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        default: return false
        }
        return true
    }

    private mutating func deleteRange(_ r: Range<Int>) {
        guard !r.isEmpty else { return }
        characters.removeSubrange(r)
        cursor = r.lowerBound
    }

    private func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    /// Start of the word before `i` (skipping separators first), as readline's M-b.
    public func wordStart(before i: Int) -> Int {
        var j = i
        while j > 0, !isWord(characters[j - 1]) { j -= 1 }
        while j > 0, isWord(characters[j - 1]) { j -= 1 }
        return j
    }

    /// End of the word after `i`, as readline's M-f.
    public func wordEnd(after i: Int) -> Int {
        var j = i
        while j < characters.count, !isWord(characters[j]) { j += 1 }
        while j < characters.count, isWord(characters[j]) { j += 1 }
        return j
    }
}
