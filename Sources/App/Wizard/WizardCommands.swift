import ExecRoleKit
import IAMKit
import TUIKit

/// Step commands on the focused row (`p`, `c`, `s`, `k`, `v`, `e`, `x`, `+`) and what prompt answers do.
extension WizardChoices {
    static func command(_ s: inout WizardState, _ c: Character) -> [WizardEffect] {
        let item = focused(s)
        switch (s.step, c, item) {
        case (_, "+", _):
            let add: [WizardStep: WizardField] = [.images: .addImage, .logs: .addLogGroup, .secrets: .addSecret, .keys: .addKey, .extras: .addS3EnvFile]
            if let f = add[s.step] { return activateField(&s, f) }
        case (.images, "p", let it?) where isRepository(it):
            let arn = repositoryARN(s, it)
            if !isSelected(s, it) { setSelected(&s, it, true) }
            if let i = s.spec.repositories.firstIndex(where: { $0.arn == arn }) {
                s.spec.repositories[i].pullThroughCache.toggle()
                if !s.spec.repositories[i].pullThroughCache { s.spec.repositories[i].createOnPull = false }
            }
        case (.images, "o", let it?) where isRepository(it):
            let arn = repositoryARN(s, it)
            if let i = s.spec.repositories.firstIndex(where: { $0.arn == arn }), s.spec.repositories[i].pullThroughCache {
                s.spec.repositories[i].createOnPull.toggle()
            } else { s.status = WizardStatus("Create-on-pull applies to pull-through cache repositories (p first).", .warning) }
        case (.logs, "c", let it?) where logGroupName(s, it) != nil:
            let name = logGroupName(s, it)!
            if !isSelected(s, it) { setSelected(&s, it, true) }
            if let i = s.spec.logGroups.firstIndex(where: { $0.name == name }) { s.spec.logGroups[i].createGroup.toggle() }
        case (.logs, "s", let it?) where logGroupName(s, it) != nil:
            let name = logGroupName(s, it)!
            if !isSelected(s, it) { setSelected(&s, it, true) }
            let current = s.spec.logGroups.first { $0.name == name }?.streamPrefix ?? ""
            s.prompt = .init(title: "Stream prefix for \(name)", hint: "awslogs-stream-prefix (streams are PREFIX/CONTAINER/TASK-ID)", field: TextFieldState(current), target: .streamPrefix(name))
        case (.secrets, "J", let it?), (.secrets, "v", let it?), (.secrets, "e", let it?):
            if let arn = secretARN(s, it) {
                if !isSelected(s, it) { setSelected(&s, it, true) }
                let sec = s.spec.secrets.first { $0.arn == arn }
                switch c {
                case "J": s.prompt = .init(title: "JSON key", hint: "Inject one key of a JSON secret (valueFrom ...:json-key::). Empty: the whole secret.", field: TextFieldState(sec?.jsonKey ?? ""), target: .secretJSONKey(arn))
                case "v": s.prompt = .init(title: "Version stage", hint: "AWSCURRENT (default), AWSPREVIOUS or a custom stage label.", field: TextFieldState(sec?.versionStage ?? ""), target: .secretVersionStage(arn))
                default: s.prompt = .init(title: "Environment variable", hint: "The variable the container sees the secret in.", field: TextFieldState(sec?.env ?? ""), target: .secretEnv(arn))
                }
            } else if c == "e", let arn = parameterARN(s, it) {
                if !isSelected(s, it) { setSelected(&s, it, true) }
                s.prompt = .init(title: "Environment variable", hint: "The variable the container sees the parameter in.", field: TextFieldState(s.spec.parameters.first { $0.arn == arn }?.env ?? ""), target: .parameterEnv(arn))
            } else { s.status = WizardStatus("JSON key and version stage apply to Secrets Manager secrets.", .warning) }
        case (.keys, "v", _):
            return activateField(&s, .viaService)
        case (_, "x", let it?):
            switch it {
            case .customRepository, .customLogGroup, .customSecret, .customParameter, .customKey, .s3Object: setSelected(&s, it, false)
            default: s.status = WizardStatus("x removes an added entry; untick inventory items with space.", .warning)
            }
        default:
            s.status = WizardStatus("'\(c)' does nothing here; ? shows the keys.", .warning)
        }
        return []
    }

    static func isRepository(_ it: PickItem) -> Bool {
        if case .repository = it { return true }
        if case .customRepository = it { return true }
        return false
    }

    static func repositoryARN(_ s: WizardState, _ it: PickItem) -> String {
        switch it {
        case .repository(let i): return s.catalog.inventory.repositories[i].arn
        case .customRepository(let a): return a
        default: return ""
        }
    }

