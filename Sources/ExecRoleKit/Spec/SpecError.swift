import IAMKit

/// Why an input could not be turned into a role: bad JSON, a wrong field, a value needed but unknown.
public struct ExecRoleError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// Position in the input file, when the problem sits at one.
    public var position: SourcePosition?
    /// The command-line flag that would supply a missing value (`--account`).
    public var flag: String?

    public init(_ message: String, at position: SourcePosition? = nil, flag: String? = nil) {
        self.message = message; self.position = position; self.flag = flag
    }

    /// `line:column: message` (the CLI prefixes the file).
    public var description: String {
        let where_ = position.map { "\($0.line):\($0.column): " } ?? ""
        return where_ + message
    }
}
