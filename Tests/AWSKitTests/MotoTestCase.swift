import Foundation
import TestSupport
import XCTest

/// Base for the live AWSKit tests: one seeded `moto_server` per test class (signature checking on
/// after `Fixtures/moto/seed.py`), started in `class setUp` and stopped by pid in `class tearDown`.
/// A start failure is kept and thrown by every test, so each fails with the reason (never skips).
class MotoTestCase: XCTestCase {
    /// Per subclass: class setUp/tearDown run for each subclass in turn.
    private nonisolated(unsafe) static var servers: [ObjectIdentifier: Result<MotoServer, any Error>] = [:]

    static let seedScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/moto/seed.py")

    override class func setUp() {
        super.setUp()
        servers[ObjectIdentifier(self)] = Result { try MotoServer.start(seedScript: seedScript) }
    }

    override class func tearDown() {
        (try? servers.removeValue(forKey: ObjectIdentifier(self))?.get())?.stop()
        super.tearDown()
    }

    /// The class's server, or the error that kept it from starting.
    var moto: MotoServer {
        get throws {
            guard let server = Self.servers[ObjectIdentifier(Self.self)] else {
                throw MotoServer.Failure.notReady("not started: class setUp did not run")
            }
            return try server.get()
        }
    }
}
