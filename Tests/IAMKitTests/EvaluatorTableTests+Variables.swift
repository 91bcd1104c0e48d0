import IAMKit

/// Policy-variable rows and the ECS execution-role facts of AWS-FACTS.md.
extension EvaluatorTableTests {
    static var variableCases: [EvaluatorCase] {
        typealias E = EvaluatorCase
        let user = ["aws:username": ["alice"]]
        func res(_ r: String, version: String? = "2012-10-17") -> [String] { [P.doc(P.st(action: P.q("s3:GetObject"), resource: P.q(r)), version: version)] }
        return [
            E("variable in Resource", res("arn:aws:s3:::b/${aws:username}/*"), "s3:GetObject", "arn:aws:s3:::b/alice/x", user, .allowed),
            E("variable in Resource, other user", res("arn:aws:s3:::b/${aws:username}/*"), "s3:GetObject", "arn:aws:s3:::b/bob/x", user, .implicitDeny),
            E("variable without value", res("arn:aws:s3:::b/${aws:username}/*"), "s3:GetObject", "arn:aws:s3:::b/alice/x", [:], .implicitDeny),
            E("variable with default", res("arn:aws:s3:::b/${aws:username, 'guest'}/*"), "s3:GetObject", "arn:aws:s3:::b/guest/x", [:], .allowed),
            E("variable default unused when present", res("arn:aws:s3:::b/${aws:username, 'guest'}/*"), "s3:GetObject", "arn:aws:s3:::b/guest/x", user, .implicitDeny),
            E("default with escaped quote", res("arn:aws:s3:::b/${aws:username, 'o''brien'}"), "s3:GetObject", "arn:aws:s3:::b/o'brien", [:], .allowed),
            E("variable key case-insensitive", res("arn:aws:s3:::b/${AWS:UserName}/*"), "s3:GetObject", "arn:aws:s3:::b/alice/x", user, .allowed),
            E("variable with spaces inside braces", res("arn:aws:s3:::b/${ aws:username }/*"), "s3:GetObject", "arn:aws:s3:::b/alice/x", user, .allowed),
            E("2008-10-17 keeps variables literal", res("arn:aws:s3:::b/${aws:username}/*", version: "2008-10-17"), "s3:GetObject", "arn:aws:s3:::b/alice/x", user, .implicitDeny),
            E("2008-10-17 literal text matches itself", res("arn:aws:s3:::b/${aws:username}/x", version: "2008-10-17"), "s3:GetObject", "arn:aws:s3:::b/${aws:username}/x", user, .allowed),
            E("no Version keeps variables literal", res("arn:aws:s3:::b/${aws:username}/*", version: nil), "s3:GetObject", "arn:aws:s3:::b/alice/x", user, .implicitDeny),
            E("${*} is a literal asterisk", res("arn:aws:s3:::b/${*}"), "s3:GetObject", "arn:aws:s3:::b/anything", [:], .implicitDeny),
            E("${*} matches an asterisk", res("arn:aws:s3:::b/${*}"), "s3:GetObject", "arn:aws:s3:::b/*", [:], .allowed),
            E("${?} is a literal question mark", res("arn:aws:s3:::b/x${?}"), "s3:GetObject", "arn:aws:s3:::b/xy", [:], .implicitDeny),
            E("${?} matches a question mark", res("arn:aws:s3:::b/x${?}"), "s3:GetObject", "arn:aws:s3:::b/x?", [:], .allowed),
            E("${$} is a dollar", res("arn:aws:s3:::b/${$}{x}"), "s3:GetObject", "arn:aws:s3:::b/${x}", [:], .allowed),
            E("substituted value is literal, not a wildcard", res("arn:aws:s3:::b/${aws:username}"), "s3:GetObject", "arn:aws:s3:::b/abc", ["aws:username": ["a*"]], .implicitDeny),
            E("principal tag as variable", res("arn:aws:s3:::b/${aws:PrincipalTag/team}/*"), "s3:GetObject", "arn:aws:s3:::b/blue/x", ["aws:PrincipalTag/team": ["blue"]], .allowed),
            E("multivalued key cannot be a variable", res("arn:aws:s3:::b/${aws:TagKeys}"), "s3:GetObject", "arn:aws:s3:::b/a", ["aws:TagKeys": ["a", "b"]], .implicitDeny),
            E("unclosed brace stays literal", res("arn:aws:s3:::b/${aws:username"), "s3:GetObject", "arn:aws:s3:::b/${aws:username", user, .allowed),
            E("variable in StringEquals", [P.cond(#"{"StringEquals":{"s3:prefix":"${aws:username}/"}}"#)], "s3:ListBucket", "arn:aws:s3:::b", ["s3:prefix": ["alice/"], "aws:username": ["alice"]], .allowed),
            E("variable in StringLike with wildcard", [P.cond(#"{"StringLike":{"s3:prefix":"${aws:username}-*"}}"#)], "s3:ListBucket", "arn:aws:s3:::b", ["s3:prefix": ["alice-1"], "aws:username": ["alice"]], .allowed),
            E("variable in condition without value", [P.cond(#"{"StringLike":{"s3:prefix":"${aws:username}/*"}}"#)], "s3:ListBucket", "arn:aws:s3:::b", ["s3:prefix": ["alice/x"]], .implicitDeny),
            E("variable in condition under 2008-10-17", [P.cond(#"{"StringEquals":{"s3:prefix":"${aws:username}"}}"#, version: "2008-10-17")], "s3:ListBucket", "arn:aws:s3:::b", ["s3:prefix": ["alice"], "aws:username": ["alice"]], .implicitDeny),
            E("variable in ArnLike", [P.cond(#"{"ArnLike":{"aws:SourceArn":"arn:aws:ecs:*:${aws:PrincipalAccount}:*"}}"#)], "s3:GetObject", "*", ["aws:SourceArn": [task], "aws:PrincipalAccount": [acct]], .allowed),
        ]
    }

    static var ecsCases: [EvaluatorCase] {
        typealias E = EvaluatorCase
        func grant(_ action: String, _ resource: String, condition: String? = nil) -> [String] {
            [P.doc(P.st(action: P.q(action), resource: P.q(resource), condition: condition))]
        }
        let agent: [String: [String]] = [
            "aws:PrincipalArn": ["arn:aws:iam::\(acct):role/app-exec"], "aws:PrincipalAccount": [acct],
            "aws:RequestedRegion": ["us-east-1"], "aws:SecureTransport": ["true"],
        ]
        let managed = P.doc(P.st(action: #"["ecr:GetAuthorizationToken","ecr:BatchCheckLayerAvailability","ecr:GetDownloadUrlForLayer","ecr:BatchGetImage","logs:CreateLogStream","logs:PutLogEvents"]"#))
        return [
            E("log group without :* denies PutLogEvents", grant("logs:PutLogEvents", group), "logs:PutLogEvents", stream, agent, .implicitDeny),
            E("log group without :* denies CreateLogStream", grant("logs:CreateLogStream", group), "logs:CreateLogStream", stream, agent, .implicitDeny),
            E("log group with :* allows PutLogEvents", grant("logs:PutLogEvents", group + ":*"), "logs:PutLogEvents", stream, agent, .allowed),
            E("log group with :log-stream:* allows", grant("logs:CreateLogStream", group + ":log-stream:*"), "logs:CreateLogStream", stream, agent, .allowed),
            E("CreateLogGroup names log-stream: and needs :*", grant("logs:CreateLogGroup", group), "logs:CreateLogGroup", group + ":log-stream:", agent, .implicitDeny),
            E("CreateLogGroup with :*", grant("logs:CreateLogGroup", group + ":*"), "logs:CreateLogGroup", group + ":log-stream:", agent, .allowed),
            E("parameter//app/db never matches", grant("ssm:GetParameters", "arn:aws:ssm:us-east-1:\(acct):parameter//app/db"), "ssm:GetParameters", param, agent, .implicitDeny),
            E("parameter/app/db matches", grant("ssm:GetParameters", param), "ssm:GetParameters", param, agent, .allowed),
            E("parameter: form never matches", grant("ssm:GetParameters", "arn:aws:ssm:us-east-1:\(acct):parameter:app/db"), "ssm:GetParameters", param, agent, .implicitDeny),
            E("GetParameter does not grant GetParameters", grant("ssm:GetParameter", param), "ssm:GetParameters", param, agent, .implicitDeny),
            E("secret NAME-?????? matches the real ARN", grant("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:\(acct):secret:db-??????"), "secretsmanager:GetSecretValue", secret, agent, .allowed),
            E("secret NAME-??????? does not", grant("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:\(acct):secret:db-???????"), "secretsmanager:GetSecretValue", secret, agent, .implicitDeny),
            E("secret NAME alone does not", grant("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:\(acct):secret:db"), "secretsmanager:GetSecretValue", secret, agent, .implicitDeny),
            E("secret NAME-?????? does not over-grant", grant("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:\(acct):secret:db-??????"), "secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:\(acct):secret:db-prod-XyZ789", agent, .implicitDeny),
            E("secret NAME* over-grants", grant("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:\(acct):secret:db*"), "secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:\(acct):secret:db-prod-XyZ789", agent, .allowed),
            E("secret ARN with json-key tail never matches", grant("secretsmanager:GetSecretValue", secret + ":password::"), "secretsmanager:GetSecretValue", secret, agent, .implicitDeny),
            E("alias ARN does not match the key", grant("kms:Decrypt", alias), "kms:Decrypt", key, agent, .implicitDeny),
            E("key ARN matches the key", grant("kms:Decrypt", key), "kms:Decrypt", key, agent, .allowed),
            E("key/arn:… form does not match", grant("kms:Decrypt", "key/" + key), "kms:Decrypt", key, agent, .implicitDeny),
            E("kms:ViaService matches secretsmanager", grant("kms:Decrypt", key, condition: #"{"StringEquals":{"kms:ViaService":"secretsmanager.us-east-1.amazonaws.com"}}"#), "kms:Decrypt", key, agent.merging(["kms:ViaService": ["secretsmanager.us-east-1.amazonaws.com"]]) { a, _ in a }, .allowed),
            E("kms:ViaService ssm vs secretsmanager", grant("kms:Decrypt", key, condition: #"{"StringEquals":{"kms:ViaService":"ssm.us-east-1.amazonaws.com"}}"#), "kms:Decrypt", key, agent.merging(["kms:ViaService": ["secretsmanager.us-east-1.amazonaws.com"]]) { a, _ in a }, .implicitDeny),
            E("GetAuthorizationToken scoped to a repository", grant("ecr:GetAuthorizationToken", repo), "ecr:GetAuthorizationToken", "*", agent, .implicitDeny),
            E("GetAuthorizationToken on *", grant("ecr:GetAuthorizationToken", "*"), "ecr:GetAuthorizationToken", "*", agent, .allowed),
            E("BatchGetImage on the repository", grant("ecr:BatchGetImage", repo), "ecr:BatchGetImage", repo, agent, .allowed),
            E("BatchGetImage on another account's repository", grant("ecr:BatchGetImage", repo), "ecr:BatchGetImage", "arn:aws:ecr:us-east-1:999999999999:repository/web", agent, .implicitDeny),
            E("SourceAccount condition on an agent call", grant("ecr:BatchGetImage", repo, condition: #"{"StringEquals":{"aws:SourceAccount":"123456789012"}}"#), "ecr:BatchGetImage", repo, agent, .implicitDeny),
            E("SourceArn condition on an agent call", grant("logs:PutLogEvents", group + ":*", condition: #"{"ArnLike":{"aws:SourceArn":"arn:aws:ecs:us-east-1:123456789012:*"}}"#), "logs:PutLogEvents", stream, agent, .implicitDeny),
            E("SourceVpce without an endpoint", grant("secretsmanager:GetSecretValue", secret, condition: #"{"StringEquals":{"aws:SourceVpce":"vpce-0abc"}}"#), "secretsmanager:GetSecretValue", secret, agent, .implicitDeny),
            E("SourceVpce through the endpoint", grant("secretsmanager:GetSecretValue", secret, condition: #"{"StringEquals":{"aws:SourceVpce":"vpce-0abc"}}"#), "secretsmanager:GetSecretValue", secret, agent.merging(["aws:SourceVpce": ["vpce-0abc"]]) { a, _ in a }, .allowed),
            E("PrincipalAccount condition holds on agent calls", grant("ecr:BatchGetImage", repo, condition: #"{"StringEquals":{"aws:PrincipalAccount":"123456789012"}}"#), "ecr:BatchGetImage", repo, agent, .allowed),
            E("managed policy allows PutLogEvents", [managed], "logs:PutLogEvents", stream, agent, .allowed),
            E("managed policy lacks GetSecretValue", [managed], "secretsmanager:GetSecretValue", secret, agent, .implicitDeny),
            E("managed policy lacks CreateLogGroup", [managed], "logs:CreateLogGroup", group + ":log-stream:", agent, .implicitDeny),
        ]
    }
}
