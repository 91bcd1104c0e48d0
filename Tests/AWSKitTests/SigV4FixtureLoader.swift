import AWSKit
import Foundation

/// Reads the AWS SigV4 test suites copied into `Fixtures/sigv4` (Apache-2.0, see its README/LICENSE).
enum SigV4Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sigv4")

    static let accessKey = "AKIDEXAMPLE"
    static let secretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let amzDate = "20150830T123600Z"
    /// 2015-08-30T12:36:00Z
    static let date = Date(timeIntervalSince1970: 1_440_938_160)

    /// The two classic cases whose .sts/.authz belong to an older .req (see the fixture README).
    static let inconsistent: Set<String> = ["post-x-www-form-urlencoded", "post-x-www-form-urlencoded-parameters"]

    /// A classic-suite case: folder + file stem.
    struct ClassicCase: CustomStringConvertible, Sendable {
        var dir: URL
        var name: String
        var description: String { name }
        func file(_ ext: String) -> String {
            // Bytes, then UTF-8: get-utf8 and get-vanilla-utf8-query carry raw UTF-8.
            String(decoding: (try? Data(contentsOf: dir.appendingPathComponent("\(name).\(ext)"))) ?? Data(), as: UTF8.self)
        }
    }

    static func classicCases(_ suite: String = "aws-sig-v4-test-suite") -> [ClassicCase] {
        let base = root.appendingPathComponent(suite)
        var result: [ClassicCase] = []
        let fm = FileManager.default
        func scan(_ dir: URL, prefix: String) {
            for name in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() {
                let sub = dir.appendingPathComponent(name)
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: sub.path, isDirectory: &isDir), isDir.boolValue else { continue }
                if fm.fileExists(atPath: sub.appendingPathComponent("\(name).req").path) {
                    result.append(ClassicCase(dir: sub, name: name))
                } else {
                    scan(sub, prefix: prefix + name + "/")
                }
            }
        }
        scan(base, prefix: "")
        return result
    }

    /// A newer-format case (context.json + request.txt + expected files).
    struct SigningCase: CustomStringConvertible, Sendable {
        var dir: URL
        var description: String { dir.lastPathComponent }
        func file(_ name: String) -> String {
            String(decoding: (try? Data(contentsOf: dir.appendingPathComponent(name))) ?? Data(), as: UTF8.self)
        }
        struct Context: Decodable {
            struct Creds: Decodable { var access_key_id: String; var secret_access_key: String; var token: String? }
            var credentials: Creds
            var expiration_in_seconds: Int?
            var normalize: Bool
            var region: String
            var service: String
            var sign_body: Bool
            var timestamp: String
            var omit_session_token: Bool?
        }
        var context: Context { try! JSONDecoder().decode(Context.self, from: Data(file("context.json").utf8)) }
    }

    static func signingCases() -> [SigningCase] {
        let base = root.appendingPathComponent("aws-signing-test-suite/v4")
        return ((try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []).sorted().map {
            SigningCase(dir: base.appendingPathComponent($0))
        }
    }

    /// Parses a raw HTTP/1.1 request: request line, headers (obs-fold continuations joined), body.
    static func parseRequest(_ text: String) -> SignableRequest {
        var lines = text.components(separatedBy: "\n")
        let requestLine = lines.removeFirst()
        // `GET /example space/ HTTP/1.1`: the target may contain spaces, so cut method and version off.
        let method = String(requestLine.prefix { $0 != " " })
        var target = String(requestLine.dropFirst(method.count + 1))
        if let r = target.range(of: " HTTP/", options: .backwards) { target = String(target[..<r.lowerBound]) }
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var headers: [(name: String, value: String)] = []
        var bodyLines: [String] = []
        var inBody = false
        for line in lines {
            if inBody { bodyLines.append(line); continue }
            if line.isEmpty { inBody = true; continue }
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
        return SignableRequest(method: method, path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : "",
                               headers: headers, body: Data(bodyLines.joined(separator: "\n").utf8))
    }
}
