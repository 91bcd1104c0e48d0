import Foundation
import TestSupport
import XCTest

/// `ecsrole lint` helpers: runs from the lint fixtures folder (so reports name files as users type
/// them), temporary inputs, and findings out of a JSON report.
enum LintCLI {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/lint")

    /// Runs `ecsrole ARGS` in `directory` (the fixtures folder by default).
    static func run(_ args: [String], in directory: URL = fixtures, environment: [String: String] = [:],
                    stdin: String? = nil) throws -> CommandRunner.Result {
        try CommandRunner.runEcsrole(args, stdin: stdin, env: environment, cwd: directory.path)
    }

    /// A fresh temporary directory with the given files.
    static func tempDir(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ecsrole-lint-\(UUID().uuidString)")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    /// Findings of the one file in a JSON report.
    static func findings(_ report: [String: Any], file index: Int = 0) throws -> [[String: Any]] {
        let files = try XCTUnwrap(report["files"] as? [[String: Any]])
        return try XCTUnwrap(files[index]["findings"] as? [[String: Any]])
    }
}
