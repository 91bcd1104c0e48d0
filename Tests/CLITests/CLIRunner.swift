import Foundation
import XCTest

/// Runs the built `ecsrole` binary (`make test` builds it first with `swift build --build-tests`).
enum CLIRunner {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/ecsrole")
    static let fixtures = root.appendingPathComponent("Tests/CLITests/Fixtures")

    struct Output {
        var stdout: String
        var stderr: String
        var code: Int32
    }

    /// Runs `ecsrole args…` from the package root; fails the test when the binary is missing.
    static func run(_ args: [String], stdin: String? = nil) throws -> Output {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("\(binary.path) is not built: run `swift build` (make test does) before the CLI tests")
        }
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = root
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inp.fileHandleForWriting.close()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self), code: p.terminationStatus)
    }

    /// A fixture path relative to the package root (as users would type it).
    static func fixture(_ name: String) -> String { "Tests/CLITests/Fixtures/" + name }

    /// Parses JSON output.
    static func json(_ s: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(s.utf8)) }
}
