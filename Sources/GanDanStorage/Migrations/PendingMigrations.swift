import FluentKit
import SQLKit

extension GanDanMigrations {
    /// The names of the migrations `StorageContext.migrate()` would apply to `db`, in order. Only reads: a database
    /// without Fluent's migration log (a new one) has every migration pending, and nothing is created.
    public static func pending(on db: any Database) async throws -> [String] {
        let applied = Set(try await appliedNames(db))
        return all.map(\.name).filter { !applied.contains($0) }
    }

    /// The names in `_fluent_migrations`, or none when the table does not exist yet; other errors are thrown.
    static func appliedNames(_ db: any Database) async throws -> [String] {
        guard let sql = db as? any SQLDatabase else {
            throw StorageError.unavailable("the database does not speak SQL")
        }
        let exists: SQLQueryString =
            sql.dialect.name == "postgresql"
            ? "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '_fluent_migrations'"
            : "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '_fluent_migrations'"
        guard try await sql.raw(exists).first()?.decode(column: "n", as: Int.self) ?? 0 > 0 else { return [] }
        return try await sql.raw("SELECT name FROM _fluent_migrations").all()
            .map { try $0.decode(column: "name", as: String.self) }
    }
}
