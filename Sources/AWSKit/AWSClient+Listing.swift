import ExecRoleKit
import Foundation

/// The metadata listings behind the inventory, one paginated call chain per resource kind.
///
/// `pageSize` nil asks for each API's maximum page; tests pass a small one to force several pages.
extension AWSClient {
    /// Follows `nextToken`-style pagination until the token is absent, empty or repeats.
    /// The hard page cap stops a misbehaving endpoint from looping forever.
    func paginate<Page: Decodable & Sendable>(_ op: AWSOperation, _ base: [String: any Sendable], tokenParam: String,
                                              as type: Page.Type, next: (Page) -> String?) async throws -> [Page] {
        var pages: [Page] = []
        var token: String?
        var seen = Set<String>()
        for _ in 0..<10_000 {
            var body = base
            if let token { body[tokenParam] = token }
            let page = try await json(op, body, as: Page.self)
            pages.append(page)
            guard let t = next(page), !t.isEmpty, seen.insert(t).inserted else { break }
            token = t
        }
        return pages
    }

    /// Query-protocol pagination (`Marker` / `IsTruncated`), yielding each page's `...Result` node.
    func paginateQuery(_ op: AWSOperation, _ base: [String: String], pageSize: Int?) async throws -> [XMLNode] {
        var results: [XMLNode] = []
        var marker: String?
        for _ in 0..<10_000 {
            var params = base
            if let marker { params["Marker"] = marker }
            if let pageSize { params["MaxItems"] = String(pageSize) }
            let root = try await query(op, params)
            guard let result = root.first("\(op.name)Result") else { break }
            results.append(result)
            guard result.child("IsTruncated")?.text == "true", let m = result.child("Marker")?.text, !m.isEmpty,
                  m != marker else { break }
            marker = m
        }
        return results
    }

    // MARK: - ECR

    private struct ECRPage: Decodable, Sendable {
        struct Repo: Decodable, Sendable {
            struct Enc: Decodable, Sendable { var encryptionType: String?; var kmsKey: String? }
            var repositoryName: String; var repositoryArn: String; var repositoryUri: String?
            var encryptionConfiguration: Enc?
        }
        var repositories: [Repo]?; var nextToken: String?
    }

    /// ECR DescribeRepositories with each repository's encryption settings.
    public func listRepositories(pageSize: Int? = nil) async throws -> [Inventory.Repository] {
        let pages = try await paginate(.ecrDescribeRepositories, ["maxResults": pageSize ?? 1000], tokenParam: "nextToken",
                                       as: ECRPage.self) { $0.nextToken }
        return pages.flatMap { $0.repositories ?? [] }.map {
            Inventory.Repository(name: $0.repositoryName, arn: $0.repositoryArn, uri: $0.repositoryUri ?? "",
                                 encryptionType: $0.encryptionConfiguration?.encryptionType,
                                 kmsKey: $0.encryptionConfiguration?.kmsKey)
        }
    }

    // MARK: - CloudWatch Logs

    private struct LogsPage: Decodable, Sendable {
        struct Group: Decodable, Sendable { var logGroupName: String; var arn: String?; var logGroupArn: String?; var kmsKeyId: String? }
        var logGroups: [Group]?; var nextToken: String?
    }

    /// Logs DescribeLogGroups. `arn` is the group ARN *without* the `:*` suffix DescribeLogGroups's `arn` has.
    public func listLogGroups(pageSize: Int? = nil) async throws -> [Inventory.LogGroup] {
        let pages = try await paginate(.logsDescribeLogGroups, ["limit": pageSize ?? 50], tokenParam: "nextToken",
                                       as: LogsPage.self) { $0.nextToken }
        return pages.flatMap { $0.logGroups ?? [] }.map { g in
            var arn = g.logGroupArn ?? g.arn ?? ""
            if g.logGroupArn == nil, arn.hasSuffix(":*") { arn.removeLast(2) }
            return Inventory.LogGroup(name: g.logGroupName, arn: arn, kmsKeyId: g.kmsKeyId)
        }
    }

    // MARK: - Secrets Manager

