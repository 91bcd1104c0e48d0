extension JSONParser {
    /// The policy grammar's keys and commonest values, handed out as literals: a third of a
    /// policy's strings are one of these, and a literal costs no validation or copy.
    static let commonWords: [String] = [
        "Sid", "Effect", "Action", "Resource", "Condition", "Statement", "Version", "Principal",
        "NotAction", "NotResource", "Service", "AWS", "Allow", "Deny", "*", "2012-10-17",
    ]

    /// `commonWords` as length and bytes packed into two integers, compared in one go.
    private static let commonKeys: [(length: Int, low: UInt64, high: UInt64)] = commonWords.map { word in
        var w = word
        return w.withUTF8 { b in (b.count, pack(b).low, pack(b).high) }
    }

    /// Up to 16 bytes as two little-endian integers.
    private static func pack(_ b: UnsafeBufferPointer<UInt8>) -> (low: UInt64, high: UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        for i in 0..<min(b.count, 16) {
            if i < 8 { low |= UInt64(b[i]) << (8 * i) } else { high |= UInt64(b[i]) << (8 * (i - 8)) }
        }
        return (low, high)
    }

    /// Which bytes a word starts with, as 128 bits, to turn away at once the short values no word
    /// starts like (lower-case names, most digits).
    private static let firstBytes: (low: UInt64, high: UInt64) = commonWords.reduce((0, 0)) { acc, word in
        let b = word.utf8.first!
        return b < 64 ? (acc.0 | 1 << UInt64(b), acc.1) : (acc.0, acc.1 | 1 << UInt64(b - 64))
    }

    /// The literal equal to `slice`, if it is one of `commonWords`.
    static func common(_ slice: UnsafeBufferPointer<UInt8>) -> String? {
        guard slice.count <= 11, !slice.isEmpty else { return nil }
        let first = slice[0]
        guard first < 128, (first < 64 ? firstBytes.low >> UInt64(first) : firstBytes.high >> UInt64(first - 64)) & 1 != 0 else { return nil }
        let (low, high) = pack(slice)
        return commonKeys.withUnsafeBufferPointer { keys in
            for i in keys.indices where keys[i].length == slice.count && keys[i].low == low && keys[i].high == high {
                return commonWords[i]
            }
            return nil
        }
    }
}
