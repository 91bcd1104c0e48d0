import ExecRoleKit
import TUIKit

/// Everything the wizard knows; the reducer's only input besides the action.
///
/// The user's choices live in `choices` (a `RoleSpec` plus output settings): that is what undo
/// restores, what the draft file holds and what every file is generated from. The rest is view
/// state (cursors, filters, open dialogs) and derived output, recomputed when the choices change.
public struct WizardState: Sendable {
    /// The user's choices: the part undo/redo, the draft and the written files depend on.
    public struct Choices: Equatable, Sendable {
        public var spec: RoleSpec
        public var outDir: String = "./ecsrole-out"
        public var format: RoleOutput.Format = .all
        /// Add `kms:ViaService` to key grants (decrypt only through Secrets Manager / SSM).
        public var viaService: Bool = true
        /// Keys the user unticked although a chosen secret uses them (so they are not re-suggested).
        public var dismissedKeys: Set<String> = []
        public init(spec: RoleSpec) { self.spec = spec }
    }

    /// A one-line text prompt and what its value is for.
    public struct Prompt: Sendable {
        public var title: String
        public var hint: String
        public var field: TextFieldState
        public var target: PromptTarget
    }

    /// A dialog that must be answered before anything else.
    public enum Dialog: Sendable, Equatable {
        /// A draft from an earlier session was found.
        case resume(WizardDraft)
        /// Files in the output directory differ: overwrite them?
        case overwrite([String])
        public static func == (a: Dialog, b: Dialog) -> Bool {
            switch (a, b) {
            case (.resume(let x), .resume(let y)): return x.text == y.text
            case (.overwrite(let x), .overwrite(let y)): return x == y
            default: return false
            }
        }
    }

    /// The searchable `?` screen.
    public struct Help: Sendable {
        public var field = TextFieldState()
        public var cursor = 0
    }

    public var choices: Choices
    public var spec: RoleSpec {
        get { choices.spec }
        set { choices.spec = newValue }
    }
    public var catalog: WizardCatalog
    public var source: ChoiceSource
    /// Path of the inventory/task definition/spec the choices came from, when any.
    public var sourcePath: String?
    public var step: WizardStep = .service
    public var focus: WizardFocus = .picker
    public var size: Size
    /// Cursor and scroll of each step's picker.
    public var lists: [WizardStep: ListState] = [:]
    /// The fuzzy filter of each step that lists inventory items.
    public var filters: [WizardStep: FuzzyFilter] = [:]
    /// The filter line being edited (its text is the current step's query).
    public var filterField: TextFieldState?
    public var prompt: Prompt?
    public var dialog: Dialog?
    public var dialogButton = 0
    public var help: Help?
    /// Which output document the right pane shows (index into `output.files`).
    public var previewIndex = 0
    public var previewScroll = 0
    /// Show the review diff against files already in the output directory.
    public var showDiff = false
    public var output = WizardOutput()
    public var findings: [WizardFinding] = []
    /// Computes `findings`; the lead swaps in the lint engine here.
    public var findingsSource: any WizardFindingsSource = LintFindings()
    /// Contents of files already in `outDir` (nil = not read yet); keyed by file name.
    public var existing: [String: String]?
    public var status: WizardStatus?
    /// What is being read right now (shown as a progress indicator); nil when idle.
    public var loading: String?
    /// When the current pick lists were read (the inventory's `generatedAt`), shown as their age.
    public var inventoryReadAt: String?
    /// Services the inventory could not list (AccessDenied, endpoint down): manual entry still works.
    public var inventoryErrors: [Inventory.ServiceError] = []
    public var undoStack: [Choices] = []
    public var redoStack: [Choices] = []
    /// Where the draft is autosaved (nil: no autosave, e.g. in tests that do not want it).
    public var draftPath: String?
    /// Written successfully at least once in this session.
    public var written = false
    /// Remember to write after the existing files have been read.
    public var pendingWrite = false

    public init(spec: RoleSpec, catalog: WizardCatalog, source: ChoiceSource, size: Size = Size(width: 120, height: 40)) {
        self.choices = Choices(spec: spec)
        self.catalog = catalog
        self.source = source
        self.size = size
        resetLists()
        filters[.images] = FuzzyFilter(index: catalog.repositories)
        filters[.logs] = FuzzyFilter(index: catalog.logGroups)
        filters[.secrets] = FuzzyFilter(index: catalog.secretsAndParameters)
        filters[.keys] = FuzzyFilter(index: catalog.keys)
    }

    /// A fresh wizard on an inventory: the spec takes the inventory's account, region and partition.
    public static func start(inventory: Inventory, size: Size = Size(width: 120, height: 40)) -> WizardState {
        var spec = RoleSpec(name: "my-service-execution-role", partition: inventory.partition, account: inventory.account, region: inventory.region)
        spec.launchType = "FARGATE"
        let source = ChoiceSource(rawValue: inventory.source) ?? .file
        var s = WizardState(spec: spec, catalog: WizardCatalog(inventory), source: source, size: size)
        s.refreshOutput(previous: nil)
        return s
    }

    /// Puts each list's cursor on its first inventory item (below the fixed rows), where space ticks.
    public mutating func resetLists() {
        for step in WizardStep.allCases {
            lists[step] = ListState(cursor: [.images, .logs, .secrets, .keys].contains(step) ? WizardField.fields(of: step).count : 0)
        }
    }

    /// The current step's list state.
    public var list: ListState {
        get { lists[step] ?? ListState() }
        set { lists[step] = newValue }
    }

    public var isDemo: Bool { source == .demo }
}

/// A message on the status line.
public struct WizardStatus: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case info, success, warning, error }
    public var text: String
    public var kind: Kind
    public init(_ text: String, _ kind: Kind = .info) { self.text = text; self.kind = kind }
}

/// What a prompt's text becomes.
public enum PromptTarget: Sendable, Equatable {
    case field(WizardField)
    case addImage, addLogGroup, streamPrefix(String), addSecret, addParameter
    case secretJSONKey(String), secretVersionStage(String), secretEnv(String), parameterEnv(String)
    case addKey, addS3EnvFile, sourcePath(ChoiceSource)
}
