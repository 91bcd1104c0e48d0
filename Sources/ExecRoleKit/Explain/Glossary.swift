import Foundation

/// Short explanations of the terms a newcomer meets in execution-role work.
public enum Glossary {
    /// Term → explanation. Keys are lowercase; lookups normalise spaces and dashes.
    public static let terms: [String: String] = [
        "execution role": "The IAM role the ECS agent (EC2) or Fargate uses BEFORE your app starts: to pull private ECR images, create log streams and ship logs with awslogs, and read the secrets and parameters injected into containers. Set as executionRoleArn. Your application code never uses it.",
        "task role": "The IAM role your application's code uses at run time (taskRoleArn): S3, DynamoDB, SQS, ECS Exec (ssmmessages), FireLens destinations. Permissions the app needs belong here, not on the execution role.",
        "trust policy": "The role's resource policy that says who may assume it. For an execution role: Principal {\"Service\": \"ecs-tasks.amazonaws.com\"}, Action sts:AssumeRole.",
        "confused deputy": "A service acting for one customer tricked into using its permissions for another. The trust-policy guard aws:SourceAccount + ArnLike aws:SourceArn arn:PARTITION:ecs:REGION:ACCOUNT:* lets only ECS on behalf of your account assume the role. A cluster-specific SourceArn is not supported: tasks fail to start.",
        "least privilege": "Grant only the actions a principal calls, only on the resources it calls them on. For an execution role that list is knowable from the task definition: ecsrole computes it.",
        "resource-level permissions": "Whether an action can be limited to specific resources in Resource. Some cannot (ecr:GetAuthorizationToken): those need \"*\" and a linter must not flag that.",
        "kms:viaservice": "A condition key present when a KMS call is made by another AWS service on your behalf (secretsmanager.REGION.amazonaws.com). Scoping kms:Decrypt with it means the key can only decrypt through that service.",
        "partial arn": "A Secrets Manager ARN without the 6-character random suffix AWS appends to the name. To match the real secret in a policy, append -?????? (exactly six ?); NAME* also matches other secrets whose names start with NAME.",
        "pull-through cache": "An ECR repository that mirrors an upstream registry (Docker Hub, Quay, ECR Public…). Pulling a not-yet-cached image needs ecr:BatchImportUpstreamImage too.",
        "awslogs": "The log driver that sends container output to CloudWatch Logs. It calls logs:CreateLogStream and logs:PutLogEvents on log-stream ARNs (log-group:NAME:log-stream:*), and logs:CreateLogGroup when awslogs-create-group is \"true\".",
        "firelens": "A Fluent Bit / Fluentd sidecar that routes logs. Its destinations are written with the TASK role; only its config file in S3 (config-file-type s3) and secretOptions use the execution role.",
        "aws:sourcearn": "Condition key set when a service calls another service on your behalf. Absent on the ECS agent's own ECR/Logs/Secrets calls: a permission statement conditioned on it never matches (implicit deny). It belongs in the trust policy.",
        "aws:sourceaccount": "Like aws:SourceArn: present on service-to-service calls, absent on the agent's own calls. Use it in the trust policy, never in the execution role's permission statements.",
        "aws:sourcevpce": "Condition key present only when the request arrives through a VPC endpoint. Requiring it breaks every path that does not use an endpoint; ecr:GetAuthorizationToken does not support it.",
        "implicit deny": "What IAM answers when no statement allows a request. An explicit Deny always wins over any Allow.",
        "notaction": "Matches every action EXCEPT the listed ones. With Allow it grants everything else, including actions AWS adds later: almost always a mistake.",
        "notresource": "Matches every resource except the listed ones; with Allow it grants far more than intended.",
        "secret suffix": "Secrets Manager appends -XXXXXX (6 random characters) to each secret's name in its ARN. A policy written from the name alone must use NAME-??????.",
    ]

    /// The explanation for a term (case-insensitive; `-`/`_` read as spaces), or nil.
    public static func lookup(_ term: String) -> String? {
        let key = term.lowercased().replacingOccurrences(of: "_", with: " ")
        if let hit = terms[key] { return hit }
        return terms[key.replacingOccurrences(of: "-", with: " ")]
    }
}
