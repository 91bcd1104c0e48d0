/// A small, strict XML reader for AWS Query-protocol answers (IAM, STS) and XML error bodies.
///
/// Foundation's `XMLParser` lives in FoundationXML, which links libxml2 and, through it, ICU: two
/// more libraries loaded at every start of every command for the few live-AWS calls that read XML.
/// AWS answers use a small part of XML, and this reads exactly that part:
/// elements (prefixes dropped, attributes skipped), character data with the five predefined
/// entities and character references, CDATA sections, comments and processing instructions, and
/// line ends normalised to `\n`. A DOCTYPE is refused (AWS never sends one, and refusing it rules
/// out entity expansion attacks), as is anything not well-formed: mismatched or unclosed tags,
/// unknown entities, text outside the root, invalid UTF-8.
struct XMLReader {
    private let b: [UInt8]
    private var i = 0

    private init(_ bytes: [UInt8]) { b = bytes }

    /// The document's root element, or nil when the bytes are not a well-formed document.
    static func parse(_ bytes: [UInt8]) -> XMLNode? {
        // Whole-document UTF-8 check first: names and text are then decoded without repairs.
        guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
        var reader = XMLReader(bytes)
        return reader.document()
    }

    private mutating func document() -> XMLNode? {
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        guard miscellany(), at("<"), !at("</") else { return nil }
        guard let root = element(), miscellany(), i == b.count else { return nil }
        return root
    }

    /// Whitespace, comments and processing instructions (before and after the root); false on a
    /// DOCTYPE or a malformed comment or instruction.
    private mutating func miscellany() -> Bool {
        while i < b.count {
            if isSpace(b[i]) { i += 1; continue }
            if at("<!--") { guard skip(past: "-->") else { return false }; continue }
            if at("<?") { guard skip(past: "?>") else { return false }; continue }
            if at("<!") { return false }
            break
        }
        return true
    }

    /// An element starting at `<`, with everything inside it, through its end tag.
    private mutating func element() -> XMLNode? {
        var stack: [(qualified: [UInt8], node: XMLNode)] = []
        var root: XMLNode?
        repeat {
            // The input ended inside an element.
            guard i < b.count else { return nil }
            if at("</") {
                i += 2
                let name = readName()
                while i < b.count && isSpace(b[i]) { i += 1 }
                guard let open = stack.popLast(), !name.isEmpty, name == open.qualified, at(">") else { return nil }
                i += 1
            } else if at("<!--") {
                guard !stack.isEmpty, skip(past: "-->") else { return nil }
            } else if at("<![CDATA[") {
                i += 9
                let start = i
                guard let top = stack.last, skip(past: "]]>") else { return nil }
                top.node.append(normalised(start..<(i - 3)))
            } else if at("<?") {
                guard !stack.isEmpty, skip(past: "?>") else { return nil }
            } else if at("<!") {
                return nil
            } else if at("<") {
                i += 1
                let name = readName()
                guard !name.isEmpty, skipAttributes() else { return nil }
                let node = XMLNode(name: localName(name))
                if let parent = stack.last?.node { parent.add(node) } else if root == nil { root = node } else { return nil }
                if at("/>") {
                    i += 2
                } else {
                    guard at(">") else { return nil }
                    i += 1
                    stack.append((name, node))
                }
            } else {
                guard let top = stack.last, let text = characterData() else { return nil }
                top.node.append(text)
            }
        } while !stack.isEmpty
        return root
    }

    /// Character data up to the next `<`, entities decoded; nil on an unknown or malformed entity.
    private mutating func characterData() -> String? {
        var out: [UInt8] = []
        while i < b.count && b[i] != UInt8(ascii: "<") {
            let c = b[i]
            if c == UInt8(ascii: "&") {
                guard let semi = b[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { return nil }
                guard let decoded = Self.entity(Array(b[(i + 1)..<semi])) else { return nil }
                out += decoded
                i = semi + 1
            } else if c == 13 {
                out.append(10)
                i += (i + 1 < b.count && b[i + 1] == 10) ? 2 : 1
            } else {
                out.append(c)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The UTF-8 bytes an entity or character reference (between `&` and `;`) stands for.
    static func entity(_ name: [UInt8]) -> [UInt8]? {
        switch String(decoding: name, as: UTF8.self) {
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "amp": return [UInt8(ascii: "&")]
        case "apos": return [UInt8(ascii: "'")]
        case "quot": return [UInt8(ascii: "\"")]
        case let ref where ref.hasPrefix("#"):
            let hex = ref.hasPrefix("#x")
            let digits = ref.dropFirst(hex ? 2 : 1)
            guard !digits.isEmpty, let value = UInt32(digits, radix: hex ? 16 : 10),
                  let scalar = Unicode.Scalar(value), value != 0 else { return nil }
            return Array(String(Character(scalar)).utf8)
        default: return nil
        }
    }

    /// The bytes of `range` as text with line ends normalised (CDATA).
    private func normalised(_ range: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var k = range.lowerBound
        while k < range.upperBound {
            if b[k] == 13 {
                out.append(10)
                k += (k + 1 < range.upperBound && b[k + 1] == 10) ? 2 : 1
            } else {
                out.append(b[k])
                k += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A name: the bytes up to whitespace, `/`, `>` or `=`.
    private mutating func readName() -> [UInt8] {
        let start = i
        while i < b.count, !isSpace(b[i]), b[i] != UInt8(ascii: "/"), b[i] != UInt8(ascii: ">"),
              b[i] != UInt8(ascii: "="), b[i] != UInt8(ascii: "<") { i += 1 }
        return Array(b[start..<i])
    }

    /// Skips `name="value"` pairs up to `>` or `/>`; false when they are malformed.
    private mutating func skipAttributes() -> Bool {
        while true {
            let hadSpace = i < b.count && isSpace(b[i])
            while i < b.count && isSpace(b[i]) { i += 1 }
            if at(">") || at("/>") { return true }
            guard hadSpace, !readName().isEmpty else { return false }
            while i < b.count && isSpace(b[i]) { i += 1 }
            guard at("=") else { return false }
            i += 1
            while i < b.count && isSpace(b[i]) { i += 1 }
            guard i < b.count, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else { return false }
            let quote = b[i]
            i += 1
            while i < b.count && b[i] != quote {
                if b[i] == UInt8(ascii: "<") { return false }
                i += 1
            }
            guard i < b.count else { return false }
            i += 1
        }
    }

    /// The part of a qualified name after its prefix (`ns:Code` → `Code`), as `XMLParser` without
    /// namespace processing gave it to the tree.
    private func localName(_ name: [UInt8]) -> String {
        let local = name.split(separator: UInt8(ascii: ":")).last.map(Array.init) ?? name
        return String(decoding: local, as: UTF8.self)
    }

    /// Moves past the next `marker`; false when there is none.
    private mutating func skip(past marker: StaticString) -> Bool {
        let m = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
        var k = i
        while k + m.count <= b.count {
            if b[k] == m[0] && b[k..<(k + m.count)].elementsEqual(m) { i = k + m.count; return true }
            k += 1
        }
        return false
    }

    /// Whether the bytes at the current position spell `marker`.
    private func at(_ marker: StaticString) -> Bool {
        let m = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
        return i + m.count <= b.count && b[i..<(i + m.count)].elementsEqual(m)
    }

    private func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
}
