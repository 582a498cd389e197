/// One problem found in input, named by line and field so a person can fix the file or the form.
public struct InputIssue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 1-based line of the file (the header is line 1), when the input has lines.
    public var line: Int?
    /// The column, form field or JSON field at fault.
    public var field: String?
    /// The sentence in English, the interface's second language.
    public var message: String
    /// The same sentence in Vietnamese, the interface's first language; nil only for messages not yet
    /// translated, which pages then show in English.
    public var vietnamese: String?
    /// The file at fault, when the input is a folder of files (`gandan import district`).
    public var file: String?
    /// How much the problem weighs: an error refuses the input; a warning is recorded beside it and shown.
    public var severity: InputSeverity = .error
    /// The column at fault when `field` names a record (`unit 00001.03`) rather than a column, in the units and
    /// organisations files' words (`parent_code`): an import of such a file places the issue on its line and column.
    /// Not sent in answers, which name the record.
    public var column: String?

    /// A warning: the input stands, the problem is recorded and shown (a short meeting, a late step).
    public var isWarning: Bool { severity == .warning }

    /// An English-only problem; new code writes both languages with `init(line:field:vi:en:)`.
    @available(*, deprecated, message: "write the sentence in both languages: init(line:field:vi:en:)")
    public init(line: Int? = nil, field: String? = nil, message: String, file: String? = nil) {
        self.init(english: message, line: line, field: field, file: file)
    }

    init(english message: String, line: Int? = nil, field: String? = nil, file: String? = nil) {
        self.line = line
        self.field = field
        self.message = message
        self.file = file
    }

    /// A problem told in both interface languages: a plain sentence a secretary understands.
    public init(
        line: Int? = nil, field: String? = nil, vi: String, en: String, file: String? = nil,
        severity: InputSeverity = .error
    ) {
        self.init(english: en, line: line, field: field, file: file)
        self.vietnamese = vi
        self.severity = severity
    }

    /// A warning told in both languages: recorded beside the input, never refusing it.
    public static func warning(line: Int? = nil, field: String? = nil, vi: String, en: String) -> InputIssue {
        InputIssue(line: line, field: field, vi: vi, en: en, severity: .warning)
    }

    /// This issue, which names a record, at fault in that record's `column`.
    public func at(column: String) -> InputIssue {
        var issue = self
        issue.column = column
        return issue
    }

    /// This issue as a warning.
    public var asWarning: InputIssue {
        var issue = self
        issue.severity = .warning
        return issue
    }

    /// The sentence in the reader's language.
    public func message(in language: Language) -> String {
        language == .vi ? (vietnamese ?? message) : message
    }

    /// The issue as one line for a person: where it is (file, line, the field's `label` when given), then the
    /// sentence, in `language`.
    public func sentence(in language: Language, label: String? = nil) -> String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line { parts.append(language == .vi ? "dòng \(line)" : "line \(line)") }
        if let label { parts.append(label) }
        let text = message(in: language)
        return parts.isEmpty ? text : parts.joined(separator: ", ") + ": " + text
    }

    private enum CodingKeys: String, CodingKey {
        case line, field, message, vietnamese, file, severity
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        line = try container.decodeIfPresent(Int.self, forKey: .line)
        field = try container.decodeIfPresent(String.self, forKey: .field)
        message = try container.decode(String.self, forKey: .message)
        vietnamese = try container.decodeIfPresent(String.self, forKey: .vietnamese)
        file = try container.decodeIfPresent(String.self, forKey: .file)
        severity = try container.decodeIfPresent(InputSeverity.self, forKey: .severity) ?? .error
    }

    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line { parts.append("line \(line)") }
        if let field { parts.append(field) }
        return parts.isEmpty ? message : parts.joined(separator: ", ") + ": " + message
    }
}

/// How much an input problem weighs.
public enum InputSeverity: String, Sendable, Codable, Hashable {
    /// The input is refused until the problem is fixed.
    case error
    /// The input stands; the problem is recorded and shown (rules.md R8, R11: a breach to report, not hide).
    case warning
}

/// The one validation error of every layer: the input could not be read at all (malformed), or it was
/// read and some records or fields are invalid. Nothing was written in either case.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input cannot be read (not CSV, not JSON, a broken spreadsheet).
    case malformed(String)
    /// The input was read, and these records or fields are invalid.
    case invalid([InputIssue])

    /// One invalid field, the common case of a form.
    @available(*, deprecated, message: "write the sentence in both languages: invalid(field:line:vi:en:)")
    public static func invalid(field: String? = nil, line: Int? = nil, _ message: String) -> InputError {
        .invalid([InputIssue(english: message, line: line, field: field)])
    }

    /// One invalid field told in both languages.
    public static func invalid(field: String? = nil, line: Int? = nil, vi: String, en: String) -> InputError {
        .invalid([InputIssue(line: line, field: field, vi: vi, en: en)])
    }

    /// The problems to show a person; a malformed input has one, without a field.
    public var issues: [InputIssue] {
        switch self {
        case .malformed(let message): return [InputIssue(english: message)]
        case .invalid(let issues): return issues
        }
    }

    public var description: String {
        switch self {
        case .malformed(let message): return "cannot read the input: \(message)"
        case .invalid(let issues):
            return Self.listing(
                issues, heading: { "\($0) problem(s), nothing was written:" }, line: \.description,
                more: { "… and \($0) more" })
        }
    }

    /// How many problems a printed refusal shows before it says how many more there are.
    public static let shownProblems = 50

    /// Problems printed under a heading, one an indented line, the first `shownProblems` of them, then how many
    /// more: every printed refusal has this shape; the closures say it in the reader's language(s).
    public static func listing(
        _ issues: [InputIssue], heading: (Int) -> String, line: (InputIssue) -> String, more: (Int) -> String
    ) -> String {
        let shown = issues.prefix(shownProblems).map { "  " + line($0) }.joined(separator: "\n")
        let rest = issues.count - shownProblems
        return heading(issues.count) + "\n" + shown + (rest > 0 ? "\n  " + more(rest) : "")
    }
}
