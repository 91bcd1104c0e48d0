import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A real `moto_server` (AWS API emulator) on 127.0.0.1 and a free port: started with a bounded
/// wait, optionally seeded by a script (AWSKitTests' `seed.py` also turns signature checking on via
/// `/moto-api/reset-auth`), and killed by pid at the end.
public final class MotoServer: @unchecked Sendable {
    // @unchecked: set up once in `start`, then only read.
    public let port: Int
    public let endpoint: String
    /// The seed script's JSON answer (keys, names it created); empty without a script.
    public private(set) var seed: [String: Any] = [:]
    let process: Process
    /// Private working directory: the log and the recorder's file stay out of the repository.
    let directory: URL

    public enum Failure: Error, CustomStringConvertible, LocalizedError {
        case notReady(String), seedFailed(String), http(String)
        public var description: String {
            switch self {
            case .notReady(let s): "moto_server did not answer within \(MotoServer.startWait) s (is moto[server] installed? make test installs it): \(s)"
            case .seedFailed(let s): "seeding failed: \(s)"
            case .http(let s): "moto HTTP request failed: \(s)"
            }
        }
        public var errorDescription: String? { description }
    }

    /// How long `start` waits for the server to answer (moto takes ~1-2 s to import).
    static let startWait: TimeInterval = 30

    private init(port: Int, process: Process, directory: URL) {
        self.port = port; self.endpoint = "http://127.0.0.1:\(port)"; self.process = process
        self.directory = directory
    }

    deinit { stop() }

    /// Environment for the AWS CLI (and ecsrole) to talk to this server with dummy credentials.
    public var awsEnv: [String: String] { awsEnv(region: "us-east-1") }

    /// The same environment with `region` as both the default and the current region.
    public func awsEnv(region: String) -> [String: String] {
        ["AWS_ENDPOINT_URL": endpoint, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
         "AWS_DEFAULT_REGION": region, "AWS_REGION": region, "AWS_PAGER": "",
         "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null"]
    }

    /// Asks the kernel for a free port by binding port 0, then releases it for moto.
    public static func freePort() -> Int {
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

    /// Starts a server and, with `seedScript`, runs `python3 SCRIPT ENDPOINT` (which prints one JSON object).
    public static func start(seedScript: URL? = nil) throws -> MotoServer {
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
        try p.run()
        // Bounded readiness poll, every 100 ms.
        let deadline = Date().addingTimeInterval(startWait)
        var ready = false
        while Date() < deadline, p.isRunning {
            if (try? httpSync("http://127.0.0.1:\(port)/moto-api/", method: "GET", body: nil, timeout: 1)) != nil { ready = true; break }
            usleep(100_000)
        }
        let server = MotoServer(port: port, process: p, directory: dir)
        guard ready else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            server.stop()
            throw Failure.notReady(text)
        }
        guard let seedScript else { return server }
        do {
            server.seed = try runSeed(seedScript, endpoint: server.endpoint)
            return server
        } catch {
            server.stop()
            throw error
        }
    }

    private static func runSeed(_ script: URL, endpoint: String) throws -> [String: Any] {
        let r = try CommandRunner.run("python3", [script.path, endpoint], timeout: 120)
        guard r.status == 0, let obj = try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] else {
            throw Failure.seedFailed(String(r.stderr.suffix(2000)))
        }
        return obj
    }

    /// Kills the server by its pid and waits (bounded) for it to go. Safe to call twice.
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: - Seed accessors

    /// A user the seed script created: access key id, secret, ARN.
    public func user(_ name: String) -> (id: String, secret: String, arn: String) {
        let u = seed[name] as! [String: String]
        return (u["accessKeyId"]!, u["secretAccessKey"]!, u["arn"]!)
    }

    // MARK: - Recorder

    public func startRecording() throws {
        _ = try Self.httpSync(endpoint + "/moto-api/recorder/reset-recording", method: "POST", body: nil)
        _ = try Self.httpSync(endpoint + "/moto-api/recorder/start-recording", method: "POST", body: nil)
    }

    /// Stops and returns every recorded call: (X-Amz-Target or "", decoded body).
    public func stopRecording() throws -> [(target: String, body: String)] {
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
    public static func httpSync(_ url: String, method: String, body: Data?, timeout: TimeInterval = 10) throws -> Data {
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
                box.result = .failure(Failure.http("HTTP \(http.statusCode)"))
            } else { box.result = .success(data ?? Data()) }
            sem.signal()
        }.resume()
        guard sem.wait(timeout: .now() + timeout + 1) == .success else { throw Failure.http("timeout") }
        return try box.result!.get()
    }

    /// Filled by the URLSession callback before the semaphore is signalled.
    private final class ResultBox: @unchecked Sendable { var result: Result<Data, any Error>? }
}
