import IAMKit

/// `create-group-missing`: `awslogs-create-group` without a working logs:CreateLogGroup grant.
public enum CreateGroupMissingRule: RoleRule {
    public static let supersedes: Set<String> = ["resource-mismatch"]
    public static let description = RuleDescription(
        id: "ER002", slug: "create-group-missing", severity: .high,
        title: "awslogs-create-group without logs:CreateLogGroup",
        rationale: """
        With `awslogs-create-group: "true"` the agent calls logs:CreateLogGroup, naming \
        `arn:…:log-group:NAME:log-stream:` in the request (as AccessDenied messages show, \
        terraform-aws-ecs#145). Without that grant — or with it on `arn:…:log-group:NAME` alone, \
        which does not match — the task fails to start. The managed AmazonECSTaskExecutionRolePolicy \
        lacks it too. With a task definition the rule checks each container that sets the option; \
        without one it reports CreateLogGroup grants in the form that never matches. High: the task \
        does not start.
        """,
        fix: "Allow logs:CreateLogGroup on `arn:…:log-group:NAME:*`, or create the log group ahead of time and drop the option.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:us-east-1:111122223333:log-group:/ecs/web:*"}]}"#,
                        .init(.taskDefinition, #"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web","awslogs-region":"us-east-1","awslogs-create-group":"true","awslogs-stream-prefix":"web"}}}]}"#)),
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:CreateLogGroup","Resource":"arn:aws:logs:us-east-1:111122223333:log-group:/ecs/web"}]}"#,
                        note: "the group ARN alone does not match the CreateLogGroup request"),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:us-east-1:111122223333:log-group:/ecs/web:*"}]}"#,
                     .init(.taskDefinition, #"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web","awslogs-region":"us-east-1","awslogs-create-group":"true","awslogs-stream-prefix":"web"}}}]}"#)),
        ])

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        var out: [RoleFinding] = []
        if let td = role.taskDefinition {
            for c in td.containers {
                guard let lc = c.logConfiguration, lc.driver == "awslogs",
                      let create = lc.options["awslogs-create-group"], create.value.lowercased() == "true",
                      let group = lc.options["awslogs-group"] else { continue }
                // Unknown or template values become wildcards: the check stays optimistic.
                var region = lc.options["awslogs-region"]?.value ?? role.taskContext.region ?? "*"
                if !Partition.isRegionName(region) { region = "*" }
                var account = role.taskContext.account ?? td.executionRoleArn.flatMap { ARN($0.value)?.account } ?? "*"
                if !AccountID.isValid(account) { account = "*" }
                let partition = Partition.forRegion(region).rawValue
                let request = "arn:\(partition):logs:\(region):\(account):log-group:\(group.value):log-stream:"
                let outcome = AccessCheck.evaluate(.init(action: "logs:CreateLogGroup", resource: request), role: role)
                guard case .implicitDeny(let misses) = outcome else { continue }
                let why = misses.first.map { " (\($0.1))" } ?? ""
                out.append(RoleFinding(description.finding(
                    "container \"\(c.name)\" sets awslogs-create-group \"true\" for \"\(group.value)\", but the role does not allow logs:CreateLogGroup on \(request)\(why): the task fails with ResourceInitializationError",
                    fix: "Allow logs:CreateLogGroup on \"arn:\(partition):logs:\(region):\(account):log-group:\(group.value):*\", or create the group in advance and remove awslogs-create-group.",
                    at: create.pointer), in: .taskDefinition))
            }
        }
        // Statements without a logs ARN among their Resources have no group-only resource: only the
        // others are asked whether they allow the action (`RoleSupport.allows` walked every statement).
        let grants = role.index.statements(withResourcesOf: .logs).filter { $0.isAllow && $0.covers(action: "logs:CreateLogGroup") }
        for st in grants where !st.items(naming: "logs:CreateLogGroup").isEmpty {
            let groupOnly = st.resources.filter { r in
                guard let arn = RoleSupport.arn(r.value, service: "logs"), arn.resourceType == "log-group" else { return false }
                return !Glob.matches(r.value, r.value + ":log-stream:")
            }
            guard !groupOnly.isEmpty, !st.resources.contains(where: { Glob.matches($0.value, groupOnly[0].value + ":log-stream:") }) else { continue }
            for r in groupOnly {
                out.append(RoleSupport.hit(description, st,
                    "logs:CreateLogGroup is granted on \"\(r.value)\", but the agent's request names \"\(r.value):log-stream:\", which that ARN never matches: awslogs-create-group fails",
                    fix: "Use \"\(r.value):*\".", at: r.pointer))
            }
        }
        return out
    }
}
