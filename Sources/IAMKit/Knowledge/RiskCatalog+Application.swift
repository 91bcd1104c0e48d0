extension RiskCatalog {
    /// Actions that an application calls at run time: they belong on the TASK role
    /// (`taskRoleArn`), never on the execution role, which only the ECS agent / Fargate uses to
    /// start the task. Used by the `wrong-role` rule.
    public static let applicationActions: [RiskEntry] = [
        RiskEntry("s3:PutObject", "the application writes objects; the agent only ever reads environment files"),
        RiskEntry("s3:DeleteObject*", "the application deletes objects; the agent never does"),
        RiskEntry("s3:ListBucket", "the application lists keys; the agent fetches named environment files only"),
        RiskEntry("s3:GetObjectVersion", "versioned reads are an application concern; the agent reads the current object"),
        RiskEntry("dynamodb:*", "DynamoDB is application data; the agent never touches it"),
        RiskEntry("sqs:*", "queues are used by the application, not the agent"),
        RiskEntry("sns:Publish", "publishing notifications is application behaviour"),
        RiskEntry("ssmmessages:*", "ECS Exec's SSM agent runs in the task and uses the TASK role"),
        RiskEntry("ssm:GetParameter", "the agent uses ssm:GetParameters; singular GetParameter is the application's SDK call"),
        RiskEntry("ssm:GetParametersByPath", "reading a hierarchy at run time is the application's doing; the agent names each parameter"),
        RiskEntry("secretsmanager:DescribeSecret", "the agent only calls GetSecretValue; describing secrets is application code"),
        RiskEntry("secretsmanager:ListSecrets", "the agent never lists secrets"),
        RiskEntry("kms:Encrypt", "the agent only decrypts secrets; encrypting is application code"),
        RiskEntry("kms:GenerateDataKey*", "envelope encryption is application code"),
        RiskEntry("elasticfilesystem:Client*", "EFS IAM authorization uses the task role when the volume sets iam: ENABLED"),
        RiskEntry("kinesis:Put*", "streaming data is application behaviour (or a FireLens destination, which uses the task role)"),
        RiskEntry("firehose:PutRecord*", "FireLens/Fluent Bit destinations send with the task role"),
        RiskEntry("xray:Put*", "the X-Ray daemon sidecar sends traces with the task role"),
        RiskEntry("cloudwatch:PutMetricData", "metrics are emitted by the application or CloudWatch agent sidecar with the task role"),
        RiskEntry("ses:Send*", "sending mail is application behaviour"),
        RiskEntry("bedrock:Invoke*", "model invocation is application behaviour"),
        RiskEntry("execute-api:Invoke", "calling APIs is application behaviour"),
        RiskEntry("lambda:InvokeFunction", "invoking functions is application behaviour"),
        RiskEntry("states:StartExecution", "starting workflows is application behaviour"),
        RiskEntry("events:PutEvents", "emitting events is application behaviour"),
        RiskEntry("es:ESHttp*", "search-domain requests come from the application"),
        RiskEntry("rds-db:connect", "IAM database auth tokens are signed by the application"),
        RiskEntry("appconfig:*", "the AppConfig agent sidecar fetches configuration with the task role"),
    ]
}
