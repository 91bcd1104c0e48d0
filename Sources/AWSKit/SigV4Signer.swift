import Crypto
import Foundation

/// A request as SigV4 sees it: method, path and query exactly as sent on the wire, headers, body.
///
/// The path is the *already percent-encoded* request target (what an HTTP client puts on the request
/// line); the signer encodes it once more for every service but S3, as SigV4 requires.
public struct SignableRequest: Sendable {
    public var method: String
    public var path: String
    /// Raw query string without the leading `?` (may be empty).
    public var query: String
    /// Header name/value pairs in order; repeated names are allowed.
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(method: String, path: String, query: String = "", headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.method = method; self.path = path; self.query = query; self.headers = headers; self.body = body
    }

    /// The first value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// AWS Signature Version 4 (HMAC-SHA256), built on swift-crypto only.
///
/// Every step is public so the official test suite can check each intermediate artefact
/// (canonical request, string to sign, signature) and not only the final header.
public struct SigV4Signer: Sendable {
    public static let algorithm = "AWS4-HMAC-SHA256"

    public var service: String
    public var region: String
    /// Remove `.`/`..` segments and repeated slashes. AWS requires it for every service but S3.
    public var normalizePath: Bool
    /// Encode the (already encoded) path a second time. Also everything but S3.
    public var doubleEncodePath: Bool

    public init(service: String, region: String, normalizePath: Bool? = nil, doubleEncodePath: Bool? = nil) {
        self.service = service
        self.region = region
        // S3 signs the path exactly as sent: its keys may legitimately contain `//` or `..`.
        let isS3 = service == "s3"
        self.normalizePath = normalizePath ?? !isS3
        self.doubleEncodePath = doubleEncodePath ?? !isS3
    }

    // MARK: - Steps

