import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real moto_server (AWS API emulator) on 127.0.0.1 and a free port, stopped by pid.
final class MotoServer: @unchecked Sendable {
    let port: Int
    let process: Process
    var endpoint: String { "http://127.0.0.1:\(port)" }

    /// Environment for the AWS CLI (and ecsrole) to talk to this server with dummy credentials.
    var awsEnv: [String: String] {
        ["AWS_ENDPOINT_URL": endpoint, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
         "AWS_DEFAULT_REGION": "us-east-1", "AWS_REGION": "us-east-1", "AWS_PAGER": "",
         "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"]
    }

    init() throws {
        port = try Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["moto_server", "-H", "127.0.0.1", "-p", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Bounded wait for the server to answer (moto takes ~1-2 s to import).
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if Self.answers(URL(string: "\(endpoint)/moto-api/")!) { return }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        stop()
        throw NSError(domain: "MotoServer", code: 1, userInfo: [NSLocalizedDescriptionKey: "moto_server did not start on port \(port) (is moto[server] installed? make test installs it)"])
    }

    func stop() {
        if process.isRunning { process.terminate(); process.waitUntilExit() }
    }

    deinit { stop() }

    static func answers(_ url: URL) -> Bool {
        let sem = DispatchSemaphore(value: 0)
        let ok = DataBox()
        var req = URLRequest(url: url)
        req.timeoutInterval = 1
        URLSession.shared.dataTask(with: req) { _, resp, _ in
            if (resp as? HTTPURLResponse) != nil { ok.data = Data([1]) }
            sem.signal()
        }.resume()
        _ = sem.wait(timeout: .now() + 2)
        return !ok.data.isEmpty
    }

    /// Asks the kernel for a free loopback port.
    static func freePort() throws -> Int {
        let r = try CommandRunner.run("python3", ["-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        guard let p = Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw NSError(domain: "MotoServer", code: 2) }
        return p
    }
}