    private struct SecretsPage: Decodable, Sendable {
        struct Secret: Decodable, Sendable { var Name: String; var ARN: String; var KmsKeyId: String?; var Description: String? }
        var SecretList: [Secret]?; var NextToken: String?
    }

    /// Secrets Manager ListSecrets: names, full ARNs and KMS key ids — never values.
    public func listSecrets(pageSize: Int? = nil) async throws -> [Inventory.Secret] {
        let pages = try await paginate(.secretsManagerListSecrets, ["MaxResults": pageSize ?? 100], tokenParam: "NextToken",
                                       as: SecretsPage.self) { $0.NextToken }
        return pages.flatMap { $0.SecretList ?? [] }.map {
            Inventory.Secret(name: $0.Name, arn: $0.ARN, kmsKeyId: $0.KmsKeyId, description: $0.Description)
        }
    }

    // MARK: - SSM

    private struct ParametersPage: Decodable, Sendable {
        struct Param: Decodable, Sendable { var Name: String; var ARN: String?; var `Type`: String?; var KeyId: String? }
        var Parameters: [Param]?; var NextToken: String?
    }

    /// SSM DescribeParameters (metadata only; it has no value field). `account` fills a missing ARN.
    public func listParameters(account: String?, pageSize: Int? = nil) async throws -> [Inventory.Parameter] {
        let pages = try await paginate(.ssmDescribeParameters, ["MaxResults": pageSize ?? 50], tokenParam: "NextToken",
                                       as: ParametersPage.self) { $0.NextToken }
        return pages.flatMap { $0.Parameters ?? [] }.map { p in
            Inventory.Parameter(name: p.Name, arn: p.ARN ?? parameterArn(p.Name, account: account ?? ""),
                                type: p.Type ?? "String", keyId: p.KeyId)
        }
    }

    /// `arn:P:ssm:REGION:ACCT:parameter/NAME` with the name's leading slash dropped (never `parameter//`).
    public func parameterArn(_ name: String, account: String) -> String {
        let trimmed = name.hasPrefix("/") ? String(name.dropFirst()) : name
        return "arn:\(partition.rawValue):ssm:\(region):\(account):parameter/\(trimmed)"
    }

    // MARK: - KMS

    private struct KeysPage: Decodable, Sendable {
        struct Key: Decodable, Sendable { var KeyId: String; var KeyArn: String? }
        var Keys: [Key]?; var NextMarker: String?; var Truncated: Bool?
    }

    private struct AliasesPage: Decodable, Sendable {
        struct Alias: Decodable, Sendable { var AliasName: String; var TargetKeyId: String? }
        var Aliases: [Alias]?; var NextMarker: String?; var Truncated: Bool?
    }

    private struct KeyDescription: Decodable, Sendable {
        struct Meta: Decodable, Sendable {
            var KeyId: String; var Arn: String?; var KeyManager: String?; var Description: String?; var KeyState: String?
        }
        var KeyMetadata: Meta
    }

    /// KMS keys plus the DescribeKey calls that failed (key id -> message).
    public struct KeyListing: Sendable {
        public var keys: [Inventory.Key]
        public var describeFailures: [String: String]
    }

    /// KMS ListKeys + ListAliases + DescribeKey per key (for CUSTOMER vs AWS), up to 8 at a time.
    public func listKeys(pageSize: Int? = nil) async throws -> [Inventory.Key] {
        try await listKeysDetailed(pageSize: pageSize).keys
    }

