import ExecRoleKit
import IAMKit
import TUIKit

/// Builds one picker row on demand (only visible rows are ever built).
struct WizardRows {
    let state: WizardState
    let picker: WizardPicker
    let query: FuzzyMatcher.Query
    let theme: Theme
    /// Files the chosen format writes (review rows only; computed once per frame).
    let writtenNames: Set<String>

    init(state: WizardState, picker: WizardPicker, query: FuzzyMatcher.Query, theme: Theme) {
        self.state = state; self.picker = picker; self.query = query; self.theme = theme
        writtenNames = state.step == .review ? Set(RoleOutput.files(for: state.spec, format: state.choices.format).map(\.name)) : []
    }

    var checked: String { theme.borders == .ascii ? "[x] " : "[✓] " }

    func box(_ on: Bool) -> Span { Span(on ? checked : "[ ] ", style: on ? theme.selectedMark : theme.dim) }

    func row(_ i: Int) -> ListRow {
        guard let item = picker.item(i) else { return ListRow(id: i, text: "") }
        let s = state, inv = s.catalog.inventory
        let on = WizardChoices.isSelected(s, item)
        func hl(_ text: String) -> [Int] { query.isEmpty ? [] : FuzzyMatcher.matchedCharacterOffsets(query, in: text) }
        switch item {
        case .field(let f):
            switch f.kind {
            case .toggle:
                let v = f.value(in: s) == "on"
                return ListRow(id: i, text: f.title, prefix: box(v))
            case .text, .cycle:
                let v = f.value(in: s)
                return ListRow(id: i, text: "\(f.title): \(v.isEmpty ? "-" : v)", prefix: Span("    "), style: theme.text)
            case .button:
                return ListRow(id: i, text: f.title, prefix: Span("    "), style: f == .write ? theme.key : theme.info)
            }
        case .repository(let r):
            let repo = inv.repositories[r]
            let spec = s.spec.repositories.first { $0.arn == repo.arn }
            var tags = repo.encryptionType == "KMS" ? "  KMS" : ""
            if spec?.pullThroughCache == true { tags += "  pull-through" }
            if spec?.createOnPull == true { tags += "+create" }
            return ListRow(id: i, text: repo.name + tags, highlights: hl(repo.name), prefix: box(on))
        case .customRepository(let a):
            let arn = ARN(a)
            let spec = s.spec.repositories.first { $0.arn == a }
            let tag = (spec?.pullThroughCache == true ? "  pull-through" : "") + "  (\(arn?.account ?? "?") \(arn?.region ?? "?"))"
            return ListRow(id: i, text: (arn?.resourceName ?? a) + tag, prefix: box(on), style: theme.key)
        case .logGroup(let g):
            let name = inv.logGroups[g].name
            return ListRow(id: i, text: name + logTags(name), highlights: hl(name), prefix: box(on))
        case .customLogGroup(let n):
            return ListRow(id: i, text: n + logTags(n) + "  (added)", prefix: box(on), style: theme.key)
        case .secret(let x):
            let sec = inv.secrets[x]
            return ListRow(id: i, text: sec.name + secretTags(sec.arn, keyRef: sec.kmsKeyId), highlights: hl(sec.name), prefix: box(on))
        case .customSecret(let a):
            return ListRow(id: i, text: (ARN(a)?.resourceName ?? a) + secretTags(a, keyRef: nil) + "  (added)", prefix: box(on), style: theme.key)
        case .parameter(let x):
            let p = inv.parameters[x]
            let name = p.name
            var tags = "  ssm \(p.type)"
            if let k = s.catalog.customerKeyARN(for: p.keyId) { tags += "  key \(s.catalog.alias(ofKey: k) ?? "CMK")" }
            if let env = s.spec.parameters.first(where: { $0.arn == p.arn })?.env { tags += "  env \(env)" }
            // Highlights index the displayed name; the list's filter saw the same name.
            return ListRow(id: i, text: name + tags, highlights: hl(name), prefix: box(on))
        case .customParameter(let a):
            return ListRow(id: i, text: (ARN(a)?.resource ?? a) + "  ssm (added)", prefix: box(on), style: theme.key)
        case .key(let k):
            let key = inv.keys[k]
            let aliases = key.aliases.isEmpty ? "(no alias)" : key.aliases.joined(separator: ", ")
            let users = WizardChoices.neededKeys(s)[key.arn]
            var tags = key.manager == "AWS" ? "  AWS managed" : ""
            if let users { tags += "  suggested (\(users.sorted().joined(separator: "+")))" }
            // The filter indexed "ALIASES  KEYID"; the tags go between, so shift the key id's highlights.
            let shift = tags.count
            let marks = hl(aliases + "  " + key.keyId).map { $0 < aliases.count ? $0 : $0 + shift }
            return ListRow(id: i, text: aliases + tags + "  " + key.keyId, highlights: marks, prefix: box(on), style: key.manager == "AWS" ? theme.dim : theme.text)
        case .customKey(let a):
            return ListRow(id: i, text: a + "  (added)", prefix: box(on), style: theme.key)
        case .s3Object(let a):
            return ListRow(id: i, text: a + "  environment file", prefix: box(on), style: theme.key)
        case .file(let f):
            let file = s.output.files[f]
            var mark = "    "
            var st = theme.text
            if let ex = s.existing {
                if ex[file.name] == nil { mark = "new "; st = theme.success } else if ex[file.name] == file.contents { mark = " =  "; st = theme.dim } else { mark = "chg "; st = theme.warning }
            }
            let written = writtenNames.contains(file.name)
            return ListRow(id: i, text: file.name + (written ? "" : "  (not in this format)") + (f == s.previewIndex ? "  <- preview" : ""),
                           prefix: Span(mark, style: st), style: written ? theme.text : theme.dim)
        }
    }

    func logTags(_ name: String) -> String {
        guard let g = state.spec.logGroups.first(where: { $0.name == name }) else { return "" }
        return (g.createGroup ? "  create-group" : "") + (g.streamPrefix.map { "  prefix \($0)" } ?? "")
    }

    func secretTags(_ arn: String, keyRef: String?) -> String {
        var tags = ""
        if let k = state.catalog.customerKeyARN(for: keyRef) { tags += "  key \(state.catalog.alias(ofKey: k) ?? "CMK")" }
        if let sec = state.spec.secrets.first(where: { $0.arn == arn }) {
            if let e = sec.env { tags += "  env \(e)" }
            if let j = sec.jsonKey { tags += "  json:\(j)" }
            if let v = sec.versionStage { tags += "  @\(v)" }
        }
        return tags
    }
}
