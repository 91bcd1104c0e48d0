import ExecRoleKit
import Foundation

/// Reads a live account's inventory: every service listed concurrently, each failure recorded in
/// `Inventory.errors` while the others still load.
///
/// The one failure that is thrown instead is the credentials being refused by STS
/// (`SignatureDoesNotMatch`, `InvalidClientTokenId`, expired token): then every other call would fail
/// the same way, and the caller (CLI, wizard) must tell the user to fix the credentials.
public struct InventoryLoader: Sendable {
    public let client: AWSClient
    /// Page size for every listing; nil = each API's maximum. Tests use small pages.
    public var pageSize: Int?
    /// Injected clock, so tests can pin `generatedAt`.
    public var now: @Sendable () -> Date

    public init(client: AWSClient, pageSize: Int? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.client = client; self.pageSize = pageSize; self.now = now
    }

    private enum Part: Sendable {
        case identity(AWSClient.CallerIdentity)
        case repositories([Inventory.Repository])
        case logGroups([Inventory.LogGroup])
        case secrets([Inventory.Secret])
        case parameters([Inventory.Parameter])
        case keys(AWSClient.KeyListing)
        case roles([Inventory.Role])
        case families([String])
        case failed(AWSService, any Error)
    }

    /// Loads everything. Throws only `AWSError` with `isCredentialError` (see the type's doc).
    public func load() async throws -> Inventory {
        let client = self.client, size = pageSize
        var inventory = Inventory(source: "live", generatedAt: ISO8601.string(now()), partition: client.partition.rawValue,
                                  account: "", region: client.region)
        var identityError: (any Error)?

        await withTaskGroup(of: Part.self) { group in
            func add(_ service: AWSService, _ work: @escaping @Sendable () async throws -> Part) {
                group.addTask {
                    do { return try await work() } catch { return .failed(service, error) }
                }
            }
            add(.sts) { .identity(try await client.callerIdentity()) }
            add(.ecr) { .repositories(try await client.listRepositories(pageSize: size)) }
            add(.logs) { .logGroups(try await client.listLogGroups(pageSize: size)) }
            add(.secretsManager) { .secrets(try await client.listSecrets(pageSize: size)) }
            // The account fills a missing parameter ARN later; DescribeParameters itself does not need it.
            add(.ssm) { .parameters(try await client.listParameters(account: nil, pageSize: size)) }
            add(.kms) { .keys(try await client.listKeysDetailed(pageSize: size)) }
            add(.iam) { .roles(try await client.listRoles(pageSize: size)) }
            add(.ecs) { .families(try await client.listTaskDefinitionFamilies(pageSize: size)) }

            for await part in group {
                switch part {
                case .identity(let id): inventory.account = id.account
                case .repositories(let r): inventory.repositories = r.sorted { $0.name < $1.name }
                case .logGroups(let g): inventory.logGroups = g.sorted { $0.name < $1.name }
                case .secrets(let s): inventory.secrets = s.sorted { $0.name < $1.name }
                case .parameters(let p): inventory.parameters = p.sorted { $0.name < $1.name }
                case .keys(let k):
                    inventory.keys = k.keys.sorted { $0.keyId < $1.keyId }
                    if let first = k.describeFailures.sorted(by: { $0.key < $1.key }).first {
                        inventory.errors.append(Inventory.ServiceError(service: AWSService.kms.displayName,
                            message: "DescribeKey failed for \(k.describeFailures.count) key(s), manager guessed from aliases; first: \(first.value)"))
                    }
                case .roles(let r): inventory.roles = r.sorted { $0.name < $1.name }
                case .families(let f): inventory.taskDefinitionFamilies = f.sorted()
                case .failed(let service, let error):
                    if service == .sts { identityError = error }
                    inventory.errors.append(Inventory.ServiceError(service: service.displayName, message: Self.message(for: error)))
                }
            }
        }
        if let e = identityError as? AWSError, e.isCredentialError { throw e }
        inventory.errors.sort { $0.service < $1.service }
        // Fill ARNs that need the account (moto and some regions omit the parameter ARN).
        if !inventory.account.isEmpty {
            for i in inventory.parameters.indices where inventory.parameters[i].arn.hasSuffix("::parameter/" + inventory.parameters[i].name.drop { $0 == "/" }) {
                inventory.parameters[i].arn = client.parameterArn(inventory.parameters[i].name, account: inventory.account)
            }
        }
        return inventory
    }

    /// Resolves credentials and region the CLI way and loads the live inventory: what the wizard calls.
    /// Throws `CredentialsError` (no credentials/profile/region) or a credential-rejecting `AWSError`.
    public static func live(profile: String? = nil, region: String? = nil,
                            environment: AWSEnvironment = .current()) async throws -> Inventory {
        let client = try await AWSClient.resolve(profile: profile, region: region, environment: environment)
        return try await InventoryLoader(client: client).load()
    }

    /// One clear line per failure: AWSError's own wording, else the error's description.
    static func message(for error: any Error) -> String {
        if let e = error as? AWSError { return e.description }
        if let e = error as? CredentialsError { return e.description }
        return String(describing: error)
    }
}
