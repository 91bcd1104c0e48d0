/// Byte searches in JSON Pointers: the engine and policy-size cut pointers at the last occurrence of
/// a member name (`/Statement`, `/Version`), which Foundation's backwards `range(of:)` did through
/// Unicode-aware comparison for every finding and every policy.
enum PointerSearch {
    /// The UTF-8 bytes of `pointer` and the offset of the last occurrence of `marker` in them.
    static func last(_ marker: String, in pointer: String) -> (bytes: [UInt8], at: Int?) {
        let b = Array(pointer.utf8), m = Array(marker.utf8)
        var at = b.count - m.count
        while at >= 0 && !b[at..<(at + m.count)].elementsEqual(m) { at -= 1 }
        return (b, at >= 0 ? at : nil)
    }
}
