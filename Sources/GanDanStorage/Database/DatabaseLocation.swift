import Foundation
import GanDanCore

/// Where the data lives: an SQLite file (the default) or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// Reads `--database`: a `postgres://` (or `postgresql://`) URL, else an SQLite file path.
    public init(argument: String) {
        let lowered = argument.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres+") {
            self = .postgres(url: argument)
        } else {
            self = .sqlite(path: argument)
        }
    }

    /// The explicit argument, else `DATABASE_URL`, else `file` in the data folder (`GANDAN_DATA_DIR`, default
    /// `./data`). The environment is given by the caller (`Settings.load` reads it once).
    public static func resolve(argument: String?, environment: [String: String], file: String = "gandan.sqlite")
        -> DatabaseLocation
    {
        if let argument, !argument.isEmpty { return DatabaseLocation(argument: argument) }
        if let url = environment["DATABASE_URL"], !url.isEmpty { return DatabaseLocation(argument: url) }
        let folder = environment["GANDAN_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "data"
        return .sqlite(path: (folder as NSString).appendingPathComponent(file))
    }

    /// `sqlite` or `postgres`.
    public var engine: String {
        switch self {
        case .sqlite: return "sqlite"
        case .postgres: return "postgres"
        }
    }

    /// For logs and messages: the SQLite path, or the PostgreSQL URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite \(path)"
        case .postgres(let url): return "PostgreSQL \(SecretRedaction.redact(url))"
        }
    }
}
