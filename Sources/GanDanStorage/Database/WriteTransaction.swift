import FluentKit
import SQLKit

extension Database {
    /// A transaction that writes. On SQLite its first statement takes the database's write lock, so two requests
    /// that both read and then write queue behind each other (SQLite's busy handler waits) instead of one of
    /// them failing with "database is locked" when it upgrades its read lock. PostgreSQL needs nothing extra.
    /// An outermost write's wait for its connection and lock is counted in `StorageTimings` (issue 24).
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T)
        async throws -> T
    {
        let clock = ContinuousClock()
        let asked = clock.now
        let outermost = !inTransaction
        return try await transaction { db in
            if let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" {
                // A write that changes nothing still takes the RESERVED lock, before this transaction reads.
                try await sql.raw("UPDATE _fluent_migrations SET batch = batch WHERE 0").run()
            }
            if outermost { StorageTimings.shared.record(.writeWait, clock.now - asked) }
            return try await body(db)
        }
    }
}
