import ArgumentParser
import ExecRoleKit
import Foundation
import IAMKit

/// A user-facing failure: printed as one clear line on stderr, exit code 2.
struct CLIFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
    init(_ message: String) { self.message = message }

    /// `file:line:column: message` for an ExecRoleKit error.
    init(file: String, _ e: ExecRoleError) {
        message = e.position.map { "\(file):\($0.line):\($0.column): \(e.message)" } ?? "\(file): \(e.message)"
    }
}

enum CLI {
    /// Reads a file (or stdin for `-`) as UTF-8.
    static func read(_ path: String) throws -> String {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let s = String(data: data, encoding: .utf8) else { throw CLIFailure("<stdin>: input is not valid UTF-8") }
            return s
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw CLIFailure("\(path): no such file") }
        if isDir.boolValue { throw CLIFailure("\(path): is a directory, expected a file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIFailure("\(path): cannot read (permission denied?)") }
        guard let s = String(data: data, encoding: .utf8) else { throw CLIFailure("\(path): is not valid UTF-8 text") }
        return s
    }

    static func eprint(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }

    /// Runs a command body, mapping user errors to one line on stderr and exit code 2.
    static func run(_ body: () throws -> Int32) throws {
        let code: Int32
        do { code = try body() } catch let f as CLIFailure {
            eprint("ecsrole: \(f.message)")
            throw ExitCode(2)
        } catch let e as ExecRoleError {
            eprint("ecsrole: \(e.description)")
            throw ExitCode(2)
        }
        if code != 0 { throw ExitCode(code) }
    }
}
