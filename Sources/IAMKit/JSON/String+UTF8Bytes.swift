extension String {
    /// `withUTF8(body)` for a string that is not to be changed: its contiguous UTF-8 bytes read in
    /// place (native and small strings have them), else through `withUTF8` on a copy.
    ///
    /// `withUTF8` is `mutating` (it may first make a bridged string contiguous), so callers with a
    /// `let` made a copy for it: a retain and a release per call, on paths run for every action
    /// item, key and report string of a corpus.
    @inlinable
    public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}
