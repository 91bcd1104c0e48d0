import Foundation

/// Bytes straight to file descriptor 1, after whatever `print` still buffers (so the order holds).
/// The report is written in large parts, for which stdio's buffer would only add a copy.
enum StandardOutput {
    static func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard var next = bytes.baseAddress, !bytes.isEmpty else { return }
        fflush(nil)
        var left = bytes.count
        while left > 0 {
            let n = Foundation.write(STDOUT_FILENO, next, left)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return } // a closed pipe: nothing more can be written
            next += n
            left -= n
        }
    }
}
