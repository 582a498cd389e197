import ArgumentParser
import GanDanStorage
import GanDanWeb

/// `gandan migrate`: creates or upgrades the schema, naming the migrations it applies; `--dry-run` only names the
/// migrations that would run (the upgrade procedure in docs/deploy.md runs that first).
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create or upgrade the database schema.",
        discussion: "With --dry-run, list the migrations that would be applied and change nothing.")

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Only list the pending migrations; change nothing.") var dryRun = false

    func run() async throws {
        let settings = try await database.settings()
        let dryRun = dryRun
        let pending = try await AppRunner.withStorage(settings, migrate: false) { _, storage in
            let pending = try await storage.pendingMigrations()
            if !dryRun { try await storage.migrate() }
            return pending
        }
        print(Self.report(pending, applied: !dryRun, database: settings.database))
    }

    /// What `migrate` says: the migrations, one per line, or that the schema is up to date.
    static func report(_ pending: [String], applied: Bool, database: DatabaseLocation) -> String {
        guard !pending.isEmpty else { return "The schema of \(database) is up to date: no migration is pending." }
        let names = pending.map { "  " + $0 }
        guard applied else {
            return
                (["\(pending.count) migration(s) pending for \(database):"] + names
                + ["Nothing was changed; `gandan migrate` runs them."]).joined(separator: "\n")
        }
        return (["Applied \(pending.count) migration(s) to \(database):"] + names).joined(separator: "\n")
    }
}
