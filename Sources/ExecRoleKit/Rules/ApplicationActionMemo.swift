import Foundation
import IAMKit

/// The application actions (`RiskCatalog.applicationActions`) an Action item reaches, with the
/// reason, for `wrong-role`: memoised per process because `svc:*` items expand to hundreds of
/// actions and the table is scanned with globs for each.
final class ApplicationActionMemo: @unchecked Sendable {
    // @unchecked: `store` is only read and written under `lock`; the rest is immutable.
    private let lock = NSLock()
    private var store: [String: [(String, String)]] = [:]
    /// Services the application-action table mentions; items of other services cannot match.
    let services = Set(RiskCatalog.applicationActions.compactMap { $0.pattern.split(separator: ":").first.map { $0.lowercased() } })
    /// The table by service key, patterns compiled to lower-cased bytes.
    private let table = ApplicationPatternTable(RiskCatalog.applicationActions)

    /// Whether an item with service key `key` (not `ActionKey.none`) may reach an application
    /// action; when false, `hits(item)` is empty.
    ///
    /// Its service must be one the table mentions (the key among theirs; a key that merely
    /// collides with one only costs a closer look). A plain item (no wildcard, ASCII) names one
    /// action, which has an application use only when one of the table's patterns for the service
    /// matches it, and most items are such reads (`s3:GetObject`, `kms:Decrypt`): answering those
    /// here spares the memo's hashing and their expansion.
    func mayHit(_ item: String, key: UInt64) -> Bool {
        guard table.isComplete else { return true }
        guard let g = table.group(forKey: key) else { return false }
        return item.withUTF8Bytes { b in
            guard !b.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }) else { return true }
            return table.anyMatches(group: g, asciiName: b)
        }
    }

    /// `RiskCatalog.applicationUse(of:)`, through the compiled table when it is complete and
    /// the name is ASCII (catalog names are).
    func applicationUse(of info: ActionInfo) -> String? {
        guard table.isComplete else { return RiskCatalog.applicationUse(of: info) }
        let fast: String?? = info.service.withUTF8Bytes { s in
            info.name.withUTF8Bytes { n -> String?? in
                var acc: UInt8 = 0
                for c in s { acc |= c }
                for c in n { acc |= c }
                guard acc < 0x80, !s.contains(UInt8(ascii: ":")) else { return .none }
                let key = ActionKey.item(info.service)
                guard key != ActionKey.none else { return .none }
                return .some(table.use(service: s, name: n, key: key))
            }
        }
        return fast ?? RiskCatalog.applicationUse(of: info)
    }

    /// The application actions `item` reaches (full name, reason), in catalog order.
    func hits(_ item: String) -> [(String, String)] {
        // The first non-empty `:`-separated part (as `split(separator:).first`), by bytes and
        // before lower-casing the whole item: most items name a service the table never mentions.
        let colon = UInt8(ascii: ":")
        let svc = String(decoding: item.utf8.drop { $0 == colon }.prefix { $0 != colon }, as: UTF8.self).lowercased()
        if !svc.isEmpty, !Glob.hasWildcard(svc), !services.contains(svc) { return [] }
        return expanded(item)
    }

    /// `hits` without the service test, for an item the caller already found may name one of
    /// `services` (the test only saves expanding; the answer is the same).
    func expanded(_ item: String) -> [(String, String)] {
        // Keyed by the item as written: the answer does not depend on case (the catalog and the
        // table match case-insensitively), and lower-casing every item cost more than the rare
        // second expansion of another spelling.
        lock.lock(); if let h = store[item] { lock.unlock(); return h }; lock.unlock()
        let h = ActionCatalog.shared.expand(item).compactMap { info in applicationUse(of: info).map { (info.fullName, $0) } }
        lock.lock(); store[item] = h; lock.unlock()
        return h
    }
}
