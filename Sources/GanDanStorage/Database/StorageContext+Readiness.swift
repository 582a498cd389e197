import FluentKit
import GanDanCore
import SQLKit

/// Whether the database can serve: it answers a query and has every migration this program needs (issue 24).
public enum StorageReadiness: Sendable, Equatable {
    case ready
    /// The query failed; the detail (passwords hidden) is for the log, not for the answer.
    case unreachable(detail: String)
    /// These migrations have not run.
    case migrationsPending([String])

    /// The reason in plain words, for the answer of `/health/ready` (no internals).
    public var reason: String {
        switch self {
        case .ready: return "ready"
        case .unreachable: return "the database does not answer"
        case .migrationsPending(let names):
            return "\(names.count) database migration(s) pending (\(names.joined(separator: ", "))): run gandan migrate"
        }
    }
}

extension StorageContext {
    /// Asks the database a trivial query, then checks its migrations.
    public func readiness() async -> StorageReadiness {
        guard let sql = db as? any SQLDatabase else { return .unreachable(detail: "not an SQL database") }
        do {
            _ = try await sql.raw("SELECT 1 AS ready").first()
        } catch {
            return .unreachable(detail: SecretRedaction.redact(String(reflecting: error)))
        }
        do {
            let pending = try await pendingMigrations()
            return pending.isEmpty ? .ready : .migrationsPending(pending)
        } catch {
            return .unreachable(detail: SecretRedaction.redact(String(reflecting: error)))
        }
    }
}

/// `serve` without `--migrate` on a database that lacks migrations: it names them and the command that runs them.
public struct PendingMigrationsError: Error, Sendable, CustomStringConvertible {
    public var location: DatabaseLocation
    public var names: [String]

    public init(location: DatabaseLocation, names: [String]) {
        self.location = location
        self.names = names
    }

    public var description: String {
        let what =
            names.count == GanDanMigrations.all.count
            ? "\(location) has no GanDan schema yet (\(names.count) migrations to run)"
            : "\(location) needs \(names.count) migration(s) before it can serve: \(names.joined(separator: ", "))"
        return "\(what). Back the database up (gandan backup), then run `gandan migrate` with the same settings, or "
            + "start with `gandan serve --migrate`. Nothing was changed."
    }
}
