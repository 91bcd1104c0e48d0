@testable import AWSKit
import Foundation
import Testing

/// Every case of both AWS SigV4 suites, each step checked separately.
@Suite struct SigV4SuiteTests {
    static let classic = SigV4Fixtures.classicCases()
    static let signing = SigV4Fixtures.signingCases()

    @Test func suitesArePresent() {
        #expect(Self.classic.count == 33)
        #expect(Self.signing.count == 38)
    }

    /// Classic format: .req -> .creq -> .sts -> .authz. The request already carries X-Amz-Date (and,
    /// for post-sts-header-before, the token), so every header of the .req is signed as is.
    @Test(arguments: classic) func classicCase(_ c: SigV4Fixtures.ClassicCase) {
        var request = SigV4Fixtures.parseRequest(c.file("req"))
        if c.name == "get-vanilla-with-session-token" {
            // aws-c-auth's addition: its .req omits the token the signer is given (README's fixed inputs).
            request.headers.append(("X-Amz-Security-Token", "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"))
        }
        let signer = SigV4Signer(service: "service", region: "us-east-1")
        let creq = signer.canonicalRequest(request, payloadHash: SigV4Signer.hexSHA256(request.body))
        #expect(creq == c.file("creq"), "canonical request of \(c.name)")
        let expectedSTS = c.file("sts")
        if SigV4Fixtures.inconsistent.contains(c.name) {
            // The fixture's .sts/.authz were made for the original request without Content-Length (README):
            // check only .sts -> .authz for them.
            let sig = signer.signature(stringToSign: expectedSTS, secretAccessKey: SigV4Fixtures.secretKey, amzDate: SigV4Fixtures.amzDate)
            #expect(c.file("authz").hasSuffix("Signature=\(sig)"))
            return
        }
        let sts = signer.stringToSign(canonicalRequest: creq, amzDate: SigV4Fixtures.amzDate)
        #expect(sts == expectedSTS, "string to sign of \(c.name)")
        let sig = signer.signature(stringToSign: sts, secretAccessKey: SigV4Fixtures.secretKey, amzDate: SigV4Fixtures.amzDate)
        let signedHeaders = signer.canonicalHeaders(request.headers).signed
        let authz = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=\(signedHeaders), Signature=\(sig)"
        #expect(authz == c.file("authz"), "authorization of \(c.name)")
    }

    /// The same two inconsistent cases, made consistent the README's way: without Content-Length
    /// (and with `charset=utf8`), the full chain must reproduce the fixture's .sts and .authz.
    @Test func inconsistentCasesMatchTheirOriginalRequest() {
        for c in Self.classic where SigV4Fixtures.inconsistent.contains(c.name) {
            var request = SigV4Fixtures.parseRequest(c.file("req"))
            request.headers.removeAll { $0.name.lowercased() == "content-length" }
            request.headers = request.headers.map { ($0.name, $0.value.replacingOccurrences(of: "charset=utf-8", with: "charset=utf8")) }
            let signer = SigV4Signer(service: "service", region: "us-east-1")
            let creq = signer.canonicalRequest(request, payloadHash: SigV4Signer.hexSHA256(request.body))
            #expect(signer.stringToSign(canonicalRequest: creq, amzDate: SigV4Fixtures.amzDate) == c.file("sts"), "\(c.name)")
        }
    }

    /// The original 2015 expectation for multi-line values (`value1,value2,value3`) differs from the
    /// current one; we follow the current suite (obs-fold becomes one space), as real SDKs do.
    @Test func multilineFollowsCurrentSuite() {
        let old = SigV4Fixtures.classicCases("original-2019-import")
        #expect(old.count == 1)
        for c in old {
            let request = SigV4Fixtures.parseRequest(c.file("req"))
            let creq = SigV4Signer(service: "service", region: "us-east-1").canonicalRequest(request, payloadHash: SigV4Signer.hexSHA256(request.body))
            #expect(creq.contains("my-header1:value1 value2 value3"))
        }
    }

    private static func signer(_ ctx: SigV4Fixtures.SigningCase.Context) -> SigV4Signer {
        SigV4Signer(service: ctx.service, region: ctx.region, normalizePath: ctx.normalize)
    }

    private static func credentials(_ ctx: SigV4Fixtures.SigningCase.Context) -> Credentials {
        Credentials(accessKeyId: ctx.credentials.access_key_id, secretAccessKey: ctx.credentials.secret_access_key,
                    sessionToken: ctx.credentials.token)
    }

    /// Newer format, header signing: canonical request, string to sign, signature, and the signed request.
    @Test(arguments: signing) func headerSigning(_ c: SigV4Fixtures.SigningCase) {
        let ctx = c.context
        let request = SigV4Fixtures.parseRequest(c.file("request.txt"))
        let signed = Self.signer(ctx).signDetailed(request, credentials: Self.credentials(ctx), date: SigV4Fixtures.date,
                                                   signBody: ctx.sign_body, omitSessionToken: ctx.omit_session_token ?? false)
        #expect(signed.canonicalRequest == c.file("header-canonical-request.txt"), "\(c)")
        #expect(signed.stringToSign == c.file("header-string-to-sign.txt"), "\(c)")
        #expect(signed.signature == c.file("header-signature.txt"), "\(c)")
        let expected = SigV4Fixtures.parseRequest(c.file("header-signed-request.txt"))
        let auth = expected.header("authorization")?.trimmingCharacters(in: .whitespaces)
        #expect(signed.request.header("authorization") == auth, "\(c)")
        #expect(signed.request.header("x-amz-security-token") == expected.header("x-amz-security-token"), "\(c)")
    }

    /// Newer format, presigned query: canonical request, string to sign, signature.
    @Test(arguments: signing) func querySigning(_ c: SigV4Fixtures.SigningCase) {
        let ctx = c.context
        let request = SigV4Fixtures.parseRequest(c.file("request.txt"))
        let result = Self.signer(ctx).presign(request, credentials: Self.credentials(ctx), date: SigV4Fixtures.date,
                                              expires: ctx.expiration_in_seconds ?? 3600,
                                              omitSessionToken: ctx.omit_session_token ?? false)
        #expect(result.canonicalRequest == c.file("query-canonical-request.txt"), "\(c)")
        #expect(result.stringToSign == c.file("query-string-to-sign.txt"), "\(c)")
        #expect(result.request.query.contains("X-Amz-Signature=\(c.file("query-signature.txt"))"), "\(c)")
    }

    @Test func s3DoesNotNormalizeOrReencode() {
        let s3 = SigV4Signer(service: "s3", region: "us-east-1")
        #expect(s3.canonicalURI("//a/./b/../c%20d") == "//a/./b/../c%20d")
        let other = SigV4Signer(service: "ecr", region: "us-east-1")
        #expect(other.canonicalURI("//a/./b/../c%20d") == "/a/c%2520d")
    }

    @Test func credentialsNeverShowSecrets() {
        let c = Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "SECRETSECRET", sessionToken: "TOKENTOKEN", source: "test")
        var dumped = ""
        dump(c, to: &dumped)
        for text in [c.description, c.debugDescription, "\(c)", String(reflecting: c), dumped] {
            #expect(!text.contains("SECRETSECRET"))
            #expect(!text.contains("TOKENTOKEN"))
            #expect(text.contains("AKIDEXAMPLE"))
        }
    }
}
