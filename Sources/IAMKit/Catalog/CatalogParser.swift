import Foundation

/// Parses the generated line format (see scripts/CATALOG.md) from UTF-8 bytes.
///
/// Lines: `S|prefix|name|url`, `R|type|arn|keys`, `C|key|type|description`, `A|Name|level|refs`,
/// and, in a separate region, `D|keys|dependents|description` per action; lists use `,`, refs use
/// `;` and `name*=keys`.
/// Everything splits on bytes, never on `Character`s: grapheme breaking made the 260 KB EC2 block
/// cost ~30 ms; on bytes it is a few milliseconds.
enum CatalogParser {
    static let docsBase = "https://docs.aws.amazon.com/service-authorization/latest/reference/"
    static let grants = "Grants permission to "

    private static let bar = UInt8(ascii: "|"), comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";")
    private static let equals = UInt8(ascii: "="), star = UInt8(ascii: "*"), tilde = UInt8(ascii: "~")

    /// The index line (`I|prefix=offset,…`) → prefix and byte range of each block relative to the body.
    static func parseIndex(_ line: Substring, bodyLength: Int) -> [(prefix: String, range: Range<Int>)] {
        let entries = line.utf8.dropFirst(2).split(separator: comma)
        var starts: [(String, Int)] = []
        starts.reserveCapacity(entries.count)
        for entry in entries {
            guard let eq = entry.lastIndex(of: equals),
                  let off = Int(Substring(entry[entry.index(after: eq)...])) else { continue }
            starts.append((String(Substring(entry[..<eq])), off))
        }
        var result: [(prefix: String, range: Range<Int>)] = []
        result.reserveCapacity(starts.count)
        for (i, (prefix, start)) in starts.enumerated() {
            let end = i + 1 < starts.count ? starts[i + 1].1 : bodyLength
            guard start <= end, end <= bodyLength else { continue }
            result.append((prefix, start..<end))
        }
        return result
    }

    /// AWS's description from the catalog's description field (`~` abbreviates "Grants permission to ").
    static func descriptionText(_ field: String) -> String {
        field.utf8.first == tilde ? grants + field.dropFirst() : field
    }

    /// Parses the service block at `range` (absolute byte offsets in `text`); nil when the block has
    /// no `S|` line.
    ///
    /// Actions keep only what the rules read on every lint (name, access level, resource types);
    /// their description, condition keys and dependent actions stay in the text (`CatalogLine`).
    static func parseService(_ text: CatalogText, range: Range<Int>, details: Range<Int>, slot: Int) -> ServiceInfo? {
        text.withBytes { all in parseService(all, range, text, details, Int32(slot) << 16) }
    }

    private static func parseService(_ b: UnsafeBufferPointer<UInt8>, _ block: Range<Int>, _ text: CatalogText,
                                     _ details: Range<Int>, _ idBase: Int32) -> ServiceInfo? {
        var header = Fields()
        var resources: [ResourceTypeInfo] = []
        var resourceNameFields: [Range<Int>] = []
        var conditions: [ConditionKeyInfo] = []
        var actionLines: [Range<Int>] = []
        // Condition keys repeat on the resource lines of a service (EC2 lists dozens per type): one
        // String per distinct key, not per mention. (The keys of action rows stay in the text.)
        var pool = Set<String>()
        // A block is mostly `A|` lines (EC2: ~700): count the lines first, so each list is allocated once.
        let counts = lineCounts(b, block)
        actionLines.reserveCapacity(counts.actions)
        resources.reserveCapacity(counts.resources)
        resourceNameFields.reserveCapacity(counts.resources)
        conditions.reserveCapacity(counts.conditions)
        var lineStart = block.lowerBound
        while lineStart < block.upperBound {
            let lineEnd = firstIndex(of: 10, in: b, lineStart..<block.upperBound) ?? block.upperBound
            if lineEnd - lineStart > 2 {
                switch b[lineStart] {
                case UInt8(ascii: "A"): actionLines.append((lineStart + 2)..<lineEnd)
                case UInt8(ascii: "S"): header = fields(b, (lineStart + 2)..<lineEnd)
                case UInt8(ascii: "R"):
                    let f = fields(b, (lineStart + 2)..<lineEnd)
                    if f.count >= 3 {
                        resources.append(ResourceTypeInfo(name: str(b, f.first), arnFormat: str(b, f.second), conditionKeys: list(b, f.third, &pool)))
                        resourceNameFields.append(f.first)
                    }
                case UInt8(ascii: "C"):
                    let f = fields(b, (lineStart + 2)..<lineEnd)
                    if f.count >= 3 {
                        conditions.append(ConditionKeyInfo(name: str(b, f.first),
                                                           rest: CatalogSpan(text: text, start: Int32(f.second.lowerBound), end: Int32(f.third.upperBound)),
                                                           typeEnd: Int32(f.second.upperBound)))
                    }
                default: break
                }
            }
            lineStart = lineEnd + 1
        }
        guard header.count >= 2 else { return nil }
        let prefix = str(b, header.first)
        var url = header.count > 2 ? str(b, header.third) : ""
        if url.hasPrefix("~") { url = docsBase + url.dropFirst() }
        // Each type name the block's rows may use, with its declaration (the last one wins), its
        // one-element `[arnFormat]` (shared by every action that names it) and its process-wide id;
        // rows naming undeclared types add theirs as they come. One lookup per reference.
        var targets = RefTargets(count: resources.count)
        for ((r, field), id) in zip(zip(resources, resourceNameFields), ResourceTypeNames.ids(resources.map(\.name))) {
            targets.add(b, field, RefTarget(name: r.name, info: r, formats: [r.arnFormat], nameID: id))
        }
        // Actions of a service mostly repeat a few resource-reference fields (`bucket*`, `object*`):
        // one `[ResourceTypeRef]` per distinct field text, found by the field's bytes (building a
        // String per action only to look it up was a fifth of the parse).
        var refsByField = RefsTable(capacityFor: actionLines.count)
        var actions: [ActionInfo] = []
        actions.reserveCapacity(actionLines.count)
        // The name fields as they lie in the block: the service's name table and its sortedness
        // come from these bytes, not from reading every name `String` back.
        var nameFields: [Range<Int>] = []
        nameFields.reserveCapacity(actionLines.count)
        var nameBits: UInt8 = 0, sorted = true
        for line in actionLines {
            // `Name|L|refs`; the rest is in the service's detail lines, decoded on demand. The two
            // bars are found in place: a split array per line was an allocation per action.
            guard let bar1 = firstIndex(of: bar, in: b, line),
                  let bar2 = firstIndex(of: bar, in: b, (bar1 + 1)..<line.upperBound),
                  bar2 > bar1 + 1, let level = AccessLevel(code: b[bar1 + 1]) else { continue }
            let nameField = line.lowerBound..<bar1, refsField = (bar2 + 1)..<line.upperBound
            let refs = refsByField.refs(b, refsField) { parseRefs(b, refsField, &targets, text) }
            for i in nameField { nameBits |= b[i] }
            if let last = nameFields.last, sorted { sorted = precedes(b, last, nameField) }
            nameFields.append(nameField)
            actions.append(ActionInfo(service: prefix, name: str(b, nameField), accessLevel: level, resourceTypes: refs,
                                      detail: CatalogLine(text: text, start: Int32(details.lowerBound), end: Int32(details.upperBound),
                                                          index: Int32(actions.count)),
                                      id: idBase | Int32(actions.count)))
        }
        // ASCII names (all of AWS's) sort by bytes as `String`s do; others are left to `ServiceInfo`.
        let ascii = nameBits < 0x80
        return ServiceInfo(prefix: prefix, name: str(b, header.second), authorizationURL: url, actions: actions,
                           resourceTypes: resources, conditionKeys: conditions,
                           names: ascii ? ActionNameTable(ascii: b, ranges: nameFields) : nil, actionsSorted: ascii ? sorted : nil)
    }

    /// A resource type name as a block's rows refer to it (see `parseService`).
    private struct RefTarget {
        let name: String
        let info: ResourceTypeInfo?
        let formats: [String]
        let nameID: Int32
    }

    /// The resource type names a block's rows may use, looked up by a row's name bytes: the
    /// block's declarations (of equal names the last wins) and, as rows name them, undeclared
    /// names. A `[String: RefTarget]` dictionary cost a `String` and a SipHash per reference; a
    /// block declares ~5 types (EC2 ~60), scanned newest first, length before bytes.
    private struct RefTargets {
        private var fields: [Range<Int>] = []
        private var targets: [RefTarget] = []
        /// Whether every name so far is ASCII: otherwise names are compared as `String`s (which
        /// may equate different bytes, e.g. "K" and the Kelvin sign), as the dictionary did.
        private var ascii = true

        init(count: Int) {
            fields.reserveCapacity(count)
            targets.reserveCapacity(count)
        }

        /// Adds a name (at `field` of `b`), shadowing an equal one added before.
        mutating func add(_ b: UnsafeBufferPointer<UInt8>, _ field: Range<Int>, _ target: RefTarget) {
            if ascii { ascii = Glob.isASCII(UnsafeBufferPointer(rebasing: b[field])) }
            fields.append(field)
            targets.append(target)
        }

        /// The target for the name at `name` of `b`, adding an undeclared one the first time.
        mutating func target(_ b: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> RefTarget {
            if ascii && Glob.isASCII(UnsafeBufferPointer(rebasing: b[name])) {
                var i = fields.count - 1
                while i >= 0 {
                    if same(b, fields[i], name) { return targets[i] }
                    i -= 1
                }
            } else {
                let s = str(b, name)
                if let i = targets.lastIndex(where: { $0.name == s }) { return targets[i] }
            }
            let s = str(b, name)
            let target = RefTarget(name: s, info: nil, formats: [], nameID: ResourceTypeNames.ids([s])[0])
            add(b, name, target)
            return target
        }
    }

    /// The `;`-separated resource references of an action row (`name*=key,key;name`).
    private static func parseRefs(_ b: UnsafeBufferPointer<UInt8>, _ field: Range<Int>, _ targets: inout RefTargets,
                                  _ text: CatalogText) -> [ResourceTypeRef] {
        var refs: [ResourceTypeRef] = []
        // One allocation per list, not one per doubling (5,175 allocations for 3,670 lists).
        refs.reserveCapacity(count(of: semicolon, in: b, field) + 1)
        var itemStart = field.lowerBound
        while itemStart < field.upperBound {
            let itemEnd = firstIndex(of: semicolon, in: b, itemStart..<field.upperBound) ?? field.upperBound
            let item = itemStart..<itemEnd
            itemStart = itemEnd + 1
            if item.isEmpty { continue }
            var nameRange = item, keys: CatalogSpan?
            if let eq = firstIndex(of: equals, in: b, item) {
                nameRange = item.lowerBound..<eq
                if eq + 1 < item.upperBound { keys = CatalogSpan(text: text, start: Int32(eq + 1), end: Int32(item.upperBound)) }
            }
            let required = !nameRange.isEmpty && b[nameRange.upperBound - 1] == star
            if required { nameRange = nameRange.lowerBound..<(nameRange.upperBound - 1) }
            let target = targets.target(b, nameRange)
            // The keys stay in the text (`ResourceTypeRef.conditionKeys` merges them when asked).
            refs.append(ResourceTypeRef(name: target.name, required: required, arnFormats: target.formats,
                                        nameID: target.nameID, typeKeys: target.info?.conditionKeys ?? [], rowKeys: keys))
        }
        return refs
    }

    /// The first `byte` in `range` of `b` (memchr: blocks are read line by line, 1.5 MB in all).
    static func firstIndex(of byte: UInt8, in b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = b.baseAddress,
              let hit = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The number of `A|`, `R|` and `C|` lines of `block`.
    static func lineCounts(_ b: UnsafeBufferPointer<UInt8>, _ block: Range<Int>) -> (actions: Int, resources: Int, conditions: Int) {
        var a = 0, r = 0, c = 0, at = block.lowerBound
        while at < block.upperBound {
            switch b[at] {
            case UInt8(ascii: "A"): a += 1
            case UInt8(ascii: "R"): r += 1
            case UInt8(ascii: "C"): c += 1
            default: break
            }
            guard let end = firstIndex(of: 10, in: b, at..<block.upperBound) else { break }
            at = end + 1
        }
        return (a, r, c)
    }

    /// How many `byte`s `range` of `b` holds.
    private static func count(of byte: UInt8, in b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var n = 0
        for i in range where b[i] == byte { n += 1 }
        return n
    }

    /// A block's distinct resource-reference fields and their parsed lists, by open addressing on
    /// the field bytes' hash: a `[UInt64: (field, refs)]` dictionary (SipHash, growth) and a
    /// byte-at-a-time FNV were ~10 M of the ~73 M instructions of parsing all 445 blocks.
    private struct RefsTable {
        /// Per slot the field's hash and its entry + 1 (0: empty); the capacity is a power of two
        /// at least twice the block's action count.
        private var slots: [(hash: Int, entry: Int32)]
        /// The distinct fields in order of appearance (a block has ~8 on average, 3,670 in all).
        private var entries: [(field: Range<Int>, refs: [ResourceTypeRef])] = []

        init(capacityFor count: Int) {
            var capacity = 8
            while capacity < count * 2 { capacity <<= 1 }
            slots = Array(repeating: (0, 0), count: capacity)
            entries.reserveCapacity(min(count, 16))
        }

        /// The list parsed from the bytes at `field` of `b`: `parse()` the first time those bytes
        /// are seen, the same list after.
        mutating func refs(_ b: UnsafeBufferPointer<UInt8>, _ field: Range<Int>, _ parse: () -> [ResourceTypeRef]) -> [ResourceTypeRef] {
            // The name table's hash (it lower-cases, which only merges hashes: the bytes decide).
            let hash = ActionNameTable.hashLowering(UnsafeBufferPointer(rebasing: b[field]))
            let mask = slots.count - 1
            var i = hash & mask
            while slots[i].entry != 0 {
                let e = Int(slots[i].entry) - 1
                if slots[i].hash == hash && same(b, entries[e].field, field) { return entries[e].refs }
                i = (i + 1) & mask
            }
            let refs = parse()
            slots[i] = (hash, Int32(entries.count + 1))
            entries.append((field, refs))
            return refs
        }
    }

    /// The first three `|`-separated fields of a line and how many fields it has (at most 3):
    /// field `i` ends at the next bar or at the line's end. Found in place: the `[Range<Int>]` a
    /// general split built for each `S|`, `R|` and `C|` line cost ~3 allocations per line (~15,000).
    struct Fields {
        var count = 0
        var first = 0..<0, second = 0..<0, third = 0..<0
    }

    /// `Fields` of `range` (a line without its `X|` tag).
    static func fields(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Fields {
        let end = range.upperBound
        guard let bar1 = firstIndex(of: bar, in: b, range) else { return Fields(count: 1, first: range) }
        guard let bar2 = firstIndex(of: bar, in: b, (bar1 + 1)..<end) else {
            return Fields(count: 2, first: range.lowerBound..<bar1, second: (bar1 + 1)..<end)
        }
        let end3 = firstIndex(of: bar, in: b, (bar2 + 1)..<end) ?? end
        return Fields(count: 3, first: range.lowerBound..<bar1, second: (bar1 + 1)..<bar2, third: (bar2 + 1)..<end3)
    }

    /// Whether ranges `x` and `y` of `b` hold the same bytes.
    private static func same(_ b: UnsafeBufferPointer<UInt8>, _ x: Range<Int>, _ y: Range<Int>) -> Bool {
        guard x.count == y.count else { return false }
        guard !x.isEmpty, let base = b.baseAddress else { return true }
        return memcmp(base + x.lowerBound, base + y.lowerBound, x.count) == 0
    }

    /// Whether the bytes at `x` sort before those at `y` (`lexicographicallyPrecedes`, by memcmp).
    static func precedes(_ b: UnsafeBufferPointer<UInt8>, _ x: Range<Int>, _ y: Range<Int>) -> Bool {
        let n = min(x.count, y.count)
        let c = n == 0 ? 0 : memcmp(b.baseAddress! + x.lowerBound, b.baseAddress! + y.lowerBound, n)
        return c < 0 || (c == 0 && x.count < y.count)
    }

    private static func str(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
    }

    /// The comma list in `r`, each string taken from `pool` when an equal one was seen before.
    private static func list(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ pool: inout Set<String>) -> [String] {
        if r.isEmpty { return [] }
        // Items found in place into a list allocated once (a split array, then a mapped one, was
        // two lists per resource line).
        var out: [String] = []
        out.reserveCapacity(count(of: comma, in: b, r) + 1)
        var start = r.lowerBound
        while true {
            let end = firstIndex(of: comma, in: b, start..<r.upperBound) ?? r.upperBound
            out.append(pool.insert(str(b, start..<end)).memberAfterInsert)
            if end == r.upperBound { return out }
            start = end + 1
        }
    }
}
