import FluentKit
import Foundation
import GanDanCore
import GanDanDemo
import GanDanStorage
import SQLKit

extension TestDatabase {
    /// A fresh database holding the Na Hang demo at `stage` (its history stopped at `historyUntil`), with the loader's
    /// summary; removed afterwards. Each demo is loaded once per test run and kind of database, then copied for each
    /// test (an SQLite file copy, a PostgreSQL `CREATE DATABASE … TEMPLATE`): loading it is the slowest thing the
    /// tests do, and a dozen loads at once starved every other test of the two threads this machine has.
    public func withDemo<T: Sendable>(
        stage: DemoStage, historyUntil: CivilDate? = nil,
        _ body: (any Database, DatasetWriteSummary) async throws -> T
    ) async throws -> T {
        let template = try await DemoTemplates.shared.template(
            DemoTemplates.Key(database: self, stage: stage, historyUntil: historyUntil))
        return try await withLocation(copying: template.location) { location in
            let context = try StorageContext(location: location)
            do {
                let result = try await body(context.db, template.summary)
                await context.shutdown()
                return result
            } catch {
                await context.shutdown()
                throw error
            }
        }
    }
}

/// The demos loaded so far in this test process, one load per key however many tests ask at once.
actor DemoTemplates {
    static let shared = DemoTemplates()

    struct Key: Hashable, Sendable {
        var database: TestDatabase
        var stage: DemoStage
        var historyUntil: CivilDate?
    }

    struct Template: Sendable {
        var location: DatabaseLocation
        var summary: DatasetWriteSummary
    }

    private var loads: [Key: Task<Template, any Error>] = [:]

    func template(_ key: Key) async throws -> Template {
        if let load = loads[key] { return try await load.value }
        let load = Task { try await Self.load(key) }
        loads[key] = load
        return try await load.value
    }

    /// Loads the demo into a database kept until the process ends; an SQLite template is checkpointed so that its
    /// one file is the whole database.
    private static func load(_ key: Key) async throws -> Template {
        let location = try await key.database.createTemplate()
        let context = try StorageContext(location: location)
        do {
            try await context.migrate()
            let summary = try await DemoLoader(db: context.db).load(
                stage: key.stage, historyUntil: key.historyUntil, today: TestDatabase.presentToday)
            if let sql = context.db as? any SQLDatabase, sql.dialect.name == "sqlite" {
                try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
            }
            await context.shutdown()
            return Template(location: location, summary: summary)
        } catch {
            await context.shutdown()
            throw error
        }
    }
}

/// SQLite template files, removed when the test process exits.
private final class TemplateFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [String] = []

    /// Adds `path`; true for the first one.
    func add(_ path: String) -> Bool {
        lock.withLock {
            paths.append(path)
            return paths.count == 1
        }
    }

    func removeAll() {
        lock.withLock {
            for path in paths {
                for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
            }
        }
    }
}

private let templateFiles = TemplateFiles()

extension TestDatabase {
    /// The "today" every demo template is loaded with: a present-stage demo's cell life runs through this month,
    /// whatever day the tests run (issue 19).
    public static let presentToday = CivilDate.on(2026, 12, 1)

    /// An empty database that lives until the process ends: a file under the temporary folder, or a PostgreSQL
    /// database in the throwaway cluster `scripts/test` starts and removes.
    fileprivate func createTemplate() async throws -> DatabaseLocation {
        let name = "gandan_template_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sqlite").path
            if templateFiles.add(path) { atexit { templateFiles.removeAll() } }
            return .sqlite(path: path)
        case .postgres:
            let (admin, url) = try Self.postgresURLs(database: name)
            try await Self.adminSQL(admin, "CREATE DATABASE \(name)")
            return .postgres(url: url)
        }
    }
}
