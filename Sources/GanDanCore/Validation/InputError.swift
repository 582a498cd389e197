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

    public init(line: Int? = nil, field: String? = nil, message: String, file: String? = nil) {
        self.line = line
        self.field = field
        self.message = message
        self.file = file
    }

    /// A problem told in both interface languages: a plain sentence a secretary understands.
    public init(line: Int? = nil, field: String? = nil, vi: String, en: String, file: String? = nil) {
        self.init(line: line, field: field, message: en, file: file)
        self.vietnamese = vi
    }

    /// The sentence in the reader's language.
    public func message(in language: Language) -> String {
        language == .vi ? (vietnamese ?? message) : message
    }

    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line { parts.append("line \(line)") }
        if let field { parts.append(field) }
        return parts.isEmpty ? message : parts.joined(separator: ", ") + ": " + message
    }
}

/// The one validation error of every layer: the input could not be read at all (malformed), or it was
/// read and some records or fields are invalid. Nothing was written in either case.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input cannot be read (not CSV, not JSON, a broken spreadsheet).
    case malformed(String)
    /// The input was read, and these records or fields are invalid.
    case invalid([InputIssue])

    /// One invalid field, the common case of a form.
    public static func invalid(field: String? = nil, line: Int? = nil, _ message: String) -> InputError {
        .invalid([InputIssue(line: line, field: field, message: message)])
    }

    /// One invalid field told in both languages.
    public static func invalid(field: String? = nil, line: Int? = nil, vi: String, en: String) -> InputError {
        .invalid([InputIssue(line: line, field: field, vi: vi, en: en)])
    }

    /// The problems to show a person; a malformed input has one, without a field.
    public var issues: [InputIssue] {
        switch self {
        case .malformed(let message): return [InputIssue(message: message)]
        case .invalid(let issues): return issues
        }
    }

    public var description: String {
        switch self {
        case .malformed(let message): return "cannot read the input: \(message)"
        case .invalid(let issues):
            let shown = issues.prefix(50).map { "  " + $0.description }.joined(separator: "\n")
            let more = issues.count > 50 ? "\n  … and \(issues.count - 50) more" : ""
            return "\(issues.count) problem(s), nothing was written:\n\(shown)\(more)"
        }
    }
}
