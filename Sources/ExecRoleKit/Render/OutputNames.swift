import IAMKit

/// File and resource names shared by every renderer.
public enum OutputNames {
    public static let policyFile = "execution-role-policy.json"
    public static let trustFile = "trust-policy.json"
    public static let terraformFile = "main.tf"
    public static let cloudFormationFile = "template.yaml"
    public static let cliFile = "create-role.sh"
    public static let taskdefFragmentFile = "taskdef-fragment.json"
    public static let specFile = "ecsrole.json"

    /// The managed policy's name.
    public static func policyName(_ spec: RoleSpec) -> String { spec.name + "-policy" }

    /// A Terraform identifier: letters, digits, `_` and `-`, not starting with a digit.
    public static func terraformIdentifier(_ name: String) -> String {
        var s = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") ? $0 : "_" })
        if s.isEmpty || s.first!.isNumber { s = "role_" + s }
        return s
    }

    /// The role ARN the task definition points at.
    public static func roleARN(_ spec: RoleSpec) -> String? {
        spec.account.map { "arn:\(spec.partition):iam::\($0):role/\(spec.name)" }
    }
}
