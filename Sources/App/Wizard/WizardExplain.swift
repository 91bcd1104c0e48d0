import ExecRoleKit

/// Short texts for the explain pane: what the permission allows, why the agent needs it, what a
/// thief with the role's credentials could do with it.
enum WizardExplain {
    static func lines(_ s: WizardState) -> [String] {
        guard let item = WizardPicker(s).item(s.list.cursor) else { return [WizardHelp.stepHelp(s.step)] }
        let inv = s.catalog.inventory
        switch item {
        case .field(let f): return [f.help]
        case .repository, .customRepository:
            var extra = ""
            if case .repository(let i) = item, inv.repositories[i].encryptionType == "KMS" {
                extra = " Encrypted with a KMS key: ECR decrypts layers itself, no kms:Decrypt in the role."
            }
            return ["Allows ecr:BatchGetImage, GetDownloadUrlForLayer, BatchCheckLayerAvailability on this repository (+ GetAuthorizationToken on *).",
                    "Why: the agent pulls the task's image with the execution role." + extra,
                    "A thief could: download this repository's images (code, baked-in config), nothing else."]
        case .logGroup, .customLogGroup:
            return ["Allows logs:CreateLogStream and PutLogEvents on log-group:NAME:* (the resource is a stream; log-group:NAME alone does not match).",
                    "Why: the awslogs driver ships container output. awslogs-create-group adds CreateLogGroup.",
                    "A thief could: write fake log lines into this group; not read it."]
        case .secret, .customSecret:
            return ["Allows secretsmanager:GetSecretValue on this secret (full ARN, or NAME-?????? for a partial one).",
                    "Why: the agent injects it into the container as an env var before the task starts.",
                    "A thief could: read the secret's value. Grant exactly the secrets the task uses."]
        case .parameter, .customParameter:
            return ["Allows ssm:GetParameters on parameter/NAME (no leading slash in the ARN).",
                    "Why: the agent reads it to fill an env var; SecureStrings also need kms:Decrypt on a customer key.",
                    "A thief could: read this parameter's value."]
        case .key(let i):
            let k = inv.keys[i]
            return ["Allows kms:Decrypt with key \(k.keyId)\(k.aliases.isEmpty ? "" : " (\(k.aliases.joined(separator: ", ")))").",
                    "The policy names the key ARN: an alias ARN in Resource matches only the alias, never the key.",
                    k.manager == "AWS" ? "AWS managed: the service decrypts for you, no grant needed." : "A thief could: decrypt data under this key - kms:ViaService limits that to reads through Secrets Manager / SSM."]
        case .customKey:
            return ["Allows kms:Decrypt with this key. The key policy must allow the role too.",
                    "A thief could: decrypt data under this key (limited by kms:ViaService when on)."]
        case .s3Object:
            return ["Allows s3:GetObject on this object and s3:GetBucketLocation on its bucket.",
                    "Why: the agent downloads environment files before the container starts.",
                    "A thief could: read this one object."]
        case .file(let i):
            let name = s.output.files.indices.contains(i) ? s.output.files[i].name : ""
            let state: String
            if let ex = s.existing { state = ex[name] == nil ? "new" : ex[name] == s.output.files[i].contents ? "unchanged" : "changed (d shows the diff)" } else { state = "not compared yet" }
            return ["\(name): \(state). Enter shows it in the preview."]
        }
    }
}
