/// Process-wide ids for resource type names (`repository`, `role`, `object`): the same name in two
/// services gets the same id, so rules can count distinct type names with an array of flags
/// instead of hashing strings. Ids are dense from 0 in the order names are first seen.
enum ResourceTypeNames {
    private static let ids = CatalogLockedState<[String: Int32]>([:])

    /// The ids of `names`, assigning new ones as needed (one lock for the whole list: a service's
    /// block is parsed with one call).
    static func ids(_ names: [String]) -> [Int32] {
        ids.withLock { table in
            names.map { name in
                if let hit = table[name] { return hit }
                let id = Int32(table.count)
                table[name] = id
                return id
            }
        }
    }
}
