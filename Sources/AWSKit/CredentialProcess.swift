import Foundation

/// Runs a profile's `credential_process` and reads its Version 1 JSON
/// (`{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken"?, "Expiration"?}`).
///
/// The command goes through `/bin/sh -c`, which gives the same quoting the CLI's shlex split allows.
/// Its stderr is passed through to ours (it may prompt or warn); its stdout is never echoed, because it
/// holds the secret.
struct CredentialProcess: Sendable {
    let profile: String
    let command: String
    let timeout: TimeInterval
    let environment: AWSEnvironment

    func run() async throws -> Credentials {
        let (status, output, timedOut) = try await execute()
        if timedOut { throw CredentialsError.processFailed(profile: profile, reason: "timed out after \(Int(timeout)) s") }
        guard status == 0 else { throw CredentialsError.processFailed(profile: profile, reason: "exited with status \(status)") }
        guard let obj = try? JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            throw CredentialsError.processFailed(profile: profile, reason: "did not print a JSON object")
        }
        guard (obj["Version"] as? Int) == 1 else {
            throw CredentialsError.processFailed(profile: profile, reason: "printed Version \(obj["Version"].map { "\($0)" } ?? "(none)"); only Version 1 is supported")
        }
        guard let id = obj["AccessKeyId"] as? String, let secret = obj["SecretAccessKey"] as? String, !id.isEmpty, !secret.isEmpty else {
            throw CredentialsError.processFailed(profile: profile, reason: "output lacks AccessKeyId or SecretAccessKey")
        }
        var expiration: Date?
        if let e = obj["Expiration"] as? String {
            expiration = ISO8601.parse(e)
            if let d = expiration, d < Date() {
                throw CredentialsError.processFailed(profile: profile, reason: "returned credentials that expired at \(e)")
            }
        }
        return Credentials(accessKeyId: id, secretAccessKey: secret, sessionToken: obj["SessionToken"] as? String,
                           expiration: expiration, source: "profile \"\(profile)\" (credential_process)")
    }

    private func execute() async throws -> (Int32, Data, Bool) {
        let command = self.command, timeout = self.timeout, vars = environment.variables, profile = self.profile
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", command]
                process.environment = vars
                let out = Pipe()
                process.standardOutput = out
                process.standardInput = FileHandle.nullDevice
                do { try process.run() } catch {
                    continuation.resume(throwing: CredentialsError.processFailed(profile: profile, reason: "could not start: \(error.localizedDescription)"))
                    return
                }
                let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
                // Read to EOF before waiting, so a large output cannot fill the pipe and deadlock.
                let data = out.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                let timedOut = !timer.isCancelled && process.terminationReason == .uncaughtSignal
                timer.cancel()
                continuation.resume(returning: (process.terminationStatus, data, timedOut))
            }
        }
    }
}
