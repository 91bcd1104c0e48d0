/// Skips JSON string text eight bytes at a time while it needs no escape: the one word test the
/// parser, the size count and the byte writers share.
///
/// A word is plain when none of its bytes is a quote, a backslash or a control character (and, when
/// asked, none is outside ASCII). The tests are the "has a byte less than n / equal to n" tricks of
/// "Bit Twiddling Hacks", which tell exactly whether a word holds such a byte; which byte it is, the
/// caller finds one by one from the returned offset.
enum JSONWordScan {
    /// The offset of the first eight-byte word at or after `start` that is not plain, or of the
    /// last incomplete word (fewer than eight bytes left). Every byte before it is plain.
    @inline(__always)
    static func plainWords(_ u: UnsafeBufferPointer<UInt8>, from start: Int, asciiOnly: Bool) -> Int {
        var i = start
        guard let base = UnsafeRawPointer(u.baseAddress) else { return i }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let highMask: UInt64 = asciiOnly ? highs : 0
        while i + 8 <= u.count {
            let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
            let special = (w & highMask) | ((w &- ones &* 0x20) & ~w & highs)
                | ((quote &- ones) & ~quote & highs) | ((backslash &- ones) & ~backslash & highs)
            if special != 0 { break }
            i += 8
        }
        return i
    }
}
