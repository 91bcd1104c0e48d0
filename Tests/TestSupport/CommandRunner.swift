import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `ecsrole` binary (and other programs such as `aws`, `bash`, `python3`) as a user
/// would, capturing output. The one process runner for the test targets; only `TmuxSession.spawn`
/// differs, because Foundation's `Process` never reaps `tmux new-session -d` on Linux.
public enum CommandRunner {
    /// The package root, from this file's location (Tests/TestSupport/CommandRunner.swift).
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// What a run produced.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Why a run did not produce a `Result`. Thrown (never `XCTSkip`): a test that cannot run fails.
    public struct Failure: Error, CustomStringConvertible, LocalizedError {
        public let description: String
        public var errorDescription: String? { description }
        public init(_ description: String) { self.description = description }
    }

    /// The debug binary `make test` builds before the tests run; a clear failure when it is missing.
    public static var ecsrole: String {
        get throws {
            let path = packageRoot.appendingPathComponent(".build/debug/ecsrole").path
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw Failure("\(path) is missing: run `swift build` (make test does) before the tests")
            }
            return path
        }
    }

    /// Runs `ecsrole args…`, from the package root unless `cwd` says otherwise (fixture paths in the
    /// tests are relative to it, as a user would type them).
    @discardableResult
    public static func runEcsrole(_ args: [String], stdin: String? = nil, env: [String: String] = [:],
                                  cwd: String? = packageRoot.path, timeout: TimeInterval = 60) throws -> Result {
        try run(try ecsrole, args, stdin: stdin, env: env, cwd: cwd, timeout: timeout)
    }

    /// Runs a program (an absolute path, or a name looked up on PATH) with a bounded wait: after
    /// `timeout` seconds the child is killed and the run throws.
    @discardableResult
    public static func run(_ program: String, _ args: [String], stdin: String? = nil, env: [String: String] = [:],
                           cwd: String? = nil, timeout: TimeInterval = 60) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
        p.arguments = program.hasPrefix("/") ? args : [program] + args
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? inp.fileHandleForWriting.close()
        // Read both pipes concurrently so a chatty child cannot block on a full pipe.
        let outBox = DataBox(), errBox = DataBox()
        let group = DispatchGroup()
        group.enter(); DispatchQueue.global().async { outBox.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter(); DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            throw Failure("\(program) \(args) timed out after \(timeout)s")
        }
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: outBox.data, as: UTF8.self),
                      stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    /// A fresh temporary directory.
    public static func tempDir() throws -> String {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("ecsrole-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    /// Written by one reader thread, read after the group is done.
    private final class DataBox: @unchecked Sendable { var data = Data() }
}
