import ExecRoleKit
import IAMKit
import TUIKit

/// The reducer's cases that change the choices: ticking items, editing fields, step commands.
enum WizardChoices {
    static func focused(_ s: WizardState) -> PickItem? { WizardPicker(s).item(s.list.cursor) }

    // MARK: ticking

    static func toggle(_ s: inout WizardState) -> [WizardEffect] {
        guard let item = focused(s) else { return [] }
        if case .field(let f) = item { return activateField(&s, f) }
        setSelected(&s, item, !isSelected(s, item))
        return []
    }

    static func activate(_ s: inout WizardState) -> [WizardEffect] {
        guard let item = focused(s) else { return [] }
        switch item {
        case .field(let f): return activateField(&s, f)
        case .file(let i):
            s.previewIndex = i
            s.previewScroll = 0
            return []
        default:
            setSelected(&s, item, !isSelected(s, item))
            return []
        }
    }

    /// `a`: select every (filtered) inventory item of the step, or clear them when all are selected.
    /// Works on sets in one pass, so ticking 60,000 filtered log groups stays fast.
    static func toggleAll(_ s: inout WizardState) {
        let picker = WizardPicker(s)
        let items = picker.itemRows.compactMap(picker.item)
        guard !items.isEmpty else { return }
        let chosen = chosenKeys(s)
        let allSelected = items.allSatisfy { key(s, $0).map(chosen.contains) ?? true }
        let neededBefore = neededKeys(s)
        if allSelected {
            let drop = Set(items.compactMap { key(s, $0) })
            s.spec.repositories.removeAll { drop.contains($0.arn) }
            s.spec.logGroups.removeAll { drop.contains($0.name) }
            s.spec.secrets.removeAll { drop.contains($0.arn) }
            s.spec.parameters.removeAll { drop.contains($0.arn) }
        } else {
            for item in items {
                if case .key(let i) = item, s.catalog.inventory.keys[i].manager == "AWS" { continue }
                if let k = key(s, item), !chosen.contains(k) { setSelectedRaw(&s, item, true) }
            }
        }
        syncKeys(&s, neededBefore: neededBefore)
        s.status = WizardStatus("\(allSelected ? "Cleared" : "Selected") \(items.count) item\(items.count == 1 ? "" : "s").")
    }

    /// ARNs and log-group names of everything chosen.
    static func chosenKeys(_ s: WizardState) -> Set<String> {
        var out = Set(s.spec.repositories.map(\.arn))
        out.formUnion(s.spec.logGroups.map(\.name))
        out.formUnion(s.spec.secrets.map(\.arn))
        out.formUnion(s.spec.parameters.map(\.arn))
        out.formUnion(s.spec.kmsKeys.map(\.arn))
        return out
    }

    /// The ARN (or log-group name) an inventory item is chosen under.
    static func key(_ s: WizardState, _ item: PickItem) -> String? {
        let inv = s.catalog.inventory
        switch item {
        case .repository(let i): return inv.repositories[i].arn
        case .logGroup(let i): return inv.logGroups[i].name
        case .secret(let i): return inv.secrets[i].arn
        case .parameter(let i): return inv.parameters[i].arn
        case .key(let i): return inv.keys[i].manager == "AWS" ? nil : inv.keys[i].arn
        default: return nil
        }
    }

    static func isSelected(_ s: WizardState, _ item: PickItem) -> Bool {
        let inv = s.catalog.inventory, spec = s.spec
        switch item {
        case .repository(let i): return spec.repositories.contains { $0.arn == inv.repositories[i].arn }
        case .customRepository(let a): return spec.repositories.contains { $0.arn == a }
        case .logGroup(let i): return spec.logGroups.contains { $0.name == inv.logGroups[i].name }
        case .customLogGroup(let n): return spec.logGroups.contains { $0.name == n }
        case .secret(let i): return spec.secrets.contains { $0.arn == inv.secrets[i].arn }
        case .customSecret(let a): return spec.secrets.contains { $0.arn == a }
        case .parameter(let i): return spec.parameters.contains { $0.arn == inv.parameters[i].arn }
        case .customParameter(let a): return spec.parameters.contains { $0.arn == a }
        case .key(let i): return spec.kmsKeys.contains { $0.arn == inv.keys[i].arn }
        case .customKey(let a): return spec.kmsKeys.contains { $0.arn == a }
        case .s3Object(let a): return spec.s3Objects.contains { $0.arn == a }
        case .field, .file: return false
        }
    }

