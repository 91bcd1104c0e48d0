import ExecRoleKit
import TUIKit

/// The right column: live preview of every output file and the findings.
extension WizardView {
    static func shortName(_ file: String) -> String {
        switch file {
        case OutputNames.policyFile: return "policy"
        case OutputNames.trustFile: return "trust"
        case OutputNames.terraformFile: return "terraform"
        case OutputNames.cloudFormationFile: return "cfn"
        case OutputNames.cliFile: return "cli"
        case OutputNames.taskdefFragmentFile: return "taskdef"
        case OutputNames.specFile: return "spec"
        default: return file
        }
    }

    static func language(_ name: String) -> CodeLanguage {
        if name.hasSuffix(".json") { return .json }
        if name.hasSuffix(".tf") { return .hcl }
        if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { return .yaml }
        return .plain
    }

    func preview(_ s: WizardState, _ r: Rect, _ buf: inout ScreenBuffer) {
        let files = s.output.files
        guard !files.isEmpty else { return }
        let idx = min(s.previewIndex, files.count - 1)
        let file = files[idx]
        let block = Block(title: file.name, rightTitle: s.output.changedLines[file.name].map { "\($0.count) changed" } ?? "", theme: theme)
        buf.render(block, in: r)
        let inner = block.inner(r)
        guard inner.height >= 3 else { return }
        buf.render(Tabs(titles: files.map { Self.shortName($0.name) }, selected: idx, theme: theme), in: inner.row(0))
        let isPolicy = file.name == OutputNames.policyFile
        let codeArea = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - (isPolicy ? 3 : 1))
        if s.showDiff, let old = s.existing?[file.name] {
            diff(old: old, new: file.contents, scroll: s.previewScroll, in: codeArea, &buf)
        } else {
            var markers: [Int: LineMarker] = [:]
            for n in s.output.changedLines[file.name] ?? [] { markers[n] = LineMarker(changed: true) }
            let lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // The focused item's line is highlighted (and scrolled to); otherwise show the first
            // changed line, unless the user scrolled themselves.
            let focusLine = Self.needle(for: s).flatMap { n in lines.firstIndex { $0.contains(n) } }
            let scroll = s.previewScroll > 0 ? s.previewScroll : max(0, (focusLine ?? markers.keys.min() ?? 0) - 2)
            buf.render(CodeView(lines: lines, language: Self.language(file.name), scroll: scroll, markers: markers,
                                highlightedLine: s.previewScroll > 0 ? nil : focusLine, theme: theme), in: codeArea)
        }
        if isPolicy {
            let y = inner.maxY - 2
            buf.render(SizeMeter(used: s.output.policySize, limit: WizardOutput.managedLimit, unit: "chars (managed)", theme: theme), in: Rect(x: inner.x, y: y, width: inner.width, height: 1))
            let inline = "inline limit \(SizeMeter.grouped(WizardOutput.inlineLimit)) | whitespace not counted"
            buf.put(inline, x: inner.x, y: y + 1, style: s.output.policySize > WizardOutput.inlineLimit ? theme.error : theme.dim, maxX: inner.maxX)
        }
    }

    /// Text that identifies the focused picker item in the generated files (an ARN or log-group name).
    static func needle(for s: WizardState) -> String? {
        guard let item = WizardPicker(s).item(s.list.cursor), WizardChoices.isSelected(s, item) else { return nil }
        let inv = s.catalog.inventory
        switch item {
        case .repository(let i): return inv.repositories[i].arn
        case .customRepository(let a), .customSecret(let a), .customParameter(let a), .customKey(let a), .s3Object(let a): return a
        case .logGroup(let i): return "log-group:\(inv.logGroups[i].name):"
        case .customLogGroup(let n): return "log-group:\(n):"
        case .secret(let i): return inv.secrets[i].arn
        case .parameter(let i): return inv.parameters[i].arn
        case .key(let i): return inv.keys[i].arn
        case .field, .file: return nil
        }
    }

    func diff(old: String, new: String, scroll: Int, in area: Rect, _ buf: inout ScreenBuffer) {
        let lines = LineDiff.diff(old: old, new: new)
        if !lines.contains(where: { if case .same = $0 { return false }; return true }) {
            buf.put("identical to the file on disk", x: area.x, y: area.y, style: theme.dim, maxX: area.maxX)
            return
        }
        let start = min(scroll, max(0, lines.count - area.height))
        for (r, line) in lines.dropFirst(start).prefix(area.height).enumerated() {
            let y = area.y + r
            switch line {
            case .same(let t): buf.put("  " + t, x: area.x, y: y, style: theme.dim, maxX: area.maxX)
            case .added(let t): buf.put("+ " + t, x: area.x, y: y, style: theme.success, maxX: area.maxX)
            case .removed(let t): buf.put("- " + t, x: area.x, y: y, style: theme.error, maxX: area.maxX)
            }
        }
    }

    func findings(_ s: WizardState, _ r: Rect, _ buf: inout ScreenBuffer) {
        let errors = s.findings.filter { $0.severity == .error }.count
        let warnings = s.findings.filter { $0.severity == .warning }.count
        let block = Block(title: "Findings", rightTitle: "\(errors) errors | \(warnings) warnings", theme: theme)
        buf.render(block, in: r)
        let inner = block.inner(r)
        if s.findings.isEmpty {
            buf.put("No findings.", x: inner.x, y: inner.y, style: theme.success, maxX: inner.maxX)
            return
        }
        for (i, f) in s.findings.prefix(inner.height).enumerated() {
            let y = inner.y + i
            let (mark, style): (String, Style) = f.severity == .error ? ("E ", theme.error) : f.severity == .warning ? ("W ", theme.warning) : ("i ", theme.info)
            let x = buf.put(mark, x: inner.x, y: y, style: style, maxX: inner.maxX)
            buf.put(f.message.truncated(toWidth: inner.maxX - x, ellipsis: theme.borders != .ascii), x: x, y: y, style: theme.text, maxX: inner.maxX)
        }
    }
}
