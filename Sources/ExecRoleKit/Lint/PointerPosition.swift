import IAMKit

/// Where a JSON Pointer lands in a document: the position of its node, or of its nearest existing
/// ancestor, exactly as `JSONDocument.position(of:)` answers.
///
/// Every finding the engine reports is pinned with this. `JSONDocument.position(of:)` splits the
/// pointer into an array of tokens for every ancestor it tries, which was most of the engine's own
/// work after the rules on the managed-policy corpus; this walks the pointer once, token slices in
/// place, and stops at the first token that does not resolve (that node is the nearest ancestor).
enum PointerPosition {
    static func position(of pointer: String, in document: JSONDocument) -> SourcePosition {
        let slash = UInt8(ascii: "/")
        let u = pointer.utf8
        // Escaped tokens (`~0`, `~1`), non-ASCII pointers (where a `/` followed by a combining mark
        // is one Character, so IAMKit's Character split would not cut there) and roots that are not
        // the document root are rare: IAMKit answers those.
        guard document.root.pointer.isEmpty, u.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "~") }) else {
            return document.position(of: pointer)
        }
        var node = document.root
        // IAMKit drops whatever precedes the first `/` (nothing, for a well-formed pointer).
        guard var slashAt = u.firstIndex(of: slash) else { return node.position }
        while true {
            let start = u.index(after: slashAt)
            let end = u[start...].firstIndex(of: slash) ?? u.endIndex
            let token = pointer[start..<end]
            switch node.kind {
            case .object(let members):
                guard let next = members.first(where: { $0.key == token })?.value else { return node.position }
                node = next
            case .array(let items):
                guard let i = Int(token), i >= 0, i < items.count else { return node.position }
                node = items[i]
            default:
                return node.position
            }
            if end == u.endIndex { return node.position }
            slashAt = end
        }
    }
}