    static func setSelected(_ s: inout WizardState, _ item: PickItem, _ on: Bool) {
        if case .key(let i) = item, s.catalog.inventory.keys[i].manager == "AWS" {
            s.status = WizardStatus("\(s.catalog.inventory.keys[i].aliases.first ?? "This key") is AWS managed: its key policy already lets the service decrypt for you; the role needs no kms:Decrypt for it.", .warning)
            return
        }
        let neededBefore = neededKeys(s)
        setSelectedRaw(&s, item, on)
        switch item {
        case .key(let i) where !on: s.choices.dismissedKeys.insert(s.catalog.inventory.keys[i].arn)
        case .customKey(let a) where !on: s.choices.dismissedKeys.insert(a)
        case .key(let i): s.choices.dismissedKeys.remove(s.catalog.inventory.keys[i].arn)
        default: break
        }
        syncKeys(&s, neededBefore: neededBefore)
    }

    /// Adds or removes the spec entry for an item, without touching keys.
    static func setSelectedRaw(_ s: inout WizardState, _ item: PickItem, _ on: Bool) {
        let inv = s.catalog.inventory
        switch item {
        case .repository(let i):
            let arn = inv.repositories[i].arn
            if on { s.spec.repositories.append(.init(arn: arn, pullThroughCache: isPullThrough(inv.repositories[i].name))) } else { s.spec.repositories.removeAll { $0.arn == arn } }
        case .customRepository(let a): if !on { s.spec.repositories.removeAll { $0.arn == a } }
        case .logGroup(let i):
            let name = inv.logGroups[i].name
            if on { s.spec.logGroups.append(.init(name: name, streamPrefix: "ecs")) } else { s.spec.logGroups.removeAll { $0.name == name } }
        case .customLogGroup(let n): if !on { s.spec.logGroups.removeAll { $0.name == n } }
        case .secret(let i):
            let sec = inv.secrets[i]
            if on { s.spec.secrets.append(.init(arn: sec.arn, env: envName(sec.name), use: "secrets")) } else { s.spec.secrets.removeAll { $0.arn == sec.arn } }
        case .customSecret(let a): if !on { s.spec.secrets.removeAll { $0.arn == a } }
        case .parameter(let i):
            let p = inv.parameters[i]
            if on { s.spec.parameters.append(.init(arn: p.arn, env: envName(p.name), use: "secrets")) } else { s.spec.parameters.removeAll { $0.arn == p.arn } }
        case .customParameter(let a): if !on { s.spec.parameters.removeAll { $0.arn == a } }
        case .key(let i):
            let k = inv.keys[i]
            if on, !s.spec.kmsKeys.contains(where: { $0.arn == k.arn }) { s.spec.kmsKeys.append(.init(arn: k.arn, alias: k.aliases.first)) }
            if !on { s.spec.kmsKeys.removeAll { $0.arn == k.arn } }
        case .customKey(let a): if !on { s.spec.kmsKeys.removeAll { $0.arn == a } }
        case .s3Object(let a): if !on { s.spec.s3Objects.removeAll { $0.arn == a } }
        case .field, .file: break
        }
    }

    static func isPullThrough(_ repo: String) -> Bool {
        repo.split(separator: "/").first.map { SpecBuilder.defaultPullThroughPrefixes.contains(String($0)) } ?? false
    }

