import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A real `moto_server` on 127.0.0.1 for one test class: started on a free port, seeded by
/// `Fixtures/moto/seed.py` (which then turns signature checking on), killed by pid at the end.
final class MotoServer: @unchecked Sendable {
    // @unchecked: set up once in `start`, then only read.
    let port: Int
    let endpoint: String
    let process: Process
    let seed: [String: Any]
    let logFile: URL

    enum Failure: Error, CustomStringConvertible {
        case notInstalled, notReady(String), seedFailed(String)
        var description: String {
            switch self {
            case .notInstalled: "moto_server not found on PATH"
            case .notReady(let s): "moto_server did not answer within 15 s: \(s)"
            case .seedFailed(let s): "seeding failed: \(s)"
            }
        }
    }

    private init(port: Int, process: Process, seed: [String: Any], logFile: URL) {
        self.port = port; self.endpoint = "http://127.0.0.1:\(port)"; self.process = process; self.seed = seed
        self.logFile = logFile
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/moto")

    /// Asks the kernel for a free port by binding port 0, then releases it for moto.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    static func start() throws -> MotoServer {
        let port = freePort()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("moto-\(port)-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let log = dir.appendingPathComponent("moto.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let p = Process()
        // `timeout` is a last-resort bound: even if this test process dies without tearDown, moto goes
        // away after 15 minutes. Signals sent to its pid are passed on to moto.
        p.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        p.arguments = ["900", "moto_server", "-H", "127.0.0.1", "-p", String(port)]
        // The recorder writes its file into the working directory by default: keep it out of the repo.
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["MOTO_RECORDER_FILEPATH"] = dir.appendingPathComponent("recording.jsonl").path
        p.environment = env
        let handle = try FileHandle(forWritingTo: log)
        p.standardOutput = handle
        p.standardError = handle
        do { try p.run() } catch { throw Failure.notInstalled }
        // Bounded readiness poll: at most 15 s, every 100 ms.
        let deadline = Date().addingTimeInterval(15)
        var ready = false
        while Date() < deadline, p.isRunning {
            if (try? httpSync("http://127.0.0.1:\(port)/moto-api/", method: "GET", body: nil, timeout: 1)) != nil { ready = true; break }
            usleep(100_000)
        }
        guard ready else {
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            throw Failure.notReady((try? String(contentsOf: log, encoding: .utf8)) ?? "")
        }
        do {
            let seed = try runSeed(endpoint: "http://127.0.0.1:\(port)")
            return MotoServer(port: port, process: p, seed: seed, logFile: log)
        } catch {
            kill(p.processIdentifier, SIGKILL); p.waitUntilExit()
            throw error
        }
    }

    private static func runSeed(endpoint: String) throws -> [String: Any] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", fixtures.appendingPathComponent("seed.py").path, endpoint]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let timer = DispatchWorkItem { if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: timer)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit(); timer.cancel()
        guard p.terminationStatus == 0, let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure.seedFailed(String(decoding: errData.suffix(2000), as: UTF8.self))
        }
        return obj
    }

    /// Kills the server by its pid and waits (bounded) for it to go.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: logFile.deletingLastPathComponent())
    }

    // MARK: - Seed accessors

    func user(_ name: String) -> (id: String, secret: String, arn: String) {
        let u = seed[name] as! [String: String]
        return (u["accessKeyId"]!, u["secretAccessKey"]!, u["arn"]!)
    }

    // MARK: - Recorder

    func startRecording() throws {
        _ = try Self.httpSync(endpoint + "/moto-api/recorder/reset-recording", method: "POST", body: nil)
        _ = try Self.httpSync(endpoint + "/moto-api/recorder/start-recording", method: "POST", body: nil)
    }

    /// Stops and returns every recorded call: (X-Amz-Target or "", decoded body).
    func stopRecording() throws -> [(target: String, body: String)] {
        _ = try Self.httpSync(endpoint + "/moto-api/recorder/stop-recording", method: "POST", body: nil)
        let data = try Self.httpSync(endpoint + "/moto-api/recorder/download-recording", method: "GET", body: nil)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            let headers = obj["headers"] as? [String: Any] ?? [:]
            let target = headers.first { $0.key.lowercased() == "x-amz-target" }?.value as? String ?? ""
            var body = obj["body"] as? String ?? ""
            if obj["body_encoded"] as? Bool == true, let d = Data(base64Encoded: body) { body = String(decoding: d, as: UTF8.self) }
            return (target, body)
        }
    }

    // MARK: - HTTP

    /// A blocking request to 127.0.0.1 only (setup code runs outside async contexts).
    static func httpSync(_ url: String, method: String, body: Data?, timeout: TimeInterval = 10) throws -> Data {
        precondition(url.hasPrefix("http://127.0.0.1:"), "tests must only touch 127.0.0.1")
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = timeout
        let box = ResultBox()
        let sem = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error { box.result = .failure(error) }
            else if let http = response as? HTTPURLResponse, http.statusCode >= 400 {
                box.result = .failure(Failure.notReady("HTTP \(http.statusCode)"))
            } else { box.result = .success(data ?? Data()) }
            sem.signal()
        }.resume()
        guard sem.wait(timeout: .now() + timeout + 1) == .success else { throw Failure.notReady("timeout") }
        return try box.result!.get()
    }

    private final class ResultBox: @unchecked Sendable { var result: Result<Data, any Error>? }
}
