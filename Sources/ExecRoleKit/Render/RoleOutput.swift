import IAMKit

/// The set of files ecsrole writes for a spec: a pure function of the spec.
public enum RoleOutput {
    /// Output formats selectable with `--format`.
    public enum Format: String, CaseIterable, Sendable {
        case all, json, terraform, cloudformation, cli
    }

    /// One file to write.
    public struct File: Equatable, Sendable {
        public var name: String
        public var contents: String
        /// Executable bit (the CLI script).
        public var executable: Bool
        public init(name: String, contents: String, executable: Bool = false) { self.name = name; self.contents = contents; self.executable = executable }
    }

    /// Checks the spec has what every output needs; throws with the flag that supplies a missing value.
    public static func validate(_ spec: RoleSpec) throws(ExecRoleError) {
        guard !spec.name.isEmpty, spec.name.count <= 64,
              spec.name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+=,.@_-".contains($0)) }) else {
            throw ExecRoleError("role name \"\(spec.name)\" is not valid: 1-64 characters from letters, digits and +=,.@_-", flag: "--name")
        }
        guard Partition(rawValue: spec.partition) != nil else { throw ExecRoleError("partition \"\(spec.partition)\" must be aws, aws-cn or aws-us-gov", flag: "--partition") }
        guard let acct = spec.account else {
            throw ExecRoleError("the account id is needed (role ARN, trust-policy guard) and the input does not say it: pass --account", flag: "--account")
        }
        guard AccountID.isValid(acct) else { throw ExecRoleError("account \"\(acct)\" is not a 12-digit account id", flag: "--account") }
        if let r = spec.region, !Partition.isRegionName(r) { throw ExecRoleError("region \"\(r)\" is not a region name", flag: "--region") }
        for k in spec.kmsKeys where ARN(k.arn)?.resource.hasPrefix("alias/") ?? false {
            throw ExecRoleError("KMS key \"\(k.arn)\" is an alias ARN; policies must name the key ARN (an alias ARN matches only the alias)", flag: "--kms-key")
        }
    }

    /// Every file for `format`, in a stable order. The spec file is always included so the output can be reproduced.
    public static func files(for spec: RoleSpec, format: Format = .all) -> [File] {
        let policy = PolicyGenerator.identityPolicy(spec)
        let trust = PolicyGenerator.trustPolicy(spec)
        var out: [File] = []
        if format == .all || format == .json {
            out.append(File(name: OutputNames.policyFile, contents: JSONWriter.pretty(policy)))
            out.append(File(name: OutputNames.trustFile, contents: JSONWriter.pretty(trust)))
        }
        if format == .all || format == .terraform {
            out.append(File(name: OutputNames.terraformFile, contents: TerraformRenderer.render(spec: spec, policy: policy, trust: trust)))
        }
        if format == .all || format == .cloudformation {
            out.append(File(name: OutputNames.cloudFormationFile, contents: CloudFormationRenderer.render(spec: spec, policy: policy, trust: trust)))
        }
        if format == .all || format == .cli {
            out.append(File(name: OutputNames.cliFile, contents: CLIScriptRenderer.render(spec: spec, policy: policy, trust: trust), executable: true))
        }
        if format == .all || format == .json {
            out.append(File(name: OutputNames.taskdefFragmentFile, contents: JSONWriter.pretty(TaskDefinitionFragmentRenderer.render(spec: spec))))
        }
        out.append(File(name: OutputNames.specFile, contents: SpecCoding.text(spec)))
        return out
    }
}
