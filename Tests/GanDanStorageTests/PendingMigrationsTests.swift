import FluentKit
import Foundation
import GanDanStorage
import GanDanTesting
import SQLKit
import Testing

@Suite("An operator sees the pending migrations before an upgrade applies them (issue 24)")
struct PendingMigrationsTests {
    /// Opens `location` without migrating, runs `body`, closes it.
    func opened<T: Sendable>(_ location: DatabaseLocation, _ body: (StorageContext) async throws -> T) async throws -> T
    {
        let context = try StorageContext(location: location)
        do {
            let result = try await body(context)
            await context.shutdown()
            return result
        } catch {
            await context.shutdown()
            throw error
        }
    }

    func tables(_ db: any Database) async throws -> [String] {
        let sql = try #require(db as? any SQLDatabase)
        let query: SQLQueryString =
            sql.dialect.name == "postgresql"
            ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type = 'table'"
        return try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }
    }

    @Test(
        "a new database has every migration pending, in order, and listing them creates nothing",
        arguments: TestDatabase.all)
    func newDatabase(database: TestDatabase) async throws {
        try await database.withLocation { location in
            try await opened(location) { context in
                let pending = try await GanDanMigrations.pending(on: context.db)
                #expect(pending == GanDanMigrations.all.map(\.name))
                #expect(try await tables(context.db).isEmpty)
            }
        }
    }

    @Test("after an upgrade only the migrations the database lacks are listed", arguments: TestDatabase.all)
    func partlyMigrated(database: TestDatabase) async throws {
        try await database.withLocation { location in
            try await opened(location) { context in
                try await context.migrate()
                #expect(try await GanDanMigrations.pending(on: context.db).isEmpty)
                // The database of an older GanDan: the newest migration's entry is not in its log yet.
                let newest = try #require(GanDanMigrations.all.last).name
                let sql = try #require(context.db as? any SQLDatabase)
                try await sql.raw("DELETE FROM _fluent_migrations WHERE name = \(bind: newest)").run()
                #expect(try await GanDanMigrations.pending(on: context.db) == [newest])
            }
        }
    }
}

@Suite("A migrated SQLite database uses the write-ahead log, so reads do not wait for an import's commit (issue 24)")
struct WriteAheadLogTests {
    @Test("migrate puts a new SQLite file in WAL mode, and the mode stays in the file")
    func walAfterMigrate() async throws {
        try await TestDatabase.sqlite.withLocation { location in
            let first = try StorageContext(location: location)
            try await first.migrate()
            await first.shutdown()
            // A later process that does not migrate (a read-only command) finds the mode in the file.
            let second = try StorageContext(location: location)
            let sql = try #require(second.db as? any SQLDatabase)
            let mode = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            await second.shutdown()
            #expect(mode == "wal")
        }
    }

    @Test("a restored SQLite backup is in WAL mode again (VACUUM INTO writes its copy in the rollback journal)")
    func walAfterRestore() async throws {
        try await TestDatabase.sqlite.withLocation { source in
            try await BackupTests.seed(source)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gandan-backup-\(UUID())").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            _ = try await DatabaseBackup.backup(source, to: folder)
            try await TestDatabase.sqlite.withLocation { target in
                try await DatabaseBackup.restore(target, from: folder, replace: false)
                #expect(try await Self.journalMode(target) == "wal")
            }
        }
    }

    /// The journal mode a new connection finds in the file.
    static func journalMode(_ location: DatabaseLocation) async throws -> String? {
        let context = try StorageContext(location: location)
        let sql = try #require(context.db as? any SQLDatabase)
        let mode = try? await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
        await context.shutdown()
        return mode
    }
}
