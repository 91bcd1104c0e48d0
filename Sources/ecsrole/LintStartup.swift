import CMallocTuning
import Foundation
import IAMKit

/// What a large `lint` (a directory, or many files) sets up before it parses its arguments.
///
/// - The action catalog's blocks are parsed on a second thread while the process starts up. The
///   first ~5 ms of a run (dynamic loading, argument parsing, listing the files) use one core; the
///   blocks a directory of policies needs (nearly all 445 for the managed-policy corpus) are parsed
///   meanwhile on the other one, until the first file asks for a service (`ActionCatalog.prewarm`):
///   ~2 ms less wall time on the corpus.
/// - The C heap grows 64 MB at a time instead of 128 KB (glibc's M_TOP_PAD): the corpus run
///   allocates and frees tens of megabytes, and each small extension (and the trimming back that
///   follows frees) cost system calls: the worker threads' arenas grew one page (one `mprotect`)
///   at a time. With it a corpus run makes 11–13 `mprotect` and 5 `brk` calls instead of 779 and 62.
///   Pages are still only touched as used, so the peak memory is unchanged (~33 MB).
///
/// For a file or two neither pays: the thread costs ~1 ms (its start and its allocations), so
/// nothing is set up. Other commands are left alone.
enum LintStartup {
    static func prepare(_ arguments: [String]) {
        guard arguments.count > 2, arguments[1] == "lint", isLarge(arguments.dropFirst(2)) else { return }
        _ = cmt_set_heap_growth(64 << 20)
        // Not on one core: there the warm-up would only delay the start-up it is meant to overlap.
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return }
        Thread.detachNewThread { ActionCatalog.shared.prewarm() }
    }

    /// Whether some argument is a directory, or at least eight are files. Option values (`--format
    /// json`) are looked up too: a stat of a name that does not exist costs microseconds.
    static func isLarge(_ arguments: ArraySlice<String>) -> Bool {
        var files = 0
        for a in arguments where !a.hasPrefix("-") {
            var st = stat()
            guard stat(a, &st) == 0 else { continue }
            if st.st_mode & S_IFMT == S_IFDIR { return true }
            files += 1
            if files >= 8 { return true }
        }
        return false
    }
}
