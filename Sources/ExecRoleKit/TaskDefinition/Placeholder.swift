import IAMKit

/// Recognises template values that stand where a real ARN, account or region must be.
///
/// Task definitions in the wild are templates as often as not (CloudFormation `${AWS::AccountId}`,
/// Terraform `${var.x}`, CodePipeline `<IMAGE1_NAME>`, the docs' `aws_account_id`). Turning those into
/// ARNs would produce a policy for resources that do not exist, so they are reported instead.
public enum Placeholder {
    /// Words used in docs and samples in place of an account id or region.
    static let words: Set<String> = ["region", "aws_account_id", "account_id", "accountid", "account-id", "account",
                                     "your-region", "your_region", "aws-region", "partition", "aws_region", "region_name"]

    /// A short reason when `value` looks like a template, or nil when it looks real.
    public static func reason(in value: String) -> String? {
        if value.contains("${") { return "contains a template variable (${…})" }
        if value.contains("{{") { return "contains a template variable ({{…}})" }
        if let open = value.firstIndex(of: "<"), value[open...].contains(">") { return "contains a <PLACEHOLDER>" }
        if value.contains("XXXXXXXXXXXX") || value.contains("ACCOUNT_ID") || value.contains("AWS_ACCOUNT_ID") || value.contains("ACCOUNT-ID") {
            return "contains an ACCOUNT_ID placeholder"
        }
        if let arn = ARN(value) {
            if Partition(rawValue: arn.partition) == nil { return "partition \"\(arn.partition)\" is not aws, aws-cn or aws-us-gov" }
            if !arn.account.isEmpty && arn.account != "aws" && !AccountID.isValid(arn.account) {
                return "account \"\(arn.account)\" is not a 12-digit account id"
            }
            if !arn.region.isEmpty && !Partition.isRegionName(arn.region) { return "region \"\(arn.region)\" is not a region name" }
        }
        return nil
    }
}
