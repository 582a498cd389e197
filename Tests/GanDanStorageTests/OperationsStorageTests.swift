import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import SQLKit
import Testing

@testable import GanDanStorage

@Suite("Readiness, database timings and the PostgreSQL tools' password (issue 24)")
struct OperationsStorageTests {
    @Test("a URL's password is taken out of it for a child process, from user:password@ or password=")
    func connectionSplit() {
        #expect(
            PostgresTools.connection("postgres://gandan:s%40cret@db:5432/gandan?sslmode=require")
                == .init(url: "postgres://gandan@db:5432/gandan?sslmode=require", password: "s@cret"))
        #expect(
            PostgresTools.connection("postgresql://gandan@db/gandan?password=x%26y&sslmode=disable")
                == .init(url: "postgresql://gandan@db/gandan?sslmode=disable", password: "x&y"))
        #expect(
            PostgresTools.connection("postgres://gandan@db/gandan")
                == .init(url: "postgres://gandan@db/gandan", password: nil))
    }

    @Test("readiness: no schema, every migration, then one missing", arguments: TestDatabase.all)
    func readiness(database: TestDatabase) async throws {
        try await database.withLocation { location in
            let context = try StorageContext(location: location)
            do {
                let all = GanDanMigrations.all.map(\.name)
                #expect(await context.readiness() == .migrationsPending(all))
                try await context.migrate()
                #expect(await context.readiness() == .ready)
                let sql = try #require(context.db as? any SQLDatabase)
                try await sql.raw("DELETE FROM _fluent_migrations WHERE name = \(bind: all[all.count - 1])").run()
                let pending = await context.readiness()
                #expect(pending == .migrationsPending([all[all.count - 1]]))
                #expect(pending.reason.contains("run gandan migrate"))
                await context.shutdown()
            } catch {
                await context.shutdown()
                throw error
            }
        }
    }

    @Test("a database that does not answer is not ready, and the reason shows no password")
    func unreachable() async throws {
        let context = try StorageContext(location: .postgres(url: "postgres://gandan:hunter2@127.0.0.1:1/gandan"))
        let readiness = await context.readiness()
        await context.shutdown()
        guard case .unreachable(let detail) = readiness else {
            Issue.record("expected unreachable, got \(readiness)")
            return
        }
        #expect(!detail.contains("hunter2"))
        #expect(readiness.reason == "the database does not answer")
    }

    @Test("an audit append and the wait of a write are timed", arguments: TestDatabase.all)
    func timings(database: TestDatabase) async throws {
        let before = StorageTimings.shared.snapshot()
        try await database.withDatabase { db in
            try await AuditTrail(db: db, scope: .everything).record(
                AuditEvent(actor: "test", action: "read", entity: "member"))
        }
        let after = StorageTimings.shared.snapshot()
        #expect((after[.auditAppend]?.count ?? 0) > (before[.auditAppend]?.count ?? 0))
        #expect((after[.writeWait]?.count ?? 0) > (before[.writeWait]?.count ?? 0))
        #expect((after[.auditAppend]?.sum ?? 0) > (before[.auditAppend]?.sum ?? 0))
    }
}
