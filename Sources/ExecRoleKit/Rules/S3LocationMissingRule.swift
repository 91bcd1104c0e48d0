import IAMKit

/// `s3-location-missing`: s3:GetObject for env files / FireLens config without s3:GetBucketLocation.
public enum S3LocationMissingRule: RoleRule {
    public static let description = RuleDescription(
        id: "ER012", slug: "s3-location-missing", severity: .high,
        title: "s3:GetObject without s3:GetBucketLocation",
        rationale: """
        For `environmentFiles` and FireLens `config-file-type: s3` the agent first calls \
        s3:GetBucketLocation on the BUCKET (`arn:…:s3:::BUCKET`), then s3:GetObject on the object. \
        Granting only GetObject (on `BUCKET/*`) fails with ResourceInitializationError: failed to \
        download env files. High: the task does not start.
        """,
        fix: "Allow s3:GetBucketLocation on `arn:aws:s3:::BUCKET` next to s3:GetObject on `arn:aws:s3:::BUCKET/KEY`.",
        examples: [
            .triggering(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::app-config/prod.env"}]}"#),
            .passing(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::app-config/prod.env"},{"Effect":"Allow","Action":"s3:GetBucketLocation","Resource":"arn:aws:s3:::app-config"}]}"#),
        ])

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard role.isExecutionRole else { return [] }
        var out: [RoleFinding] = []
        var reported = Set<String>()
        func locationDenied(_ bucketArn: String) -> Bool {
            if case .allowed = AccessCheck.evaluate(.init(action: "s3:GetBucketLocation", resource: bucketArn), role: role) { return false }
            return true
        }
        // Statements without an S3 ARN among their Resources find nothing below: only the others are
        // asked whether they name s3:GetObject (`RoleSupport.naming` walked every statement).
        let getObject = ActionKey.query("s3:GetObject")
        for st in role.index.statements(withResourcesOf: .s3) where st.hasPlainAction && st.names("s3:GetObject", key: getObject) && st.isAllow {
            for r in st.resources {
                guard let arn = RoleSupport.arn(r.value, service: "s3"), let slash = arn.resource.firstIndex(of: "/") else { continue }
                let bucket = String(arn.resource[..<slash])
                guard !bucket.isEmpty, !Glob.hasWildcard(bucket) else { continue }
                let bucketArn = "arn:\(arn.partition):s3:::\(bucket)"
                guard locationDenied(bucketArn), reported.insert(bucketArn).inserted else { continue }
                out.append(RoleSupport.hit(description, st,
                    "s3:GetObject on \"\(r.value)\" without s3:GetBucketLocation on \"\(bucketArn)\": environment files and FireLens configs from this bucket fail to download (ResourceInitializationError)",
                    fix: "Add an Allow for s3:GetBucketLocation on \"\(bucketArn)\".", at: r.pointer))
            }
        }
        // Files the task definition names, when the policy itself shows no GetObject for their bucket.
        for c in role.taskDefinition?.containers ?? [] {
            var files = c.environmentFiles
            if c.firelensOptions["config-file-type"]?.value == "s3", let v = c.firelensOptions["config-file-value"] { files.append(v) }
            for f in files {
                guard let arn = RoleSupport.arn(f.value, service: "s3"), let slash = arn.resource.firstIndex(of: "/") else { continue }
                let bucketArn = "arn:\(arn.partition):s3:::\(arn.resource[..<slash])"
                guard locationDenied(bucketArn), reported.insert(bucketArn).inserted else { continue }
                out.append(RoleFinding(description.finding(
                    "container \"\(c.name)\" downloads \"\(f.value)\", but the role does not allow s3:GetBucketLocation on \"\(bucketArn)\": the task fails with ResourceInitializationError (failed to download env files)",
                    fix: "Allow s3:GetBucketLocation on \"\(bucketArn)\" and s3:GetObject on \"\(f.value)\".", at: f.pointer), in: .taskDefinition))
            }
        }
        return out
    }
}
