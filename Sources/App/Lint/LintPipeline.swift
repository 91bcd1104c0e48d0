import ExecRoleKit
import IAMKit

/// Text in, report entries out: parse (JSON or YAML), load the roles, run the rules, pin every finding
/// to a line. No file I/O — the command reads files and walks directories — so it is testable as is.
public enum LintPipeline {
    /// What the whole run shares.
    public struct Options: Sendable {
        public var kind: InputKind?
        public var only: Set<String>? { didSet { rules = LintEngine.RuleSelection(only: only, ignore: ignore) } }
        public var ignore: Set<String> { didSet { rules = LintEngine.RuleSelection(only: only, ignore: ignore) } }
        /// `--taskdef`: paired with every execution role so `task-need-denied` can run.
        public var taskDefinition: (path: String, definition: TaskDefinition)?
        /// The rules `only` and `ignore` leave, chosen once for all the files of a run.
        public private(set) var rules: LintEngine.RuleSelection
        public init(kind: InputKind? = nil, only: Set<String>? = nil, ignore: Set<String> = [], taskDefinition: (path: String, definition: TaskDefinition)? = nil) {
            self.kind = kind; self.only = only; self.ignore = ignore; self.taskDefinition = taskDefinition
            rules = LintEngine.RuleSelection(only: only, ignore: ignore)
        }
    }

    /// Every rule and loader note that can be reported, for SARIF and `--only` validation.
    public static var ruleCatalog: [LintReport.Rule] {
        LintEngine.allRules.map {
            LintReport.Rule(id: $0.id, slug: $0.slug, severity: $0.severity, title: $0.title, rationale: $0.rationale, fix: $0.fix)
        } + InputNote.Kind.allCases.map {
            LintReport.Rule(id: $0.id, slug: $0.rawValue, severity: $0.severity, title: $0.title, rationale: $0.rationale, fix: $0.fix)
        }
    }

    /// Whether a file should be read as YAML: by extension, else when it does not open like JSON.
    public static func looksLikeYAML(path: String, bytes: [UInt8]) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return true }
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        guard i < bytes.count else { return false }
        return bytes[i] != UInt8(ascii: "{") && bytes[i] != UInt8(ascii: "[")
    }

    /// Parses a file's bytes as JSON or YAML into a positioned document.
    public static func parse(path: String, bytes: [UInt8]) throws(JSONParseError) -> JSONDocument {
        guard looksLikeYAML(path: path, bytes: bytes) else { return try JSONParser.parse(bytes: bytes) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw JSONParseError("the file is not valid UTF-8 text", at: SourcePosition(line: 1, column: 1))
        }
        return try YAMLBridge.parse(text)
    }

    /// Lints one file. Returns its report entry, plus entries for the paired task definition
    /// file when findings point into it.
    public static func lint(path: String, bytes: [UInt8], options: Options) -> [LintReport.File] {
        let doc: JSONDocument
        do { doc = try parse(path: path, bytes: bytes) } catch {
            return [LintReport.File(path: path, kind: nil, error: .init(message: error.message, position: error.position))]
        }
        let name = baseName(path)
        let loaded: LoadedInput
        do { loaded = try InputLoader.load(doc, kind: options.kind, name: name) } catch {
            return [LintReport.File(path: path, kind: options.kind?.rawValue, error: .init(message: error.message, position: error.position))]
        }
        var items: [LintReport.Item] = []
        var taskdefItems: [LintReport.Item] = []
        for var role in loaded.roles {
            if role.taskDefinition == nil, role.isExecutionRole, let td = options.taskDefinition { role.taskDefinition = td.definition }
            // Changed in place and copied once, into its item (`for var f in` copied each finding
            // twice: into `f`, then into the item).
            var found = LintEngine.run(role, rules: options.rules)
            items.reserveCapacity(items.count + found.count)
            for k in found.indices {
                // Findings about the paired task definition belong to that file, not to this one.
                if found[k].document == "taskdef", loaded.kind != .taskdef, let td = options.taskDefinition {
                    if found[k].position == nil { found[k].position = td.definition.position(of: found[k].pointer) }
                    taskdefItems.append(LintReport.Item(finding: found[k], role: role.name))
                    continue
                }
                if found[k].position == nil { found[k].position = doc.position(of: found[k].pointer) }
                items.append(LintReport.Item(finding: found[k], role: role.name))
            }
        }
        for note in loaded.notes where allowed(note.kind.rawValue, options) {
            items.append(LintReport.Item(finding: note.finding))
        }
        var files = [LintReport.File(path: path, kind: loaded.kind.rawValue, items: tidy(items), multiRole: loaded.roles.count > 1)]
        if let td = options.taskDefinition, !taskdefItems.isEmpty {
            files.append(LintReport.File(path: td.path, kind: InputKind.taskdef.rawValue, items: tidy(taskdefItems), multiRole: true))
        }
        return files
    }

    /// The last component of a path (`path.split(separator: "/").last`, or the path when it has none),
    /// without splitting the whole path into an array for every file.
    static func baseName(_ path: String) -> String {
        // ASCII (every path in practice): byte offsets are character boundaries.
        var ascii = path
        let name: String?? = ascii.withUTF8 { u in
            guard u.allSatisfy({ $0 < 0x80 }) else { return nil }
            var end = u.count
            while end > 0, u[end - 1] == UInt8(ascii: "/") { end -= 1 }
            guard end > 0 else { return .some(nil) }
            var start = end
            while start > 0, u[start - 1] != UInt8(ascii: "/") { start -= 1 }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: u[start..<end]), as: UTF8.self))
        }
        if let name { return name ?? path }
        // Otherwise by characters, as `split` does (a `/` followed by a combining mark is no separator).
        var end = path.endIndex
        while end > path.startIndex, path[path.index(before: end)] == "/" { end = path.index(before: end) }
        guard end > path.startIndex else { return path }
        var start = end
        while start > path.startIndex, path[path.index(before: start)] != "/" { start = path.index(before: start) }
        return String(path[start..<end])
    }

    static func allowed(_ slug: String, _ o: Options) -> Bool {
        (o.only == nil || o.only!.contains(slug)) && !o.ignore.contains(slug)
    }

    /// Drops repeats (a managed policy attached to several roles of a bundle is one place in the
    /// file) and orders by line, then column, then rule.
    ///
    /// Works on indices: the items are copied once, into the result, and only when something moves
    /// or goes (hashing each finding's message into a set and sorting copies of the items was a
    /// percent of the run for a file's handful of findings).
    static func tidy(_ items: [LintReport.Item]) -> [LintReport.Item] {
        var keep: [Int] = []
        keep.reserveCapacity(items.count)
        if items.count <= 32 {
            // A handful of findings: comparing with the ones kept is cheaper than hashing messages.
            for i in items.indices {
                let a = items[i].finding
                let repeated = keep.contains { j in
                    let b = items[j].finding
                    return a.slug == b.slug && a.pointer == b.pointer && a.message == b.message
                }
                if !repeated { keep.append(i) }
            }
        } else if let found = firstOccurrences(items) {
            keep = found
        } else {
            var seen = Set<TidyKey>()
            for i in items.indices {
                let f = items[i].finding
                if seen.insert(TidyKey(slug: f.slug, pointer: f.pointer, message: f.message)).inserted { keep.append(i) }
            }
        }
        func key(_ i: Int) -> (Int, Int) {
            let p = items[i].finding.position
            return (p?.line ?? 0, p?.column ?? 0)
        }
        // The index breaks ties, so the order is that of a stable sort.
        keep.sort { a, b in
            let ka = key(a), kb = key(b)
            return ka != kb ? ka < kb : a < b
        }
        if keep.count == items.count && keep.indices.allSatisfy({ keep[$0] == $0 }) { return items }
        return keep.map { items[$0] }
    }
}

