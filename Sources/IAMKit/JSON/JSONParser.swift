import Foundation

/// Why a text is not valid JSON, and where.
public struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var position: SourcePosition
    public init(_ message: String, at position: SourcePosition) { self.message = message; self.position = position }
    /// `line:column: message` — the CLI prefixes the file name.
    public var description: String { "\(position.line):\(position.column): \(message)" }
}

/// The result of parsing: the root node plus facts a strict parser would throw away.
public struct JSONDocument: Sendable {
    /// Changing the root forgets the size the parser counted for it.
    public var root: JSONNode { didSet { parsedRootSize = nil } }
    /// Keys written twice in one object (the first occurrence wins in lookups, as in most readers,
    /// but IAM's behaviour is undefined, so lint reports them).
    public var duplicateKeys: [(pointer: String, key: String, position: SourcePosition)]
    /// `root.compactScalarCount`, counted by the parser as it read the text (nil for documents built
    /// otherwise, and once `root` changes).
    var parsedRootSize: Int? = nil

    /// `root.compactScalarCount`: IAM's length of the whole document (compact JSON, in Unicode
    /// scalars). Free for a parsed document: `policy-size` walked every policy's tree again to count
    /// what the parser had just read (2 % of `lint` on the managed-policy corpus).
    public var rootCompactScalarCount: Int { parsedRootSize ?? root.compactScalarCount }

    /// The position of the node at `pointer`, or of its nearest existing ancestor.
    public func position(of pointer: String) -> SourcePosition {
        var p = pointer
        // One walk: the deepest node reached is the nearest existing ancestor (see `resolveFast`).
        if root.location.token == nil && root.location.base.isEmpty,
           let found = p.withUTF8({ root.resolveFast($0, deepest: true) { $0.position } }), let found {
            return found
        }
        while true {
            if let n = root.node(at: p) { return n.position }
            guard let slash = p.lastIndex(of: "/") else { return root.position }
            p = String(p[..<slash])
        }
    }
}

/// A JSON (RFC 8259) reader that keeps key order and the position of every value.
///
/// Hand-written instead of Foundation's JSONSerialization because that one loses key order,
/// positions and duplicate keys — all three are product features here. Recursion depth is capped so
/// hostile input fails with a message instead of overflowing the stack.
///
/// It reads an unsafe view of the bytes (no bounds checks or array retains per byte) and builds each
/// string once from its slice: parsing was a third of `lint`'s fixed cost on the managed-policy corpus.
public struct JSONParser {
    /// The deepest nesting accepted.
    public static let maxDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var line = 1
    private var column = 1
    private var duplicates: [(pointer: String, key: String, position: SourcePosition)] = []
    /// `compactScalarCount` of everything read so far: each token adds its own share of the
    /// definition (punctuation, literals, numbers, quoted strings), so at the end it is the root's.
    private var size = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Parses a whole document; anything but whitespace after the value is an error.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONDocument {
        // `withUTF8` rethrows untyped errors, so the result travels out as a Result.
        var text = text
        return try text.withUTF8 { b in Result { () throws(JSONParseError) in try parse(buffer: b) } }.get()
    }

    /// Parses UTF-8 bytes (a leading BOM is skipped).
    public static func parse(bytes: [UInt8]) throws(JSONParseError) -> JSONDocument {
        try bytes.withUnsafeBufferPointer { (b) throws(JSONParseError) -> JSONDocument in try parse(buffer: b) }
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONDocument {
        var p = JSONParser(buffer)
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { p.index = 3 }
        p.skipWhitespace()
        guard p.index < buffer.count else { throw JSONParseError("empty input: expected a JSON value", at: p.here) }
        let root = try p.parseValue(LazyPointer(""), depth: 0)
        p.skipWhitespace()
        if p.index < buffer.count {
            throw JSONParseError("unexpected \(p.describeCurrent()) after the end of the JSON value", at: p.here)
        }
        return JSONDocument(root: root, duplicateKeys: p.duplicates, parsedRootSize: p.size)
    }

    private var here: SourcePosition { SourcePosition(line: line, column: column, offset: index) }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of input" }
        let b = bytes[index]
        if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return String(format: "byte 0x%02X", b)
    }

    private mutating func advance() {
        let b = bytes[index]
        index += 1
        if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
    }

