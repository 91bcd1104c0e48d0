import Foundation
import IAMKit

/// Starts parsing the action catalog on a second thread while `lint` starts up.
///
/// The first ~5 ms of a `lint` run (dynamic loading, argument parsing, listing the files) use one
/// core; the catalog blocks a directory of policies needs (nearly all 445 for the managed-policy
/// corpus) are parsed meanwhile on the other one, until the first file asks for a service
/// (`ActionCatalog.prewarm`). Other commands are left alone: most never open the catalog.
enum CatalogPrewarm {
    static func startIfLinting(_ arguments: [String]) {
        guard arguments.count > 1, arguments[1] == "lint" else { return }
        // Not on one core: there the warm-up would only delay the start-up it is meant to overlap.
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return }
        Thread.detachNewThread { ActionCatalog.shared.prewarm() }
    }
}
