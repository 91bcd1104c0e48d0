import Foundation
import XCTest

/// Runs the built `ecsrole` binary (and other tools) as a user would, capturing output.
enum CommandRunner {
    /// The package root, from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The debug binary `make test` builds before the tests run.
    static var ecsrole: String {
        get throws {
            let path = packageRoot.appendingPathComponent(".build/debug/ecsrole").path
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw NSError(domain: "CommandRunner", code: 2, userInfo: [NSLocalizedDescriptionKey: "\(path) is missing: run `make test` (it builds the binary before the tests)"])
            }
            return path
        }
    }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    /// Runs a program with a bounded wait (the child is killed after `timeout` seconds).
    @discardableResult
    static func run(_ program: String, _ args: [String], stdin: String? = nil, env: [String: String] = [:],
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
            p.terminate()
            throw NSError(domain: "CommandRunner", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(program) \(args) timed out after \(timeout)s"])
        }
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: outBox.data, as: UTF8.self), stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    /// A fresh temporary directory.
    static func tempDir() throws -> String {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("ecsrole-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }
}

final class DataBox: @unchecked Sendable { var data = Data() }