    /// `YYYYMMDD'T'HHMMSS'Z'` in UTC.
    public static func amzDate(_ date: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    public func credentialScope(amzDate: String) -> String {
        "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
    }

    /// The canonical URI: normalised (unless S3) and URI-encoded with `/` kept.
    public func canonicalURI(_ path: String) -> String {
        var p = path.isEmpty ? "/" : path
        if normalizePath { p = SigV4Encoding.normalize(p) }
        return doubleEncodePath ? SigV4Encoding.uriEncode(p, keepSlash: true) : p
    }

    /// Canonical headers block (each line `name:value\n`) and the `;`-joined signed header list.
    public func canonicalHeaders(_ headers: [(name: String, value: String)]) -> (block: String, signed: String) {
        var merged: [String: [String]] = [:]
        for (name, value) in headers {
            merged[name.lowercased(), default: []].append(SigV4Encoding.trimAll(value))
        }
        // Byte order, not locale order: header names are ASCII.
        let names = merged.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let block = names.map { "\($0):\(merged[$0]!.joined(separator: ","))\n" }.joined()
        return (block, names.joined(separator: ";"))
    }

    public func canonicalRequest(_ request: SignableRequest, payloadHash: String) -> String {
        let (block, signed) = canonicalHeaders(request.headers)
        return [request.method.uppercased(), canonicalURI(request.path), SigV4Encoding.canonicalQuery(request.query),
                block, signed, payloadHash].joined(separator: "\n")
    }

    public func stringToSign(canonicalRequest: String, amzDate: String) -> String {
        [Self.algorithm, amzDate, credentialScope(amzDate: amzDate), Self.hexSHA256(Data(canonicalRequest.utf8))]
            .joined(separator: "\n")
    }

    /// `HMAC(HMAC(HMAC(HMAC("AWS4"+secret, date), region), service), "aws4_request")`.
    public func signingKey(secretAccessKey: String, date: String) -> SymmetricKey {
        var key = SymmetricKey(data: Data("AWS4\(secretAccessKey)".utf8))
        for part in [String(date.prefix(8)), region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return key
    }

    public func signature(stringToSign: String, secretAccessKey: String, amzDate: String) -> String {
        let key = signingKey(secretAccessKey: secretAccessKey, date: amzDate)
        return Self.hex(Data(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key)))
    }

    public static func hexSHA256(_ data: Data) -> String { hex(Data(SHA256.hash(data: data))) }

    static func hex(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](); out.reserveCapacity(data.count * 2)
        for b in data { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0x0f)]) }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Whole request

    /// What one signing produced: the request to send plus every intermediate step (for tests and debugging).
    public struct Signed: Sendable {
        public var request: SignableRequest
        public var canonicalRequest: String
        public var stringToSign: String
        public var signature: String
    }

    /// Signs with an `Authorization` header, adding `X-Amz-Date` (and the session token) first.
    public func sign(_ request: SignableRequest, credentials: Credentials, date: Date,
                     signBody: Bool = false, omitSessionToken: Bool = false) -> SignableRequest {
        signDetailed(request, credentials: credentials, date: date, signBody: signBody, omitSessionToken: omitSessionToken).request
    }

    /// `sign` returning the intermediate artefacts too.
    ///
    /// - Parameters:
    ///   - signBody: also send `x-amz-content-sha256` (S3-style); the payload hash is signed either way.
    ///   - omitSessionToken: add `X-Amz-Security-Token` only after signing (a few services want that).
    public func signDetailed(_ request: SignableRequest, credentials: Credentials, date: Date,
                             signBody: Bool = false, omitSessionToken: Bool = false) -> Signed {
        var req = request
        let amzDate = req.header("x-amz-date") ?? Self.amzDate(date)
        if req.header("x-amz-date") == nil { req.headers.append(("X-Amz-Date", amzDate)) }
        if let token = credentials.sessionToken, !omitSessionToken, req.header("x-amz-security-token") == nil {
            req.headers.append(("X-Amz-Security-Token", token))
        }
        let payloadHash = Self.hexSHA256(req.body)
        if signBody { req.headers.append(("x-amz-content-sha256", payloadHash)) }
        let creq = canonicalRequest(req, payloadHash: payloadHash)
        let sts = stringToSign(canonicalRequest: creq, amzDate: amzDate)
        let sig = signature(stringToSign: sts, secretAccessKey: credentials.secretAccessKey, amzDate: amzDate)
        let signed = canonicalHeaders(req.headers).signed
        req.headers.append(("Authorization", "\(Self.algorithm) Credential=\(credentials.accessKeyId)/\(credentialScope(amzDate: amzDate)), SignedHeaders=\(signed), Signature=\(sig)"))
        if let token = credentials.sessionToken, omitSessionToken { req.headers.append(("X-Amz-Security-Token", token)) }
        return Signed(request: req, canonicalRequest: creq, stringToSign: sts, signature: sig)
    }

    /// Presigns in the query string (`X-Amz-Signature`), valid for `expires` seconds.
    /// Returns the request with the new query, its canonical request and string to sign (for tests).
    public func presign(_ request: SignableRequest, credentials: Credentials, date: Date, expires: Int,
                        omitSessionToken: Bool = false) -> (request: SignableRequest, canonicalRequest: String, stringToSign: String) {
        var req = request
        let amzDate = Self.amzDate(date)
        let signed = canonicalHeaders(req.headers).signed
        var params: [(String, String)] = [
            ("X-Amz-Algorithm", Self.algorithm),
            ("X-Amz-Credential", "\(credentials.accessKeyId)/\(credentialScope(amzDate: amzDate))"),
            ("X-Amz-Date", amzDate),
            ("X-Amz-Expires", String(expires)),
        ]
        if let token = credentials.sessionToken, !omitSessionToken { params.append(("X-Amz-Security-Token", token)) }
        params.append(("X-Amz-SignedHeaders", signed))
        let extra = params.map { "\(SigV4Encoding.uriEncode($0.0))=\(SigV4Encoding.uriEncode($0.1))" }.joined(separator: "&")
        req.query = req.query.isEmpty ? extra : req.query + "&" + extra
        let creq = canonicalRequest(req, payloadHash: Self.hexSHA256(req.body))
        let sts = stringToSign(canonicalRequest: creq, amzDate: amzDate)
        let sig = signature(stringToSign: sts, secretAccessKey: credentials.secretAccessKey, amzDate: amzDate)
        req.query += "&X-Amz-Signature=\(sig)"
        if let token = credentials.sessionToken, omitSessionToken {
            req.query += "&X-Amz-Security-Token=\(SigV4Encoding.uriEncode(token))"
        }
        return (req, creq, sts)
    }
}
