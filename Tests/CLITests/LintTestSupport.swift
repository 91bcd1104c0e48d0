import Foundation
import XCTest

/// Runs the built `ecsrole` binary (`make test` builds it first) and captures its output.
enum LintCLI {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = repoRoot.appendingPathComponent(".build/debug/ecsrole")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/lint")

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// stdout parsed as a JSON object.
        func json() throws -> [String: Any] {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any], "stdout is not a JSON object: \(stdout.prefix(300))")
        }
    }

    /// Runs `ecsrole ARGS` in `directory` (the fixtures folder by default).
    static func run(_ args: [String], in directory: URL = fixtures, environment: [String: String] = [:], stdin: String? = nil) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("\(binary.path) not built: run `swift build` (make test does) first")
        }
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read before waiting so a large report cannot fill the pipe and block the child.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
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