    private mutating func skipWhitespace() {
        let base = UnsafeRawPointer(bytes.baseAddress)
        while index < bytes.count {
            switch bytes[index] {
            case 0x20:
                // Indentation comes in runs of spaces: a whole run of up to eight is skipped at once,
                // its length read from the first byte that differs (the managed policies are indented
                // by six and eight spaces; taking the rest of a run one by one was half the loop).
                if let base, index + 8 <= bytes.count {
                    let other = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) ^ 0x2020_2020_2020_2020
                    let n = other == 0 ? 8 : other.trailingZeroBitCount >> 3
                    index += n; column += n
                } else {
                    index += 1; column += 1
                }
            case 0x09, 0x0D: index += 1; column += 1
            case 0x0A: index += 1; line += 1; column = 1
            default: return
            }
        }
    }

    /// Whether the next byte is `b` (false at the end of input).
    private func at(_ b: UInt8) -> Bool { index < bytes.count && bytes[index] == b }

    /// A container spells out its pointer (its children extend it); a scalar keeps `location` lazy.
    private mutating func parseValue(_ location: LazyPointer, depth: Int) throws(JSONParseError) -> JSONNode {
        guard depth <= Self.maxDepth else { throw JSONParseError("nesting deeper than \(Self.maxDepth) levels", at: here) }
        guard index < bytes.count else { throw JSONParseError("unexpected end of input: expected a value", at: here) }
        let start = here
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(pointer: location.string, depth: depth)
        case UInt8(ascii: "["): return try parseArray(pointer: location.string, depth: depth)
        case UInt8(ascii: "\""): return JSONNode(kind: .string(try parseString()), position: start, location: location)
        case UInt8(ascii: "t"): try literal("true"); size += 4; return JSONNode(kind: .bool(true), position: start, location: location)
        case UInt8(ascii: "f"): try literal("false"); size += 5; return JSONNode(kind: .bool(false), position: start, location: location)
        case UInt8(ascii: "n"): try literal("null"); size += 4; return JSONNode(kind: .null, position: start, location: location)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(kind: .number(try parseNumber()), position: start, location: location)
        case UInt8(ascii: "'"):
            throw JSONParseError("strings must use double quotes, not single quotes", at: here)
        default:
            throw JSONParseError("unexpected \(describeCurrent()): expected a value", at: here)
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let start = here
        let n = word.utf8CodeUnitCount
        let matches = index + n <= bytes.count && word.withUTF8Buffer { w in
            (0..<n).allSatisfy { bytes[index + $0] == w[$0] }
        }
        guard matches else { throw JSONParseError("invalid literal: expected '\(word)'", at: start) }
        index += n
        column += n // the words are ASCII and on one line
    }

    private mutating func parseObject(pointer: String, depth: Int) throws(JSONParseError) -> JSONNode {
        let start = here
        advance() // {
        size += 2
        // Objects are small (a policy's have at most a handful of keys): duplicates are found by a
        // scan of the members read so far; a set takes over only for large objects.
        var seen: Set<String>?
        skipWhitespace()
        if at(UInt8(ascii: "}")) {
            advance()
            return JSONNode(kind: .object([]), position: start, pointer: pointer)
        }
        var members: [JSONNode.Member] = []
        // Room for a statement's elements at once (Sid, Effect, Action, Resource, Condition: no
        // managed policy object has more), rather than growing 1, 2, 4, 8.
        members.reserveCapacity(5)
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw JSONParseError("unexpected end of input inside an object opened at \(start)", at: here) }
            guard bytes[index] == UInt8(ascii: "\"") else {
                if bytes[index] == UInt8(ascii: "}") { throw JSONParseError("trailing comma before '}'", at: here) }
                throw JSONParseError("expected a double-quoted key, found \(describeCurrent())", at: here)
            }
            let keyPos = here
            let key = try parseString()
            skipWhitespace()
            guard at(UInt8(ascii: ":")) else {
                throw JSONParseError("expected ':' after key \"\(key)\", found \(describeCurrent())", at: here)
            }
            advance()
            skipWhitespace()
            let child = LazyPointer(parent: pointer, token: key)
            let value = try parseValue(child, depth: depth + 1)
            let duplicate: Bool
            if seen != nil {
                duplicate = !seen!.insert(key).inserted
            } else {
                duplicate = members.contains { $0.key == key }
                if members.count == 16 { seen = Set(members.map(\.key) + [key]) }
            }
            if duplicate { duplicates.append((child.string, key, keyPos)) }
            // The member's colon, and the comma before it.
            size += members.isEmpty ? 1 : 2
            members.append(JSONNode.Member(key: key, keyPosition: keyPos, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw JSONParseError("unexpected end of input: missing '}' for the object opened at \(start)", at: here) }
            if bytes[index] == UInt8(ascii: ",") { advance(); continue }
            if bytes[index] == UInt8(ascii: "}") { advance(); break }
            throw JSONParseError("expected ',' or '}' in object, found \(describeCurrent())", at: here)
        }
        return JSONNode(kind: .object(members), position: start, pointer: pointer)
    }

    private mutating func parseArray(pointer: String, depth: Int) throws(JSONParseError) -> JSONNode {
        let start = here
        advance() // [
        size += 2
        skipWhitespace()
        if at(UInt8(ascii: "]")) {
            advance()
            return JSONNode(kind: .array([]), position: start, pointer: pointer)
        }
        var items: [JSONNode] = []
        // Most arrays hold one to four values: room for four at once saves the growth copies of
        // appending one by one (1, 2, 4), which were a fifth of the parser's allocations.
        items.reserveCapacity(4)
        while true {
            skipWhitespace()
            if at(UInt8(ascii: "]")) { throw JSONParseError("trailing comma before ']'", at: here) }
            if !items.isEmpty { size += 1 } // the comma before it
            items.append(try parseValue(LazyPointer(parent: pointer, token: JSONPointer.indexToken(items.count)), depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw JSONParseError("unexpected end of input: missing ']' for the array opened at \(start)", at: here) }
            if bytes[index] == UInt8(ascii: ",") { advance(); continue }
            if bytes[index] == UInt8(ascii: "]") { advance(); break }
            throw JSONParseError("expected ',' or ']' in array, found \(describeCurrent())", at: here)
        }
        return JSONNode(kind: .array(items), position: start, pointer: pointer)
    }

    private mutating func parseNumber() throws(JSONParseError) -> String {
        let start = index
        let startPos = here
        if bytes[index] == UInt8(ascii: "-") { advance() }
        func digits(_ p: inout JSONParser) -> Int {
            var n = 0
            while p.index < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.index]) { p.advance(); n += 1 }
            return n
        }
        if at(UInt8(ascii: "0")) {
            advance()
            if index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                throw JSONParseError("numbers must not have leading zeros", at: startPos)
            }
        } else if digits(&self) == 0 {
            throw JSONParseError("invalid number", at: startPos)
        }
        if at(UInt8(ascii: ".")) {
            advance()
            guard digits(&self) > 0 else { throw JSONParseError("invalid number: digits expected after '.'", at: here) }
        }
        if at(UInt8(ascii: "e")) || at(UInt8(ascii: "E")) {
            advance()
            if at(UInt8(ascii: "+")) || at(UInt8(ascii: "-")) { advance() }
            guard digits(&self) > 0 else { throw JSONParseError("invalid number: digits expected in exponent", at: here) }
        }
        // ASCII: one scalar per byte.
        size += index - start
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private mutating func parseString() throws(JSONParseError) -> String {
        let start = here
        advance() // opening quote
        // Fast path: no escape, no control character (nearly every string in a policy). The text is
        // made once from its slice; plain ASCII (all of the managed policies) needs no validation
        // beyond the scan. Anything else falls through to the full loop.
        // Eight bytes at a time while they are plain ASCII (one column each).
        var scan = JSONWordScan.plainWords(bytes, from: index, asciiOnly: true)
        var columns = scan - index
        var high: UInt8 = 0
        while scan < bytes.count {
            let b = bytes[scan]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
            high |= b
            if b & 0xC0 != 0x80 { columns += 1 }
            scan += 1
        }
        if scan < bytes.count, bytes[scan] == UInt8(ascii: "\"") {
            let slice = UnsafeBufferPointer(rebasing: bytes[index..<scan])
            if let s = high < 0x80 ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self) {
                index = scan + 1
                column += columns + 1
                // No byte needs an escape: the quoted text is the scalars between two quotes.
                size += columns + 2
                return s
            }
        }
        return try parseEscapedString(start)
    }

    /// The full string loop: escapes, and the errors for control characters, bad escapes and
    /// invalid UTF-8, each at its own position.
    private mutating func parseEscapedString(_ start: SourcePosition) throws(JSONParseError) -> String {
        var out: [UInt8] = []
        while true {
            guard index < bytes.count else { throw JSONParseError("unterminated string (opened at \(start))", at: here) }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") { advance(); break }
            if b < 0x20 {
                throw JSONParseError(b == 0x0A ? "unterminated string: line break inside a string" : "control character inside a string must be escaped", at: here)
            }
            if b == UInt8(ascii: "\\") {
                let escPos = here
                advance()
                guard index < bytes.count else { throw JSONParseError("unterminated escape sequence", at: escPos) }
                let e = bytes[index]
                advance()
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4(escPos)
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw JSONParseError("lone high surrogate in \\u escape", at: escPos)
                        }
                        advance(); advance()
                        let low = try hex4(escPos)
                        guard (0xDC00...0xDFFF).contains(low) else { throw JSONParseError("invalid low surrogate in \\u escape", at: escPos) }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw JSONParseError("lone low surrogate in \\u escape", at: escPos)
                    }
                    out.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
                default:
                    throw JSONParseError("invalid escape '\\\(Character(Unicode.Scalar(e)))'", at: escPos)
                }
                continue
            }
            out.append(b)
            advance()
        }
        guard let s = String(validating: out, as: UTF8.self) else {
            throw JSONParseError("string is not valid UTF-8", at: start)
        }
        size += JSONWriter.quotedScalarCount(s)
        return s
    }

    private mutating func hex4(_ at: SourcePosition) throws(JSONParseError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw JSONParseError("incomplete \\u escape", at: at) }
            let c = bytes[index]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw JSONParseError("invalid hex digit in \\u escape", at: at)
            }
            v = v * 16 + d
            advance()
        }
        return v
    }
}