    /// `prod/web/db-password` → `DB_PASSWORD`: a sensible default env var name.
    static func envName(_ name: String) -> String {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        return String(last.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    // MARK: keys

    /// Customer managed keys the chosen secrets and parameters are encrypted with, and through which services.
    static func neededKeys(_ s: WizardState) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        let c = s.catalog
        for sec in s.spec.secrets {
            let ref = sec.kmsKey ?? c.secretByARN[sec.arn].flatMap { c.inventory.secrets[$0].kmsKeyId }
            if let k = c.customerKeyARN(for: ref) { out[k, default: []].insert("secretsmanager") }
        }
        for p in s.spec.parameters {
            let ref = p.kmsKey ?? c.parameterByARN[p.arn].flatMap { c.inventory.parameters[$0].keyId }
            if let k = c.customerKeyARN(for: ref) { out[k, default: []].insert("ssm") }
        }
        return out
    }

    /// Adds the keys newly needed (unless dismissed), drops auto-added ones no longer needed, and
    /// sets every key's ViaService services from the toggle.
    static func syncKeys(_ s: inout WizardState, neededBefore: [String: Set<String>]) {
        let needed = neededKeys(s)
        for arn in neededBefore.keys where needed[arn] == nil { s.spec.kmsKeys.removeAll { $0.arn == arn } }
        for arn in needed.keys.sorted() where !s.spec.kmsKeys.contains(where: { $0.arn == arn }) && !s.choices.dismissedKeys.contains(arn) {
            s.spec.kmsKeys.append(.init(arn: arn, alias: s.catalog.alias(ofKey: arn)))
        }
        var fallback: [String] = []
        if !s.spec.secrets.isEmpty { fallback.append("secretsmanager") }
        if !s.spec.parameters.isEmpty { fallback.append("ssm") }
        for i in s.spec.kmsKeys.indices {
            let arn = s.spec.kmsKeys[i].arn
            s.spec.kmsKeys[i].via = s.choices.viaService ? (needed[arn].map { $0.sorted() } ?? fallback) : []
        }
    }

    // MARK: fields

    static func activateField(_ s: inout WizardState, _ f: WizardField) -> [WizardEffect] {
        switch f {
        case .partition:
            let all = Partition.allCases.map(\.rawValue)
            s.spec.partition = all[((all.firstIndex(of: s.spec.partition) ?? 0) + 1) % all.count]
        case .launchType:
            let all = ["FARGATE", "EC2", "EXTERNAL"]
            s.spec.launchType = all[((all.firstIndex(of: s.spec.launchType ?? "FARGATE") ?? 0) + 1) % all.count]
        case .format:
            let all = RoleOutput.Format.allCases
            s.choices.format = all[((all.firstIndex(of: s.choices.format) ?? 0) + 1) % all.count]
        case .source:
            let all = ChoiceSource.allCases
            let next = all[((all.firstIndex(of: s.source) ?? 0) + 1) % all.count]
            switch next {
            case .demo: return [.loadSource(.demo, path: nil)]
            case .live: return [.loadSource(.live, path: nil)]
            case .file, .taskdef, .spec:
                s.prompt = .init(title: "Load \(next.label)", hint: "Path of the \(next.label) (Esc: keep the current choices)", field: TextFieldState(), target: .sourcePath(next))
            }
        case .viaService:
            s.choices.viaService.toggle()
            syncKeys(&s, neededBefore: neededKeys(s))
        case .trustGuard: s.spec.trustGuard.toggle()
        case .guardDuty: s.spec.guardDutyAgent.toggle()
        case .name, .account, .region, .taskRole, .vpcEndpoints, .fireLensConfig, .outDir:
            s.prompt = .init(title: f.title, hint: f.help, field: TextFieldState(f.value(in: s) == "off" && f == .vpcEndpoints ? "" : f.value(in: s)), target: .field(f))
        case .addImage: s.prompt = .init(title: "Add image", hint: "ACCT.dkr.ecr.REGION.amazonaws.com/REPO[:tag] or arn:aws:ecr:...:repository/REPO", field: TextFieldState(), target: .addImage)
        case .addLogGroup: s.prompt = .init(title: "Log group name", hint: "e.g. /ecs/my-service", field: TextFieldState("/ecs/"), target: .addLogGroup)
        case .addSecret: s.prompt = .init(title: "Add secret", hint: "arn:aws:secretsmanager:REGION:ACCT:secret:NAME-AbC123", field: TextFieldState(), target: .addSecret)
        case .addParameter: s.prompt = .init(title: "Add SSM parameter", hint: "/app/prod/db-url or its ARN", field: TextFieldState(), target: .addParameter)
        case .addKey: s.prompt = .init(title: "Add KMS key", hint: "arn:aws:kms:REGION:ACCT:key/ID (an alias is resolved when the inventory knows it)", field: TextFieldState(), target: .addKey)
        case .addS3EnvFile: s.prompt = .init(title: "Add S3 environment file", hint: "arn:aws:s3:::bucket/app.env or s3://bucket/app.env", field: TextFieldState(), target: .addS3EnvFile)
        case .checkExisting:
            return [.readExisting(dir: s.choices.outDir, names: s.output.files.map(\.name))]
        case .write: return write(&s)
        case .saveSpec: return [.saveSpec(path: s.choices.outDir + "/" + OutputNames.specFile, contents: SpecCoding.text(s.spec))]
        }
        return []
    }

    // MARK: writing

    /// `w`: validate, then read what is in the directory, then write (asking before replacing).
    static func write(_ s: inout WizardState) -> [WizardEffect] {
        if let e = s.output.validationError {
            s.status = WizardStatus("Cannot write yet: \(e)", .error)
            return []
        }
        s.step = .review
        s.pendingWrite = true
        return [.readExisting(dir: s.choices.outDir, names: WizardOutput.items(for: s.choices).map(\.name))]
    }

    static func finishWrite(_ s: inout WizardState) -> [WizardEffect] {
        let items = WizardOutput.items(for: s.choices)
        let existing = s.existing ?? [:]
        let differing = items.filter { existing[$0.name] != nil && existing[$0.name] != $0.contents }.map(\.name)
        if !differing.isEmpty {
            s.dialog = .overwrite(differing)
            s.dialogButton = 1  // the safe answer is the default
            return []
        }
        if items.allSatisfy({ existing[$0.name] == $0.contents }) {
            s.status = WizardStatus("\(s.choices.outDir) is already up to date (\(items.count) files).", .success)
            s.written = true
            return []
        }
        // Files that exist are identical: replacing them changes nothing, so no question is needed.
        return [.writeFiles(dir: s.choices.outDir, items: items, overwrite: !existing.isEmpty)]
    }

    static func applySource(_ s: inout WizardState, _ load: WizardSourceLoad) {
        s.source = load.source
        s.sourcePath = load.path
        if let inv = load.inventory {
            s.inventoryReadAt = inv.generatedAt
            s.inventoryErrors = inv.errors
            s.catalog = WizardCatalog(inv)
            s.resetLists()
            s.filters[.images] = FuzzyFilter(index: s.catalog.repositories)
            s.filters[.logs] = FuzzyFilter(index: s.catalog.logGroups)
            s.filters[.secrets] = FuzzyFilter(index: s.catalog.secretsAndParameters)
            s.filters[.keys] = FuzzyFilter(index: s.catalog.keys)
        }
        if let spec = load.spec {
            s.spec = spec
        } else if let inv = load.inventory {
            s.spec.account = inv.account
            s.spec.region = inv.region
            s.spec.partition = inv.partition
        }
        s.status = WizardStatus("Choices from the \(load.source.label)\(load.path.map { " \($0)" } ?? "").", .success)
        if let inv = load.inventory, !inv.errors.isEmpty {
            let names = inv.errors.map(\.service).joined(separator: ", ")
            s.status = WizardStatus("Could not list \(names) (\(inv.errors[0].message)); the rest loaded — add those by ARN with +.", .warning)
        }
    }
}
