import IAMKit

extension JSONReportFormatter {
    /// The counts the summary and the exit code need, added up file by file (so a report written
    /// while linting need not keep its findings).
    public struct Tally: Sendable {
        public private(set) var files = 0
        public private(set) var findings = 0
        public private(set) var unreadable = 0
        /// Findings per severity, indexed by `Severity.tallyIndex`.
        var bySeverity = [Int](repeating: 0, count: Severity.allCases.count)

        public init() {}

        public mutating func add(_ file: LintReport.File) {
            files += 1
            findings += file.items.count
            if file.error != nil { unreadable += 1 }
            for item in file.items { bySeverity[item.finding.severity.tallyIndex] += 1 }
        }

        mutating func add(_ other: Tally) {
            files += other.files
            findings += other.findings
            unreadable += other.unreadable
            for i in bySeverity.indices { bySeverity[i] += other.bySeverity[i] }
        }

        /// `LintReport.exitCode(failOn:)` for the files added: 2 when one was unreadable, else 1 when
        /// a finding reaches `failOn`, else 0.
        public func exitCode(failOn: Severity) -> Int32 {
            if unreadable > 0 { return 2 }
            return Severity.allCases.contains { $0 >= failOn && bySeverity[$0.tallyIndex] > 0 } ? 1 : 0
        }
    }
}

extension Severity {
    /// 0 for info up to 4 for critical.
    var tallyIndex: Int {
        switch self {
        case .info: return 0
        case .low: return 1
        case .medium: return 2
        case .high: return 3
        case .critical: return 4
        }
    }
}
