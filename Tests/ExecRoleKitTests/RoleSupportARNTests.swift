@testable import ExecRoleKit
import Foundation
import IAMKit
import Testing

/// `RoleSupport.arn(_:service:)` rules texts out by their first bytes (`mayNameService`); it must
/// answer as parsing every text does.
@Suite("Role support ARN prefilter")
struct RoleSupportARNTests {
    static let services = ["ssm", "logs", "kms", "s3", "secretsmanager", "ecr", "s"]

    static func reference(_ text: String, _ service: String) -> ARN? {
        guard let arn = ARN(text), arn.service == service else { return nil }
        return arn
    }

    func expectReference(_ texts: [String]) {
        for text in texts {
            for s in Self.services {
                #expect(RoleSupport.arn(text, service: s) == Self.reference(text, s), "\(text) / \(s)")
                if Self.reference(text, s) != nil { #expect(RoleSupport.mayNameService(text, s), "\(text) / \(s)") }
            }
        }
    }

    @Test func trickyTexts() {
        expectReference([
            "", "*", "arn", "arn:", "arn:aws", "arn:aws:", "arn:aws:ssm", "arn:aws:ssm:", "arn:aws:ssm:r:a:parameter/x",
            "arn:aws:ssm:us-east-1:111122223333:parameter//app", "arn::ssm:::x", "arn:aws:ssmx:r:a:x", "arn:aws:ss:r:a:x",
            "ARN:aws:ssm:r:a:x", "arn:aws:SSM:r:a:x", "xarn:aws:ssm:r:a:x", "arn:aws:logs:*:*:log-group:/ecs/*",
            "arn:aws:s3:::bucket/key", "arn:aws:s3:::", "arn:aws:kms:r:a:key/\u{E9}", "arn:a\u{E9}s:ssm:r:a:x",
            "arn:aws:\u{301}x:ssm:r:a:res", "arn:aws:\u{301}ssm:r:a:x", "arn:aws:ssm\u{301}:r:a:x", "arn:aws:ssm:\u{301}r:a:x",
            "arn\u{301}:aws:ssm:r:a:x", "a\u{E9}n:aws:ssm:r:a:x", "arn:aws:secretsmanager:r:a:secret:x-AbCdEf",
            "arn:aws:s:r:a:x", "arn:aws:s", "arn:aws:s:", "arn:aws::ssm:r:a:x", "arn:aws:ssm:r:a",
        ])
    }

    /// Every Resource of a sample of the managed policies.
    @Test func managedPolicyResources() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("IAMKitTests/Fixtures/managed")
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
        var texts: [String] = []
        for file in files.enumerated().filter({ $0.offset % 5 == 0 }).map(\.element) {
            let (p, _) = try PolicyParser.parse(String(contentsOf: file, encoding: .utf8), kind: .identity)
            for st in p.statements { texts += st.resource?.items.map(\.value) ?? [] }
        }
        #expect(texts.count > 1_000)
        expectReference(texts)
    }

    @Test func splitOnColonsIsTheCharacterSplit() {
        for text in ["", ":", "::", "secret:name", "secret:name:key:stage:id", "secret:a-Ab3dE9:", ":x:", "secret:\u{E9}:k",
                     "secret:a:\u{301}b:c", "secret:\u{301}:x", "a\u{212A}:b", "secret:prod/app/db-??????:password::"] {
            #expect(RoleSupport.splitOnColons(text) == text.split(separator: ":", omittingEmptySubsequences: false).map(String.init), "\(text)")
        }
    }
}
