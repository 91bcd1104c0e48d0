import TUIKit

/// Generated content for the demo: 60,000 picker items, a policy document, findings.
public enum DemoData {
    static let services = ["ecr", "logs", "secretsmanager", "ssm", "kms", "s3", "sqs", "sns", "dynamodb", "ecs",
                           "iam", "sts", "elasticfilesystem", "cloudwatch", "xray", "events", "lambda", "ec2",
                           "elasticloadbalancing", "route53", "appmesh", "servicediscovery", "firehose", "kinesis",
                           "athena", "glue", "rds", "elasticache", "es", "batch", "states", "codebuild",
                           "codedeploy", "cloudformation", "acm", "apigateway", "cognito-idp", "ses", "sagemaker", "backup"]
    static let verbs = ["Get", "List", "Describe", "Put", "Create", "Delete", "Update", "Tag", "Untag", "Batch",
                        "Start", "Stop", "Send", "Receive", "Publish", "Decrypt", "Encrypt", "Invoke", "Query", "Scan",
                        "Upload", "Download", "Attach", "Detach", "Modify"]
    static let nouns = ["AuthorizationToken", "Image", "LogEvents", "LogStream", "SecretValue", "Parameter", "Parameters",
                        "Key", "Object", "Message", "Topic", "Item", "Table", "TaskDefinition", "Service", "Cluster",
                        "Role", "Policy", "FileSystem", "MetricData", "TraceSegments", "Rule", "Function", "Instance",
                        "LoadBalancer", "Record", "Mesh", "Namespace", "DeliveryStream", "Stream", "QueryExecution",
                        "Job", "Database", "CacheCluster", "Domain", "ComputeEnvironment", "StateMachine", "Build",
                        "Deployment", "Stack", "Certificate", "RestApi", "UserPool", "Email", "Endpoint", "BackupVault",
                        "LayerVersion", "Snapshot", "Volume", "Subnet", "SecurityGroup", "TargetGroup", "Listener",
                        "HostedZone", "VirtualNode", "Queue", "Subscription", "Alias", "Grant", "Repository"]

    /// 60,000 items (40 × 25 × 60), with a few wide-character items first to exercise widths.
    public static func items() -> [String] {
        var out = ["日本語のリソース名", "🚀 rocket-service", "café-au-lait"]
        out.reserveCapacity(60_000)
        // Plain concatenation: interpolation costs ~3x more and this runs before the first frame.
        for s in services {
            let prefix = s + ":"
            for v in verbs {
                let head = prefix + v
                for n in nouns where out.count < 60_000 { out.append(head + n) }
            }
        }
        return out
    }

    public static let findings: [DemoFinding] = [
        DemoFinding(severity: .error, title: "Resource \"*\" on secretsmanager:GetSecretValue", line: 8),
        DemoFinding(severity: .warning, title: "kms:Decrypt without kms:ViaService condition", line: 12),
        DemoFinding(severity: .info, title: "logs:CreateLogGroup is rarely needed at run time", line: 5),
    ]

    /// A policy document granting the base execution-role actions plus `actions`.
    public static func policy(for actions: [String]) -> [String] {
        let base = ["ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
                    "logs:CreateLogStream", "logs:PutLogEvents"]
        let all = base + actions.sorted()
        var lines = ["{", "  \"Version\": \"2012-10-17\",", "  \"Statement\": [", "    {",
                     "      \"Sid\": \"ExecutionRole\",", "      \"Effect\": \"Allow\",", "      \"Action\": ["]
        for (i, a) in all.enumerated() { lines.append("        \"\(a)\"" + (i < all.count - 1 ? "," : "")) }
        lines += ["      ],", "      \"Resource\": \"*\"", "    }", "  ]", "}"]
        return lines
    }
}
