import GanDanCore

/// Failures of the storage layer that a caller can explain to a person.
public enum StorageError: Error, Sendable, CustomStringConvertible {
    /// The database cannot be opened: a bad URL, a folder that cannot be created, a server that does not answer.
    case unavailable(String)
    /// A record that should exist does not (or not on the date asked).
    case notFound(String)
    /// The change contradicts stored data (e.g. an edit dated before the version it replaces).
    case conflict(String)
    /// The same, told to the person in both languages: the page shows the sentence in its language.
    case refused(BilingualText)
    /// A stored value the code does not know (a status, a sex): the row is corrupt, never read with a default.
    case corrupt(table: String, column: String, value: String)

    public var description: String {
        switch self {
        case .unavailable(let message): return "the database is unavailable: \(message)"
        case .notFound(let message): return "not found: \(message)"
        case .conflict(let message): return "conflict: \(message)"
        case .refused(let text): return "conflict: \(text.en)"
        case .corrupt(let table, let column, let value):
            return "corrupt data: table \(table), column \(column) holds the unknown value \"\(value)\""
        }
    }

    /// A conflict told in both languages, Vietnamese first.
    public static func conflict(vi: String, en: String) -> StorageError { .refused(BilingualText(vi: vi, en: en)) }
}
