/// SplitMix64: a tiny deterministic generator so property tests replay exactly from a seed
/// (no dependency, no global state).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func chance(_ p: Double) -> Bool { Double(next() % 10_000) / 10_000 < p }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[Int(next() % UInt64(xs.count))] }
}

/// Random task definitions covering every execution-role feature: own, cross-account and
/// pull-through ECR images, public images, awslogs with and without create-group and its own
/// region, Secrets Manager secrets (full ARN, name-only, with json-key tails), SSM names with and
/// without a leading slash, SSM ARNs, /aws/reference/secretsmanager/ names, S3 environment files,
/// FireLens S3 configuration with secretOptions, private-registry credentials, and KMS keys.
enum TaskDefinitionGenerator {
    static let account = "123456789012"
    static let region = "us-east-1"

    /// A task definition (JSON text) and the KMS key ARNs to pass as context.
    static func make(_ g: inout SeededGenerator) -> (json: String, keys: [String]) {
        var containers: [String] = []
        let n = g.int(1...3)
        var counter = 0
        func uid() -> Int { counter += 1; return counter }
        for i in 0..<n {
            var fields: [String] = ["\"name\": \"c\(i)\""]
            let image: String
            switch g.int(0...4) {
            case 0: image = "\(account).dkr.ecr.\(region).amazonaws.com/app\(g.int(0...2)):v\(g.int(1...9))"
            case 1: image = "999999999999.dkr.ecr.eu-west-1.amazonaws.com/shared/base@sha256:\(String(repeating: "ab", count: 32))"
            case 2: image = "\(account).dkr.ecr.\(region).amazonaws.com/docker-hub/library/redis:7"
            case 3: image = "public.ecr.aws/nginx/nginx:1.27"
            default: image = "nginx:latest"
            }
            fields.append("\"image\": \"\(image)\"")
            var secrets: [String] = []
            for _ in 0..<g.int(0...3) {
                let k = uid()
                let value: String
                switch g.int(0...7) {
                case 0: value = "arn:aws:secretsmanager:\(region):\(account):secret:app/db\(k)-Ab3xY\(k % 10)"
                case 1: value = "arn:aws:secretsmanager:\(region):\(account):secret:app/token\(k)"
                case 2: value = "arn:aws:secretsmanager:\(region):\(account):secret:app/json\(k)-Qw9Er\(k % 10):password::"
                case 3: value = "arn:aws:secretsmanager:\(region):\(account):secret:app/staged\(k)-config:key:AWSPREVIOUS:"
                case 4: value = "/app/param\(k)"
                case 5: value = "plain\(k)"
                case 6: value = "arn:aws:ssm:\(region):\(account):parameter/app/arn\(k)"
                default: value = "/aws/reference/secretsmanager/ref\(k)"
                }
                secrets.append("{\"name\": \"S\(k)\", \"valueFrom\": \"\(value)\"}")
            }
            if !secrets.isEmpty { fields.append("\"secrets\": [\(secrets.joined(separator: ", "))]") }
            if g.chance(0.3) {
                fields.append("\"environmentFiles\": [{\"value\": \"arn:aws:s3:::env-bucket\(g.int(0...1))/c\(i).env\", \"type\": \"s3\"}]")
            }
            if g.chance(0.15) {
                fields.append("\"repositoryCredentials\": {\"credentialsParameter\": \"arn:aws:secretsmanager:\(region):\(account):secret:registry/creds-Zz9Yy\(i)\"}")
            }
            if g.chance(0.2) {
                fields.append("\"firelensConfiguration\": {\"type\": \"fluentbit\", \"options\": {\"config-file-type\": \"s3\", \"config-file-value\": \"arn:aws:s3:::fl-config/c\(i).conf\"}}")
            }
            switch g.int(0...3) {
            case 0, 1:
                var opts = ["\"awslogs-group\": \"/ecs/group\(g.int(0...2))\"", "\"awslogs-stream-prefix\": \"ecs\""]
                if g.chance(0.5) { opts.append("\"awslogs-region\": \"\(g.pick([region, "eu-west-1"]))\"") }
                if g.chance(0.4) { opts.append("\"awslogs-create-group\": \"true\"") }
                fields.append("\"logConfiguration\": {\"logDriver\": \"awslogs\", \"options\": {\(opts.joined(separator: ", "))}}")
            case 2:
                let k = uid()
                let so = g.chance(0.5) ? "arn:aws:secretsmanager:\(region):\(account):secret:fl/key\(k)-Mn4Bv\(k % 10)" : "/fl/apikey\(k)"
                fields.append("\"logConfiguration\": {\"logDriver\": \"awsfirelens\", \"options\": {\"Name\": \"datadog\"}, \"secretOptions\": [{\"name\": \"apikey\", \"valueFrom\": \"\(so)\"}]}")
            default: break
            }
            containers.append("{" + fields.joined(separator: ", ") + "}")
        }
        var keys: [String] = []
        for k in 0..<g.int(0...2) { keys.append("arn:aws:kms:\(region):\(account):key/0000000\(k)-aaaa-bbbb-cccc-\(String(repeating: "d", count: 12))") }
        let json = """
        {"family": "prop", "executionRoleArn": "arn:aws:iam::\(account):role/prop-exec", "requiresCompatibilities": ["FARGATE"],
         "containerDefinitions": [\(containers.joined(separator: ", "))]}
        """
        return (json, keys)
    }
}