    /// Like `listKeys`, but a key whose DescribeKey is refused stays in the list: a key *policy* can
    /// deny DescribeKey even when IAM allows it, and one such key must not hide all the others.
    /// Its manager is then inferred from its aliases (`alias/aws/...` means AWS managed).
    public func listKeysDetailed(pageSize: Int? = nil) async throws -> KeyListing {
        let limit = pageSize ?? 1000
        // Both listings run to completion before anything can throw, so no request is cancelled mid-flight.
        async let keyPagesTask = capture { try await paginate(.kmsListKeys, ["Limit": limit], tokenParam: "Marker", as: KeysPage.self) {
            $0.Truncated == true ? $0.NextMarker : nil
        } }
        async let aliasPagesTask = capture { try await paginate(.kmsListAliases, ["Limit": limit], tokenParam: "Marker", as: AliasesPage.self) {
            $0.Truncated == true ? $0.NextMarker : nil
        } }
        let (keyPages, aliasPages) = await (keyPagesTask, aliasPagesTask)
        let keys = try keyPages.get().flatMap { $0.Keys ?? [] }
        let aliases = try aliasPages.get().flatMap { $0.Aliases ?? [] }
        var aliasesByKey: [String: [String]] = [:]
        for a in aliases { if let k = a.TargetKeyId { aliasesByKey[k, default: []].append(a.AliasName) } }

        var described: [String: KeyDescription.Meta] = [:]
        var failures: [String: String] = [:]
        await withTaskGroup(of: (String, Result<KeyDescription.Meta, any Error>).self) { group in
            var pending = keys.makeIterator()
            func addNext() {
                guard let k = pending.next() else { return }
                group.addTask {
                    (k.KeyId, await capture { try await self.json(.kmsDescribeKey, ["KeyId": k.KeyId], as: KeyDescription.self).KeyMetadata })
                }
            }
            for _ in 0..<8 { addNext() }
            while let (id, result) = await group.next() {
                switch result {
                case .success(let meta): described[id] = meta
                case .failure(let error): failures[id] = InventoryLoader.message(for: error)
                }
                addNext()
            }
        }
        let list = keys.map { k in
            let meta = described[k.KeyId]
            let names = (aliasesByKey[k.KeyId] ?? []).sorted()
            let guessed = names.contains { $0.hasPrefix("alias/aws/") } ? "AWS" : "CUSTOMER"
            return Inventory.Key(keyId: k.KeyId, arn: k.KeyArn ?? meta?.Arn ?? "", aliases: names,
                                 manager: meta?.KeyManager ?? guessed, description: meta?.Description)
        }
        return KeyListing(keys: list, describeFailures: failures)
    }

    // MARK: - ECS

    private struct FamiliesPage: Decodable, Sendable { var families: [String]?; var nextToken: String? }

    /// ECS ListTaskDefinitionFamilies (ACTIVE families).
    public func listTaskDefinitionFamilies(pageSize: Int? = nil) async throws -> [String] {
        let pages = try await paginate(.ecsListTaskDefinitionFamilies, ["maxResults": pageSize ?? 100, "status": "ACTIVE"],
                                       tokenParam: "nextToken", as: FamiliesPage.self) { $0.nextToken }
        return pages.flatMap { $0.families ?? [] }
    }

    // MARK: - IAM / STS

    /// IAM ListRoles, for the role picker.
    public func listRoles(pageSize: Int? = nil) async throws -> [Inventory.Role] {
        try await paginateQuery(.iamListRoles, [:], pageSize: pageSize).flatMap { result in
            (result.child("Roles")?.children("member") ?? []).compactMap { m in
                guard let name = m.child("RoleName")?.text, let arn = m.child("Arn")?.text else { return nil }
                return Inventory.Role(name: name, arn: arn)
            }
        }
    }

    /// Who the credentials belong to.
    public struct CallerIdentity: Sendable, Equatable {
        public var account: String
        public var arn: String
        public var userId: String
    }

    /// STS GetCallerIdentity (allowed for every principal; also the cheapest credential check).
    public func callerIdentity() async throws -> CallerIdentity {
        let root = try await query(.stsGetCallerIdentity)
        guard let r = root.first("GetCallerIdentityResult"), let account = r.child("Account")?.text else {
            throw AWSError(service: "sts", code: "InvalidResponse", message: "no Account in GetCallerIdentity",
                           httpStatus: 200, operation: "GetCallerIdentity")
        }
        return CallerIdentity(account: account, arn: r.child("Arn")?.text ?? "", userId: r.child("UserId")?.text ?? "")
    }
}

/// `Result(catching:)` for async work (the standard library has only the synchronous one).
func capture<T: Sendable>(_ body: () async throws -> T) async -> Result<T, any Error> {
    do { return .success(try await body()) } catch { return .failure(error) }
}