    static func logGroupName(_ s: WizardState, _ it: PickItem) -> String? {
        switch it {
        case .logGroup(let i): return s.catalog.inventory.logGroups[i].name
        case .customLogGroup(let n): return n
        default: return nil
        }
    }

    static func secretARN(_ s: WizardState, _ it: PickItem) -> String? {
        switch it {
        case .secret(let i): return s.catalog.inventory.secrets[i].arn
        case .customSecret(let a): return a
        default: return nil
        }
    }

    static func parameterARN(_ s: WizardState, _ it: PickItem) -> String? {
        switch it {
        case .parameter(let i): return s.catalog.inventory.parameters[i].arn
        case .customParameter(let a): return a
        default: return nil
        }
    }

    // MARK: prompt answers

    @discardableResult
    static func applyPrompt(_ s: inout WizardState, _ target: PromptTarget, _ raw: String) -> [WizardEffect] {
        let text = raw.trimmingCharacters(in: .whitespaces)
        func fail(_ m: String) -> [WizardEffect] { s.status = WizardStatus(m, .error); return [] }
        func opt(_ t: String) -> String? { t.isEmpty ? nil : t }
        switch target {
        case .field(let f):
            switch f {
            case .name: s.spec.name = text
            case .account: s.spec.account = opt(text)
            case .region: s.spec.region = opt(text)
            case .taskRole: s.spec.taskRoleArn = opt(text)
            case .outDir: s.choices.outDir = text.isEmpty ? "./ecsrole-out" : text
            case .vpcEndpoints:
                let ids = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
                if let bad = ids.first(where: { !$0.hasPrefix("vpce-") }) { return fail("\"\(bad)\" is not a VPC endpoint id (vpce-...).") }
                s.spec.vpcEndpoints = ids
                if !ids.isEmpty { s.status = WizardStatus("VPC-endpoint-only: tasks without these endpoints will fail to pull images and read secrets.", .warning) }
            case .fireLensConfig:
                s.spec.s3Objects.removeAll { $0.use == "firelensConfig" }
                guard !text.isEmpty else { return [] }
                guard let arn = s3ObjectARN(text, partition: s.spec.partition) else { return fail("\"\(text)\" is not an S3 object (arn:aws:s3:::bucket/key or s3://bucket/key).") }
                s.spec.s3Objects.append(.init(arn: arn, use: "firelensConfig"))
            default: break
            }
        case .addImage:
            let arn: String
            if let a = ARN(text), a.service == "ecr", a.resourceType == "repository" {
                arn = text
            } else if case .ecr(let acct, let reg, let repo) = ImageReference(text).registry {
                arn = "arn:\(Partition.forRegion(reg).rawValue):ecr:\(reg):\(acct):repository/\(repo)"
            } else if case .ecrPublic = ImageReference(text).registry {
                return fail("public.ecr.aws images are pulled anonymously: the execution role needs nothing for them.")
            } else {
                return fail("\"\(text)\" is not a private ECR image; other registries need repositoryCredentials (a secret), not ECR permissions.")
            }
            guard !s.spec.repositories.contains(where: { $0.arn == arn }) else { return fail("Already chosen.") }
            s.spec.repositories.append(.init(arn: arn, pullThroughCache: isPullThrough(ARN(arn)?.resourceName ?? "")))
        case .addLogGroup:
            guard !text.isEmpty, !text.contains("*") else { return fail("A log group needs a name (no wildcards).") }
            guard !s.spec.logGroups.contains(where: { $0.name == text }) else { return fail("Already chosen.") }
            s.spec.logGroups.append(.init(name: text, createGroup: s.catalog.logGroupByName[text] == nil, streamPrefix: "ecs"))
        case .streamPrefix(let name):
            if let i = s.spec.logGroups.firstIndex(where: { $0.name == name }) { s.spec.logGroups[i].streamPrefix = opt(text) }
        case .addSecret:
            guard let a = ARN(text), a.service == "secretsmanager", a.resource.hasPrefix("secret:") else { return fail("\"\(text)\" is not a Secrets Manager ARN (arn:aws:secretsmanager:REGION:ACCT:secret:NAME).") }
            let parts = a.resource.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            var base = a
            base.resource = "secret:" + (parts.count > 1 ? parts[1] : "")
            guard !s.spec.secrets.contains(where: { $0.arn == base.description }) else { return fail("Already chosen.") }
            let neededBefore = neededKeys(s)
            func part(_ i: Int) -> String? { parts.count > i && !parts[i].isEmpty ? parts[i] : nil }
            s.spec.secrets.append(.init(arn: base.description, jsonKey: part(2), versionStage: part(3), versionId: part(4),
                                        env: envName(parts.count > 1 ? parts[1] : "SECRET"), use: "secrets"))
            syncKeys(&s, neededBefore: neededBefore)
            if text != base.description { s.status = WizardStatus("The :json-key:stage:id tail is kept as options; the policy names the secret only.") }
        case .addParameter:
            var arnText: String
            if var a = ARN(text) {
                guard a.service == "ssm" else { return fail("\"\(text)\" is not an SSM parameter ARN.") }
                var name = a.resource.hasPrefix("parameter:") ? "parameter/" + a.resource.dropFirst(10) : a.resource
                guard name.hasPrefix("parameter/") else { return fail("\"\(text)\" is not a parameter ARN (...:parameter/NAME).") }
                while name.hasPrefix("parameter//") { name.remove(at: name.index(name.startIndex, offsetBy: 10)) }
                a.resource = name
                arnText = a.description
            } else {
                guard let acct = s.spec.account, let reg = s.spec.region else { return fail("Set the account and region first (Service step): a parameter name needs them for its ARN.") }
                var name = Substring(text)
                while name.hasPrefix("/") { name = name.dropFirst() }
                guard !name.isEmpty else { return fail("A parameter needs a name.") }
                arnText = "arn:\(s.spec.partition):ssm:\(reg):\(acct):parameter/\(name)"
            }
            guard !s.spec.parameters.contains(where: { $0.arn == arnText }) else { return fail("Already chosen.") }
            let neededBefore = neededKeys(s)
            s.spec.parameters.append(.init(arn: arnText, env: envName(String(arnText.split(separator: "/").last ?? "")), use: "secrets"))
            syncKeys(&s, neededBefore: neededBefore)
        case .secretJSONKey(let arn): if let i = s.spec.secrets.firstIndex(where: { $0.arn == arn }) { s.spec.secrets[i].jsonKey = opt(text) }
        case .secretVersionStage(let arn): if let i = s.spec.secrets.firstIndex(where: { $0.arn == arn }) { s.spec.secrets[i].versionStage = opt(text) }
        case .secretEnv(let arn): if let i = s.spec.secrets.firstIndex(where: { $0.arn == arn }) { s.spec.secrets[i].env = opt(text) }
        case .parameterEnv(let arn): if let i = s.spec.parameters.firstIndex(where: { $0.arn == arn }) { s.spec.parameters[i].env = opt(text) }
        case .addKey:
            var arn = text
            if let k = s.catalog.key(for: text) {
                guard k.manager != "AWS" else { return fail("\(text) is AWS managed: no kms:Decrypt grant is needed for it.") }
                if text != k.arn { s.status = WizardStatus("\(text) is an alias: the policy names its key ARN \(k.arn), because an alias ARN in Resource matches only the alias, never the key.") }
                arn = k.arn
            } else if let a = ARN(text), a.service == "kms", a.resource.hasPrefix("alias/") || text.hasPrefix("alias/") {
                return fail("Unknown alias: a policy must name the key ARN (an alias ARN matches only the alias). Paste arn:...:key/ID.")
            } else if text.hasPrefix("alias/") {
                return fail("Unknown alias: a policy must name the key ARN (an alias ARN matches only the alias). Paste arn:...:key/ID.")
            }
            guard let a = ARN(arn), a.service == "kms", a.resource.hasPrefix("key/") else { return fail("\"\(text)\" is not a KMS key ARN (arn:aws:kms:REGION:ACCT:key/ID).") }
            guard !s.spec.kmsKeys.contains(where: { $0.arn == arn }) else { return fail("Already chosen.") }
            s.spec.kmsKeys.append(.init(arn: arn, alias: s.catalog.alias(ofKey: arn)))
            s.choices.dismissedKeys.remove(arn)
            syncKeys(&s, neededBefore: neededKeys(s))
        case .addS3EnvFile:
            guard let arn = s3ObjectARN(text, partition: s.spec.partition) else { return fail("\"\(text)\" is not an S3 object (arn:aws:s3:::bucket/key or s3://bucket/key).") }
            guard !s.spec.s3Objects.contains(where: { $0.arn == arn }) else { return fail("Already chosen.") }
            s.spec.s3Objects.append(.init(arn: arn, use: "environmentFile"))
        case .sourcePath(let src):
            guard !text.isEmpty else { return [] }
            return [.loadSource(src, path: text)]
        }
        return []
    }

    /// `s3://bucket/key` or an object ARN → the object ARN.
    static func s3ObjectARN(_ text: String, partition: String) -> String? {
        if text.hasPrefix("s3://") {
            let rest = text.dropFirst(5)
            guard let slash = rest.firstIndex(of: "/"), slash != rest.startIndex, rest.index(after: slash) != rest.endIndex else { return nil }
            return "arn:\(partition):s3:::\(rest)"
        }
        guard let a = ARN(text), a.service == "s3", let slash = a.resource.firstIndex(of: "/"), slash != a.resource.startIndex else { return nil }
        return text
    }
}
