import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import SQLKit
import Testing

@Suite("Backup and restore keep every table, and never go back in schema (issue 8)")
struct BackupTests {
    /// One text per table that changes when any row does: the rows quoted and sorted (SQLite) or their md5 (PostgreSQL).
    static func digests(_ location: DatabaseLocation) async throws -> [String: String] {
        let context = try StorageContext(location: location)
        do {
            guard let sql = context.db as? any SQLDatabase else { throw StorageError.unavailable("no SQL") }
            var result: [String: String] = [:]
            switch location {
            case .sqlite:
                let tables = try await sql.raw(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                ).all().map { try $0.decode(column: "name", as: String.self) }
                for table in tables {
                    let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all()
                        .map { try $0.decode(column: "name", as: String.self) }
                    let row = columns.map { "quote(\"\($0)\")" }.joined(separator: " || ',' || ")
                    let digest = try await sql.raw(
                        "SELECT coalesce(group_concat(r, '|'), '') AS d FROM (SELECT \(unsafeRaw: row) AS r FROM \(ident: table) ORDER BY r)"
                    ).first()?.decode(column: "d", as: String.self)
                    result[table] = digest ?? ""
                }
            case .postgres:
                let tables = try await sql.raw(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                ).all().map { try $0.decode(column: "table_name", as: String.self) }
                for table in tables {
                    let digest = try await sql.raw(
                        "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM \(ident: table) t"
                    ).first()?.decode(column: "d", as: String.self)
                    result[table] = digest ?? ""
                }
            }
            await context.shutdown()
            return result
        } catch {
            await context.shutdown()
            throw error
        }
    }

    static func seed(_ location: DatabaseLocation) async throws {
        let context = try StorageContext(location: location)
        do {
            try await context.migrate()
            _ = try await DatasetWriter(db: context.db, scope: .everything).write(
                MeetingTests.cellDataset, actor: .system)
            let cell = try #require(
                try await OrganisationTree(db: context.db, scope: .everything).organisation(code: "CB-00001.01")
            ).id
            _ = try await FeedbackBook(db: context.db, scope: .everything).record(
                cellID: cell,
                CitizenFeedback(
                    receivedOn: Fixtures.date("2020-01-06"), receivedBy: "Lương Văn Ấn", topic: .production,
                    summary: "Cần giống lê"), actor: .system)
            _ = try await CellMeetings(db: context.db, scope: .everything).plan(
                cellID: cell,
                MeetingPlanDraft(
                    kind: .regular, date: Fixtures.date("2020-01-10"), scheduledStart: TimeOfDay("07:30")!),
                actor: .system)
            await context.shutdown()
        } catch {
            await context.shutdown()
            throw error
        }
    }

    static func conflict(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
        } catch StorageError.conflict(let message) {
            return message
        } catch {
            return "unexpected: \(error)"
        }
        return nil
    }

    @Test("a backup restored into an empty database gives back every table row for row", arguments: TestDatabase.all)
    func roundTrip(database: TestDatabase) async throws {
        try await database.withLocation { source in
            try await Self.seed(source)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gandan-backup-\(UUID())").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let manifest = try await DatabaseBackup.backup(source, to: folder)
            #expect(manifest.migrations.contains("2026-11-25-create-cell-life-schema"))
            let original = try await Self.digests(source)
            #expect(original.keys.contains("meetings"))
            #expect(original.keys.contains("audit_entries") || original.keys.contains { $0.contains("audit") })

            try await database.withLocation { target in
                try await DatabaseBackup.restore(target, from: folder, replace: false)
                let restored = try await Self.digests(target)
                #expect(restored == original)
                // A second restore over the data needs --replace.
                let refused = await Self.conflict {
                    try await DatabaseBackup.restore(target, from: folder, replace: false)
                }
                #expect(refused?.contains("--replace") == true)
                try await DatabaseBackup.restore(target, from: folder, replace: true)
                #expect(try await Self.digests(target) == original)
            }

            // A backup from a newer GanDan, and a database newer than the backup, are refused.
            let manifestPath = (folder as NSString).appendingPathComponent("manifest.json")
            let text = try String(contentsOfFile: manifestPath, encoding: .utf8)
            try text.replacingOccurrences(
                of: "\"2026-11-25-create-citizen-schema\"",
                with: "\"2026-11-25-create-citizen-schema\",\n    \"2099-01-01-from-the-future\""
            ).write(toFile: manifestPath, atomically: true, encoding: .utf8)
            let newer = await Self.conflict { try await DatabaseBackup.restore(source, from: folder, replace: true) }
            #expect(newer?.contains("newer GanDan") == true)
            try text.replacingOccurrences(of: "\"2026-11-25-create-citizen-schema\"", with: "\"x\"")
                .write(toFile: manifestPath, atomically: true, encoding: .utf8)
            let older = await Self.conflict { try await DatabaseBackup.restore(source, from: folder, replace: true) }
            #expect(older?.contains("newer schema than the backup") == true)
        }
    }
}
