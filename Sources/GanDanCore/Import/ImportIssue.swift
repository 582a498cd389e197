/// One problem found in input, named by line and field so a person can fix the file.
public struct ImportIssue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 1-based line of the file (the header is line 1), when the input has lines.
    public var line: Int?
    /// The column or JSON field at fault.
    public var field: String?
    public var message: String

    public init(line: Int? = nil, field: String? = nil, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var parts: [String] = []
        if let line { parts.append("line \(line)") }
        if let field { parts.append(field) }
        return parts.isEmpty ? message : parts.joined(separator: ", ") + ": " + message
    }
}

/// Why an import wrote nothing: the input could not be read, or some records are invalid.
public enum ImportError: Error, Sendable, CustomStringConvertible {
    case unreadable(String)
    case invalid([ImportIssue])

    public var issues: [ImportIssue] {
        switch self {
        case .unreadable(let message): return [ImportIssue(message: message)]
        case .invalid(let issues): return issues
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let message): return "cannot read the input: \(message)"
        case .invalid(let issues):
            let shown = issues.prefix(50).map { "  " + $0.description }.joined(separator: "\n")
            let more = issues.count > 50 ? "\n  … and \(issues.count - 50) more" : ""
            return "\(issues.count) problem(s), nothing was written:\n\(shown)\(more)"
        }
    }
}