extension LintPipeline {
    /// The indices of the items that are not repeats of an earlier one (same slug, pointer and
    /// message), in order: `tidy`'s set of `TidyKey`s without hashing every message.
    ///
    /// A table keyed by a byte hash of slug and pointer; messages are compared only when those
    /// match. Byte hashes agree with `String` equality only for ASCII (a non-ASCII string may equal
    /// an ASCII one: U+212A KELVIN SIGN is "K"), so nil, and the set, when a slug or pointer is not
    /// ASCII. Hashing each finding's message with SipHash was most of `tidy` (1 % of `lint`).
    static func firstOccurrences(_ items: [LintReport.Item]) -> [Int]? {
        var hashes: [Int] = []
        hashes.reserveCapacity(items.count)
        for i in items.indices {
            guard let a = asciiHash(items[i].finding.slug), let b = asciiHash(items[i].finding.pointer) else { return nil }
            hashes.append(a &* 31 &+ b)
        }
        var size = 16
        while size < 2 * items.count { size *= 2 }
        var table = [Int](repeating: -1, count: size)
        var keep: [Int] = []
        keep.reserveCapacity(items.count)
        for i in items.indices {
            var slot = hashes[i] & (size - 1)
            var repeated = false
            while table[slot] >= 0 {
                let j = table[slot]
                if hashes[j] == hashes[i] {
                    let a = items[i].finding, b = items[j].finding
                    if a.slug == b.slug && a.pointer == b.pointer && a.message == b.message { repeated = true; break }
                }
                slot = (slot + 1) & (size - 1)
            }
            if !repeated { table[slot] = i; keep.append(i) }
        }
        return keep
    }

    /// FNV-1a of an ASCII string's bytes, or nil when it is not ASCII.
    private static func asciiHash(_ s: String) -> Int? {
        s.withUTF8Bytes { b -> Int? in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for c in b {
                if c >= 0x80 { return nil }
                h = (h ^ UInt64(c)) &* 0x100_0000_01b3
            }
            return Int(truncatingIfNeeded: h)
        }
    }
}

/// What makes two report items the same place (a struct: interpolating the three into one string
/// allocated for every finding).
private struct TidyKey: Hashable {
    var slug: String
    var pointer: String
    var message: String
}
