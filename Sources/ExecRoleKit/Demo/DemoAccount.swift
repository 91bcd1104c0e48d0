/// A built-in, made-up AWS account to try the wizard without credentials.
///
/// Pure and deterministic: the same inventory on every run (no clock, no randomness), so screen
/// snapshots and tests can rely on it. Names look like a real mid-size shop's account so the
/// filter, the key suggestions and the size meter have something realistic to work on.
public enum DemoAccount {
    /// The fake account id (AWS's documentation example).
    public static let account = "111122223333"
    public static let region = "eu-west-1"
    public static let partition = "aws"

    static let services = ["web", "api", "worker", "billing", "checkout", "search", "auth", "notifications",
                           "reports", "payments", "catalog", "inventory", "gateway", "scheduler", "ingest"]

    /// KMS keys: customer managed keys with aliases, and the AWS managed ones.
    static let keySpecs: [(id: String, aliases: [String], manager: String, description: String)] = [
        ("1234abcd-12ab-34cd-56ef-1234567890ab", ["alias/app-secrets"], "CUSTOMER", "Application secrets"),
        ("0987dcba-09fe-87dc-65ba-ab0987654321", ["alias/payments", "alias/pci"], "CUSTOMER", "PCI scope: payments and billing"),
        ("4f5e6d7c-8b9a-4c3d-9e2f-1a0b9c8d7e6f", ["alias/ssm-params"], "CUSTOMER", "Parameter Store SecureStrings"),
        ("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", ["alias/ecr-images"], "CUSTOMER", "ECR repository encryption"),
        ("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e", ["alias/logs"], "CUSTOMER", "CloudWatch Logs encryption"),
        ("c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f", [], "CUSTOMER", "Legacy key (no alias)"),
        ("d4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f80", ["alias/aws/secretsmanager"], "AWS", "Default key for Secrets Manager"),
        ("e5f6a7b8-c9d0-4e1f-8a2b-4c5d6e7f8091", ["alias/aws/ssm"], "AWS", "Default key for Parameter Store"),
        ("f6a7b8c9-d0e1-4f2a-9b3c-5d6e7f8091a2", ["alias/aws/ecr"], "AWS", "Default key for ECR"),
    ]

