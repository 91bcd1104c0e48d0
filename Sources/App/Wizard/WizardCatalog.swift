import ExecRoleKit
import TUIKit

/// The pickable things of one inventory, indexed once for fuzzy filtering and key lookups.
///
/// A reference type holding only constants: it is shared by every state copy (undo snapshots,
/// test fixtures) without copying 60,000 names.
public final class WizardCatalog: Sendable {
    public let inventory: Inventory
    public let repositories: FuzzyIndex
    public let logGroups: FuzzyIndex
    /// Secrets first, then parameters (`secretCount` splits them).
    public let secretsAndParameters: FuzzyIndex
    public let keys: FuzzyIndex
    public let secretCount: Int
    private let keyByRef: [String: Int]
    /// Inventory index by repository ARN, log-group name, secret ARN, parameter ARN.
    public let repositoryByARN: [String: Int]
    public let logGroupByName: [String: Int]
    public let secretByARN: [String: Int]
    public let parameterByARN: [String: Int]

    public init(_ inventory: Inventory) {
        self.inventory = inventory
        repositories = FuzzyIndex(inventory.repositories.map(\.name))
        logGroups = FuzzyIndex(inventory.logGroups.map(\.name))
        secretsAndParameters = FuzzyIndex(inventory.secrets.map(\.name) + inventory.parameters.map(\.name))
        secretCount = inventory.secrets.count
        keys = FuzzyIndex(inventory.keys.map { k in (k.aliases.isEmpty ? "(no alias)" : k.aliases.joined(separator: ", ")) + "  " + k.keyId })
        var refs: [String: Int] = [:]
        for (i, k) in inventory.keys.enumerated() {
            refs[k.keyId] = i
            refs[k.arn] = i
            for a in k.aliases {
                refs[a] = i
                refs["arn:\(inventory.partition):kms:\(inventory.region):\(inventory.account):\(a)"] = i
            }
        }
        keyByRef = refs
        func indexed(_ xs: [String]) -> [String: Int] {
            var d: [String: Int] = [:]
            d.reserveCapacity(xs.count)
            for (i, x) in xs.enumerated() where d[x] == nil { d[x] = i }
            return d
        }
        repositoryByARN = indexed(inventory.repositories.map(\.arn))
        logGroupByName = indexed(inventory.logGroups.map(\.name))
        secretByARN = indexed(inventory.secrets.map(\.arn))
        parameterByARN = indexed(inventory.parameters.map(\.arn))
    }

    /// The key a secret's `kmsKeyId` or a parameter's `keyId` names (key id, key ARN, alias or alias ARN).
    public func key(for ref: String?) -> Inventory.Key? {
        guard let ref, let i = keyByRef[ref] else { return nil }
        return inventory.keys[i]
    }

    /// The customer managed key that must be granted for a reference; nil for AWS managed keys
    /// (`aws/secretsmanager`, `aws/ssm`), which the role cannot and need not be granted explicitly.
    public func customerKeyARN(for ref: String?) -> String? {
        guard let ref else { return nil }
        if ref.hasPrefix("alias/aws/") { return nil }
        if let k = key(for: ref) { return k.manager == "AWS" ? nil : k.arn }
        // Unknown to the inventory: a full key ARN is still usable as is.
        if ref.hasPrefix("arn:"), ref.contains(":key/") { return ref }
        return nil
    }

    /// The first alias of a key ARN, for display.
    public func alias(ofKey arn: String) -> String? { key(for: arn)?.aliases.first }
}
