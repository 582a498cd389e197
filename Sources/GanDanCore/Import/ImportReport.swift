/// The outcome of checking (and perhaps writing) an import: counts, every error with its line and field, and
/// the possible duplicates that must be confirmed before anything is written.
public struct ImportReport: Sendable, Hashable, Codable {
    public var kind: ImportKind
    /// Data rows in the file (empty rows not counted).
    public var rows: Int
    /// Rows without errors.
    public var valid: Int
    /// Problems that stop the import, ordered by line.
    public var errors: [InputIssue]
    /// Possible duplicates (same folded name and birth date, or same household head in a village); the import
    /// writes only when they are confirmed.
    public var duplicates: [InputIssue]
    /// Whether the rows were written (false on a dry run or when anything stopped the import).
    public var written: Bool

    public init(
        kind: ImportKind, rows: Int, valid: Int, errors: [InputIssue], duplicates: [InputIssue], written: Bool
    ) {
        self.kind = kind
        self.rows = rows
        self.valid = valid
        self.errors = errors
        self.duplicates = duplicates
        self.written = written
    }

    /// Whether the import may be written: no errors, and no duplicates unless they are confirmed.
    public func mayWrite(confirmingDuplicates: Bool) -> Bool {
        errors.isEmpty && (duplicates.isEmpty || confirmingDuplicates)
    }

    /// Errors then duplicates, each tagged, ordered by line: what "download errors" lists.
    public var allIssues: [(severity: String, issue: InputIssue)] {
        let tagged =
            errors.map { (severity: "error", issue: $0) } + duplicates.map { (severity: "duplicate", issue: $0) }
        return tagged.enumerated().sorted {
            ($0.element.issue.line ?? 0, $0.offset) < ($1.element.issue.line ?? 0, $1.offset)
        }.map(\.element)
    }
}
