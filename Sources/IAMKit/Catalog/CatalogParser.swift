/// Parses the generated line format (see scripts/CATALOG.md) from UTF-8 bytes.
///
/// Works on byte slices, not `String` lines, so that parsing one service block costs only the
/// strings it keeps. Lines: `S|prefix|name|url`, `R|type|arn|keys`, `C|key|type|description`,
/// `A|Name|level|refs|keys|dependents|description`; lists use `,`, refs use `;` and `name*=keys`.
enum CatalogParser {
    static let docsBase = "https://docs.aws.amazon.com/service-authorization/latest/reference/"
    static let grants = "Grants permission to "

    /// The index line (`I|prefix=offset,…`) → prefix and byte range of each block relative to the body.
    static func parseIndex(_ line: Substring, bodyLength: Int) -> [(prefix: String, range: Range<Int>)] {
        let entries = line.dropFirst(2).split(separator: ",")
        var starts: [(String, Int)] = []
        starts.reserveCapacity(entries.count)
        for entry in entries {
            guard let eq = entry.lastIndex(of: "="), let off = Int(entry[entry.index(after: eq)...]) else { continue }
            starts.append((String(entry[..<eq]), off))
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

    /// Parses one service block; nil when the block does not start with an `S|` line.
    static func parseService(_ block: UnsafeBufferPointer<UInt8>) -> ServiceInfo? {
        var header: [Substring] = []
        var resources: [ResourceTypeInfo] = []
        var conditions: [ConditionKeyInfo] = []
        var actionLines: [[Substring]] = []
        var lineStart = 0
        while lineStart < block.count {
            var lineEnd = lineStart
            while lineEnd < block.count && block[lineEnd] != 10 { lineEnd += 1 }
            if lineEnd - lineStart > 2 {
                let kind = block[lineStart]
                let line = Substring(String(decoding: UnsafeBufferPointer(rebasing: block[(lineStart + 2)..<lineEnd]), as: UTF8.self))
                let fields = line.split(separator: "|", omittingEmptySubsequences: false)
                switch kind {
                case UInt8(ascii: "S"): header = fields
                case UInt8(ascii: "R") where fields.count >= 3:
                    resources.append(ResourceTypeInfo(name: String(fields[0]), arnFormat: String(fields[1]), conditionKeys: list(fields[2])))
                case UInt8(ascii: "C") where fields.count >= 3:
                    conditions.append(ConditionKeyInfo(name: String(fields[0]), type: String(fields[1]), description: String(fields[2])))
                case UInt8(ascii: "A") where fields.count >= 6:
                    actionLines.append(fields)
                default: break
                }
            }
            lineStart = lineEnd + 1
        }
        guard header.count >= 2 else { return nil }
        let prefix = String(header[0])
        var url = header.count > 2 ? String(header[2]) : ""
        if url.hasPrefix("~") { url = docsBase + url.dropFirst() }
        var resourceByName: [Substring: ResourceTypeInfo] = [:]
        for r in resources { resourceByName[Substring(r.name)] = r }
        var actions: [ActionInfo] = []
        actions.reserveCapacity(actionLines.count)
        for f in actionLines {
            guard let levelByte = f[1].utf8.first, let level = AccessLevel(code: levelByte) else { continue }
            var refs: [ResourceTypeRef] = []
            for item in f[2].split(separator: ";") {
                var namePart = item, keys: [String] = []
                if let eq = item.firstIndex(of: "=") {
                    namePart = item[..<eq]
                    keys = list(item[item.index(after: eq)...])
                }
                let required = namePart.hasSuffix("*")
                if required { namePart = namePart.dropLast() }
                let info = resourceByName[namePart]
                var allKeys = info?.conditionKeys ?? []
                for k in keys where !allKeys.contains(k) { allKeys.append(k) }
                refs.append(ResourceTypeRef(name: String(namePart), required: required,
                                            arnFormats: info.map { [$0.arnFormat] } ?? [], conditionKeys: allKeys))
            }
            var desc = String(f[5...].joined(separator: "|"))
            if desc.hasPrefix("~") { desc = grants + desc.dropFirst() }
            actions.append(ActionInfo(service: prefix, name: String(f[0]), accessLevel: level, description: desc,
                                      resourceTypes: refs, conditionKeys: list(f[3]), dependentActions: list(f[4])))
        }
        return ServiceInfo(prefix: prefix, name: String(header[1]), authorizationURL: url, actions: actions,
                           resourceTypes: resources, conditionKeys: conditions)
    }

    private static func list(_ field: Substring) -> [String] {
        field.isEmpty ? [] : field.split(separator: ",").map(String.init)
    }
}
