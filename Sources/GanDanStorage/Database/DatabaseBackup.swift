import FluentKit
import Foundation
import SQLKit

/// What a backup folder holds: which engine, which schema (the migrations applied), when, and the audit chain's head.
public struct BackupManifest: Codable, Sendable, Equatable {
    public static let currentFormat = "gandan-backup-1"

    public var format: String
    /// `sqlite` or `postgres`.
    public var engine: String
    /// The names of the migrations applied to the database that was backed up, in order.
    public var migrations: [String]
    public var createdAt: Date
    /// The audit chain's last entry when the backup began (every entry up to it is in the backup), so that
    /// `gandan audit verify --against` can later prove the trail up to it was not rewritten. Absent in the manifests
    /// of backups made before GanDan recorded it; they restore all the same.
    public var auditHead: AuditChainHead?

    /// The manifest of the backup folder at `path`, or the manifest file itself; refuses anything else in words.
    public static func read(_ path: String) throws -> BackupManifest {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw StorageError.notFound("\(path) does not exist")
        }
        return isFolder.boolValue ? try read(folder: path) : try decode(file: path)
    }

    /// The manifest of the backup folder `folder`.
    static func read(folder: String) throws -> BackupManifest {
        let file = (folder as NSString).appendingPathComponent("manifest.json")
        guard FileManager.default.fileExists(atPath: file) else {
            throw StorageError.notFound("\(folder) holds no manifest.json: it is not a GanDan backup")
        }
        return try decode(file: file)
    }

    private static func decode(file: String) throws -> BackupManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: file)),
            let manifest = try? decoder.decode(BackupManifest.self, from: data), manifest.format == currentFormat
        else { throw StorageError.conflict("\(file) is not a backup manifest this GanDan can read") }
        return manifest
    }
}

/// Backs a database up into a folder and restores it, refusing to go backwards in schema.
///
/// SQLite is copied online and consistently with `VACUUM INTO`; PostgreSQL goes through its own tools
/// (`pg_dump --format=custom` and `pg_restore`). The folder holds `manifest.json` and the data file.
public enum DatabaseBackup {
    static let sqliteFile = "database.sqlite"
    static let postgresFile = "database.dump"

    /// The names of GanDan's own migrations this program knows.
    static var knownMigrations: Set<String> { Set(GanDanMigrations.all.map(\.name)) }

    /// Writes a backup of the database at `location` into the new folder `folder`; PostgreSQL's `pg_dump` comes from
    /// `tools` (PATH unless told) and gets the password in its environment, never on its command line.
    @discardableResult
    public static func backup(_ location: DatabaseLocation, to folder: String, tools: PostgresTools = PostgresTools())
        async throws -> BackupManifest
    {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder) {
            throw StorageError.conflict("\(folder) already exists: back up into a new folder")
        }
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        do {
            let context = try StorageContext(location: location)
            let migrations: [String]
            let head: AuditChainHead?
            do {
                migrations = try await appliedMigrations(context.db)
                // Read before the copy begins, so every entry up to the head is in the backup; a database never
                // migrated has no trail.
                head =
                    migrations.isEmpty ? nil : try await AuditTrail(db: context.db, scope: .commandLineOperator).head()
                switch location {
                case .sqlite:
                    guard let sql = context.db as? any SQLDatabase else { throw StorageError.unavailable("no SQL") }
                    let target = (folder as NSString).appendingPathComponent(sqliteFile)
                    try await sql.raw("VACUUM INTO \(bind: target)").run()
                case .postgres(let url):
                    try tools.run(
                        "pg_dump", connectionURL: url,
                        [
                            "--format=custom", "--no-owner", "--no-privileges", "--file",
                            (folder as NSString).appendingPathComponent(postgresFile), "--dbname", "{url}",
                        ])
                }
            } catch {
                await context.shutdown()
                throw error
            }
            await context.shutdown()
            let manifest = BackupManifest(
                format: BackupManifest.currentFormat, engine: engine(location), migrations: migrations,
                createdAt: Date(), auditHead: head)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            try encoder.encode(manifest).write(
                to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("manifest.json")))
            return manifest
        } catch {
            try? manager.removeItem(atPath: folder)
            throw error
        }
    }

    /// Restores the backup in `folder` into the database at `location`.
    ///
    /// Refuses a backup from a newer GanDan, a database whose schema is newer than the backup, a backup of the
    /// other engine, and a database that holds data unless `replace` is set. `pg_restore` comes from `tools` and gets
    /// the password in its environment.
    public static func restore(
        _ location: DatabaseLocation, from folder: String, replace: Bool, tools: PostgresTools = PostgresTools()
    ) async throws {
        let manifest = try BackupManifest.read(folder: folder)
        guard manifest.engine == engine(location) else {
            throw StorageError.conflict(
                "the backup is of a \(manifest.engine) database; restore it into \(manifest.engine), then export")
        }
        let unknown = Set(manifest.migrations).intersection(datedMigrations(manifest.migrations))
            .subtracting(knownMigrations)
        guard unknown.isEmpty else {
            throw StorageError.conflict(
                "the backup comes from a newer GanDan (schema \(unknown.sorted().joined(separator: ", "))): "
                    + "upgrade GanDan before restoring it")
        }
        let context = try StorageContext(location: location)
        do {
            let current = try await appliedMigrations(context.db)
            let newer = Set(datedMigrations(current)).subtracting(manifest.migrations)
            guard newer.isEmpty else {
                throw StorageError.conflict(
                    "the database has a newer schema than the backup (\(newer.sorted().joined(separator: ", "))): "
                        + "refusing to restore over it")
            }
            if !replace, try await holdsData(context.db) {
                throw StorageError.conflict("the database holds data: pass --replace to overwrite it with the backup")
            }
        } catch {
            await context.shutdown()
            throw error
        }
        await context.shutdown()
        switch location {
        case .sqlite(let path):
            let source = (folder as NSString).appendingPathComponent(sqliteFile)
            let manager = FileManager.default
            for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: path + suffix) }
            try manager.copyItem(atPath: source, toPath: path)
            // VACUUM INTO writes its copy in the rollback journal: the restored file gets the write-ahead log back.
            let restored = try StorageContext(location: location)
            do {
                try await restored.useWriteAheadLog()
            } catch {
                await restored.shutdown()
                throw error
            }
            await restored.shutdown()
        case .postgres(let url):
            try tools.run(
                "pg_restore", connectionURL: url,
                [
                    "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--dbname",
                    "{url}",
                    (folder as NSString).appendingPathComponent(postgresFile),
                ])
        }
    }

    static func engine(_ location: DatabaseLocation) -> String {
        switch location {
        case .sqlite: return "sqlite"
        case .postgres: return "postgres"
        }
    }

    /// GanDan's own migrations are named by date (`2026-11-25-…`); Fluent's own (sessions) are not.
    static func datedMigrations(_ names: [String]) -> [String] {
        names.filter { $0.first?.isNumber == true }
    }

    static func appliedMigrations(_ db: any Database) async throws -> [String] {
        guard let sql = db as? any SQLDatabase else { return [] }
        do {
            return try await sql.raw("SELECT name FROM _fluent_migrations ORDER BY batch, name").all()
                .map { try $0.decode(column: "name", as: String.self) }
        } catch {
            return []
        }
    }

    static func holdsData(_ db: any Database) async throws -> Bool {
        guard try await !appliedMigrations(db).isEmpty else { return false }
        let members = try await MemberRecord.query(on: db).count()
        let units = try await UnitRecord.query(on: db).count()
        return members + units > 0
    }
}