    /// The demo inventory.
    public static func inventory() -> Inventory {
        let p = partition, r = region, a = account
        let keys = keySpecs.map { k in
            Inventory.Key(keyId: k.id, arn: "arn:\(p):kms:\(r):\(a):key/\(k.id)", aliases: k.aliases, manager: k.manager, description: k.description)
        }
        func keyArn(_ i: Int) -> String { keys[i].arn }

        var repos: [Inventory.Repository] = []
        for (i, s) in services.enumerated() {
            for suffix in ["", "-migrations"] where suffix.isEmpty || i % 2 == 0 {
                let name = "acme/\(s)\(suffix)"
                let kms = i % 4 == 1
                repos.append(.init(name: name, arn: "arn:\(p):ecr:\(r):\(a):repository/\(name)",
                                   uri: "\(a).dkr.ecr.\(r).amazonaws.com/\(name)",
                                   encryptionType: kms ? "KMS" : "AES256", kmsKey: kms ? keyArn(3) : nil))
            }
        }
        for name in ["nginx", "envoy", "fluent-bit", "datadog-agent", "otel-collector",
                     "docker-hub/library/redis", "ecr-public/aws-observability/aws-for-fluent-bit", "quay/prometheus/node-exporter"] {
            repos.append(.init(name: name, arn: "arn:\(p):ecr:\(r):\(a):repository/\(name)",
                               uri: "\(a).dkr.ecr.\(r).amazonaws.com/\(name)", encryptionType: "AES256"))
        }

        var groups: [Inventory.LogGroup] = []
        for (i, s) in services.enumerated() {
            groups.append(.init(name: "/ecs/\(s)", arn: "arn:\(p):logs:\(r):\(a):log-group:/ecs/\(s):*",
                                kmsKeyId: i % 5 == 2 ? keyArn(4) : nil))
            groups.append(.init(name: "/ecs/\(s)-staging", arn: "arn:\(p):logs:\(r):\(a):log-group:/ecs/\(s)-staging:*"))
            groups.append(.init(name: "/aws/ecs/containerinsights/\(s)/performance",
                                arn: "arn:\(p):logs:\(r):\(a):log-group:/aws/ecs/containerinsights/\(s)/performance:*"))
            groups.append(.init(name: "/aws/ecs/\(s)/firelens", arn: "arn:\(p):logs:\(r):\(a):log-group:/aws/ecs/\(s)/firelens:*"))
        }
        for g in ["/aws/lambda/deploy-hook", "/aws/rds/cluster/main/postgresql", "/vpc/flow-logs", "ecs-default"] {
            groups.append(.init(name: g, arn: "arn:\(p):logs:\(r):\(a):log-group:\(g):*"))
        }

        var secrets: [Inventory.Secret] = []
        let secretNames = ["db-password", "api-key", "jwt-signing-key", "stripe-api-key"]
        for (i, s) in services.enumerated() {
            for (j, n) in secretNames.enumerated() where (i + j) % 3 != 2 {
                let name = "prod/\(s)/\(n)"
                let key: String? = n == "stripe-api-key" ? keys[1].keyId : (i + j) % 4 == 0 ? "alias/app-secrets" : nil
                secrets.append(.init(name: name, arn: "arn:\(p):secretsmanager:\(r):\(a):secret:\(name)-\(suffix(for: name))",
                                     kmsKeyId: key, description: "\(n) for \(s)"))
            }
        }
        for name in ["dockerhub-credentials", "shared/datadog-api-key", "shared/sentry-dsn", "staging/web/db-password"] {
            secrets.append(.init(name: name, arn: "arn:\(p):secretsmanager:\(r):\(a):secret:\(name)-\(suffix(for: name))",
                                 kmsKeyId: name.hasPrefix("shared/") ? keyArn(0) : nil))
        }

        var params: [Inventory.Parameter] = []
        for (i, s) in services.enumerated() {
            params.append(.init(name: "/\(s)/prod/db-url", arn: "arn:\(p):ssm:\(r):\(a):parameter/\(s)/prod/db-url", type: "SecureString",
                                keyId: i % 3 == 0 ? "alias/ssm-params" : i % 3 == 1 ? nil : "alias/aws/ssm"))
            params.append(.init(name: "/\(s)/prod/feature-flags", arn: "arn:\(p):ssm:\(r):\(a):parameter/\(s)/prod/feature-flags", type: "StringList"))
            if i % 2 == 0 {
                params.append(.init(name: "\(s)-log-level", arn: "arn:\(p):ssm:\(r):\(a):parameter/\(s)-log-level", type: "String"))
            }
        }
        params.append(.init(name: "/shared/newrelic-license", arn: "arn:\(p):ssm:\(r):\(a):parameter/shared/newrelic-license",
                            type: "SecureString", keyId: keys[2].keyId))
        params.append(.init(name: "/payments/prod/pci-token", arn: "arn:\(p):ssm:\(r):\(a):parameter/payments/prod/pci-token",
                            type: "SecureString", keyId: keyArn(1)))

        let roles = [
            Inventory.Role(name: "ecsTaskExecutionRole", arn: "arn:\(p):iam::\(a):role/ecsTaskExecutionRole"),
            Inventory.Role(name: "web-task-role", arn: "arn:\(p):iam::\(a):role/web-task-role"),
            Inventory.Role(name: "api-execution-role", arn: "arn:\(p):iam::\(a):role/api-execution-role"),
        ]
        return Inventory(source: "demo", partition: p, account: a, region: r, repositories: repos, logGroups: groups,
                         secrets: secrets, parameters: params, keys: keys, roles: roles,
                         taskDefinitionFamilies: services.map { "\($0)-prod" } + services.prefix(5).map { "\($0)-staging" })
    }

    /// A stable 6-character suffix shaped like Secrets Manager's (mixed case and digits), from the name.
    static func suffix(for name: String) -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var h: UInt64 = 1469598103934665603  // FNV-1a: deterministic across runs, unlike Hasher
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
        var out = ""
        for i in 0..<6 {
            // Force one upper-case letter and one digit so Requirements sees an unambiguous suffix.
            if i == 1 { out.append(alphabet[24 + Int(h % 24)]) } else if i == 4 { out.append(alphabet[48 + Int(h % 8)]) } else { out.append(alphabet[Int(h % UInt64(alphabet.count))]) }
            h = h / 7 &+ 0x9E3779B97F4A7C15 &* UInt64(i + 1)
        }
        return out
    }

    /// An inventory with `count` extra log groups (for the keystroke benchmark and scale tests).
    public static func large(logGroups count: Int) -> Inventory {
        var inv = inventory()
        let teams = ["platform", "data", "growth", "core", "edge", "ml", "ops", "sre"]
        inv.logGroups.reserveCapacity(inv.logGroups.count + count)
        for i in 0..<count {
            let s = services[i % services.count], t = teams[(i / services.count) % teams.count]
            let name = i % 2 == 0 ? "/ecs/\(t)/\(s)-\(i)" : "/aws/ecs/\(t)/\(s)/task-\(i)"
            inv.logGroups.append(.init(name: name, arn: "arn:\(partition):logs:\(region):\(account):log-group:\(name):*"))
        }
        return inv
    }
}
