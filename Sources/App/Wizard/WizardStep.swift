/// The wizard's steps, in order. Every step can be skipped and reached from the step list.
public enum WizardStep: Int, CaseIterable, Sendable, Codable {
    case service, images, logs, secrets, keys, extras, review

    public var title: String {
        switch self {
        case .service: return "Service"
        case .images: return "Images"
        case .logs: return "Logs"
        case .secrets: return "Secrets"
        case .keys: return "Keys"
        case .extras: return "Extras"
        case .review: return "Review & write"
        }
    }

    /// The draft file's name for the step.
    public var slug: String { String(describing: self) }
    public init?(slug: String) { self.init(rawValue: Self.allCases.first { $0.slug == slug }?.rawValue ?? -1) }
}

/// Where the lists of choices come from.
public enum ChoiceSource: String, CaseIterable, Sendable {
    case demo, live, file, taskdef, spec

    public var label: String {
        switch self {
        case .demo: return "built-in demo account"
        case .live: return "live AWS account"
        case .file: return "inventory file"
        case .taskdef: return "task definition"
        case .spec: return "saved spec"
        }
    }
}

/// Which part of the left column has the keyboard.
public enum WizardFocus: Sendable, Equatable { case steps, picker }
