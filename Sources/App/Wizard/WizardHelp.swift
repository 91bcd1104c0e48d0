import TUIKit

/// The searchable `?` screen (menuconfig-style): every setting and key, filtered as you type;
/// Enter on a setting jumps to it.
public enum WizardHelp {
    /// One searchable entry.
    public struct Entry: Equatable, Sendable {
        public var title: String
        public var text: String
        /// The setting it jumps to (nil for keys).
        public var field: WizardField?
        public var step: WizardStep?
    }

    /// Settings first (they are what people search for), then keys.
    public static let entries: [Entry] = {
        var out = WizardField.allCases.map { Entry(title: "\($0.step.title) > \($0.title)", text: $0.help, field: $0, step: $0.step) }
        out += WizardStep.allCases.map { Entry(title: "Step \($0.rawValue + 1): \($0.title)", text: stepHelp($0), field: nil, step: $0) }
        out += WizardKeys.globalMap.bindings.filter { !$0.detail.isEmpty }.map {
            Entry(title: "Key \($0.keyLabel)", text: $0.detail, field: nil, step: nil)
        }
        return out
    }()

    static func stepHelp(_ step: WizardStep) -> String {
        switch step {
        case .service: return "Name, account, region, partition, launch type and where the pick lists come from."
        case .images: return "ECR repositories the agent pulls from. / filters, space ticks, a ticks all shown, p marks a pull-through cache, + adds an image of another account or region."
        case .logs: return "awslogs log groups. c toggles awslogs-create-group, s sets the stream prefix, + names a group that does not exist yet."
        case .secrets: return "Secrets Manager secrets and SSM parameters injected as env vars. J JSON key, v version stage, e env var name."
        case .keys: return "Customer managed KMS keys that encrypt the chosen secrets (suggested automatically). The policy names key ARNs, not aliases."
        case .extras: return "S3 environment files, FireLens config, trust-policy guard, VPC-endpoint-only conditions, GuardDuty sidecar."
        case .review: return "Formats, directory, preview of every file, diff against what is there, write."
        }
    }

    /// Entries matching `query` (every word must appear in the title or text, case-insensitively).
    public static func search(_ query: String) -> [Entry] {
        let words = query.lowercased().split(separator: " ")
        guard !words.isEmpty else { return entries }
        return entries.filter { e in
            let hay = (e.title + " " + e.text).lowercased()
            return words.allSatisfy { hay.contains($0) }
        }
    }

    /// Goes to an entry's step and puts the cursor on its setting.
    static func jump(_ s: inout WizardState, to e: Entry) -> [WizardEffect] {
        guard let step = e.step else { return [] }
        let effects = WizardReducer.goTo(&s, step, focus: .picker)
        if let f = e.field, let row = WizardPicker(s).head.firstIndex(of: .field(f)) {
            s.list.jump(to: row, count: WizardPicker(s).count, height: WizardLayout(s.size).pickerViewport)
        }
        return effects
    }
}
