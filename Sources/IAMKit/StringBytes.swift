extension String {
    /// Whether `needle` occurs in the string, compared as UTF-8 bytes.
    ///
    /// With Foundation imported, `contains("${")` resolves to `range(of:)`, which bridges and
    /// compares Unicode-aware; the lint rules only look for ASCII punctuation and names, for which
    /// a byte search gives the same answer far cheaper.
    func utf8Contains(_ needle: String) -> Bool {
        return withUTF8Bytes { h in
            needle.withUTF8Bytes { n in
                if n.isEmpty { return true }
                if n.count > h.count { return false }
                let first = n[0]
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count && h[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
