import Foundation
import IAMKit

/// Starts parsing the action catalog on a second thread while a large `lint` starts up.
///
/// The first ~5 ms of a `lint` run (dynamic loading, argument parsing, listing the files) use one
/// core; the catalog blocks a directory of policies needs (nearly all 445 for the managed-policy
/// corpus) are parsed meanwhile on the other one, until the first file asks for a service
/// (`ActionCatalog.prewarm`): the corpus run's wall time drops by ~2 ms. For a file or two the
/// thread only costs (~1 ms: its start and its allocations), so it starts only for a directory or
/// many files. Other commands are left alone: most never open the catalog.
enum CatalogPrewarm {
    static func startIfLinting(_ arguments: [String]) {
        guard arguments.count > 2, arguments[1] == "lint", worthIt(arguments.dropFirst(2)) else { return }
        // Not on one core: there the warm-up would only delay the start-up it is meant to overlap.
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return }
        Thread.detachNewThread { ActionCatalog.shared.prewarm() }
    }

    /// Whether some argument is a directory, or at least eight are files. Option values (`--format
    /// json`) are looked up too: a stat of a name that does not exist costs microseconds.
    static func worthIt(_ arguments: ArraySlice<String>) -> Bool {
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
