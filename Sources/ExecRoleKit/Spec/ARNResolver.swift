import IAMKit

/// Resolves a `valueFrom` (Secrets Manager ARN, SSM ARN or SSM name) into spec entries.
struct ARNResolver {
    var partition: String
    var account: String?
    var region: String?

    /// Adds the secret and/or parameter a `valueFrom` refers to.
    mutating func add(_ value: String, env: String?, use: String, origin: RoleSpec.Origin,
                      to spec: inout RoleSpec, notes: inout [ImportNote]) throws(ExecRoleError) {
        if let arn = ARN(value), arn.service == "secretsmanager" {
            spec.secrets.append(try secret(value, env: env, use: use, origin: origin, notes: &notes))
            return
        }
        let param = try parameterARN(value, origin: origin, notes: &notes)
        spec.parameters.append(.init(arn: param.description, env: env, use: use, origin: origin))
        // /aws/reference/secretsmanager/NAME reads a Secrets Manager secret through SSM: both grants.
        let refPrefix = "parameter/aws/reference/secretsmanager/"
        if param.resource.hasPrefix(refPrefix) {
            let name = String(param.resource.dropFirst(refPrefix.count))
            let secretArn = "arn:\(param.partition):secretsmanager:\(param.region):\(param.account):secret:\(name)"
            var s = try secret(secretArn, env: nil, use: "ssmReference", origin: origin, notes: &notes)
            s.env = nil
            spec.secrets.append(s)
        }
    }

    /// A Secrets Manager reference, tail split off (`:json-key:version-stage:version-id`).
    func secret(_ value: String, env: String?, use: String, origin: RoleSpec.Origin,
                notes: inout [ImportNote]) throws(ExecRoleError) -> RoleSpec.Secret {
        guard let arn = ARN(value), arn.service == "secretsmanager" else {
            throw ExecRoleError("\(origin.text): \"\(value)\" is not a Secrets Manager ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME)")
        }
        let parts = arn.resource.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts[0] == "secret", !parts[1].isEmpty else {
            throw ExecRoleError("\(origin.text): \"\(value)\" does not name a secret (expected …:secret:NAME)")
        }
        var base = arn
        base.resource = "secret:" + parts[1]
        func part(_ i: Int) -> String? { parts.count > i && !parts[i].isEmpty ? parts[i] : nil }
        return RoleSpec.Secret(arn: base.description, jsonKey: part(2), versionStage: part(3), versionId: part(4),
                               env: env, use: use, origin: origin)
    }

    /// The parameter ARN for an SSM name or ARN, normalising the forms the agent never requests.
    func parameterARN(_ value: String, origin: RoleSpec.Origin, notes: inout [ImportNote]) throws(ExecRoleError) -> ARN {
        if var arn = ARN(value) {
            guard arn.service == "ssm" else {
                throw ExecRoleError("\(origin.text): \"\(value)\" is neither a Secrets Manager nor an SSM Parameter Store ARN")
            }
            var name = arn.resource
            if name.hasPrefix("parameter:") {
                notes.append(ImportNote(.warning, "\(origin.text): \"\(value)\" uses \"parameter:\"; the ARN form is \"parameter/NAME\"", pointer: origin.pointer ?? ""))
                name = "parameter/" + name.dropFirst("parameter:".count)
            }
            guard name.hasPrefix("parameter/") else {
                throw ExecRoleError("\(origin.text): \"\(value)\" is not a parameter ARN (…:parameter/NAME)")
            }
            var rest = name.dropFirst("parameter/".count)
            if rest.hasPrefix("/") {
                notes.append(ImportNote(.warning, "\(origin.text): \"\(value)\" has a double slash; the parameter ARN drops the name's leading slash", pointer: origin.pointer ?? ""))
                while rest.hasPrefix("/") { rest = rest.dropFirst() }
            }
            arn.resource = "parameter/" + rest
            return arn
        }
        guard let account else {
            throw ExecRoleError("\(origin.text): the parameter name \"\(value)\" needs the account id to form its ARN: pass --account", flag: "--account")
        }
        guard let region else {
            throw ExecRoleError("\(origin.text): the parameter name \"\(value)\" needs the region to form its ARN: pass --region", flag: "--region")
        }
        var name = Substring(value)
        while name.hasPrefix("/") { name = name.dropFirst() }
        return ARN(partition: partition, service: "ssm", region: region, account: account, resource: "parameter/" + name)
    }
}
