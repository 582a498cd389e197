import ArgumentParser
import GanDanStorage
import GanDanWeb

/// `gandan migrate [--dry-run]`: creates or upgrades the schema, naming the migrations it applies; with `--dry-run`
/// it only lists the pending ones (the upgrade procedure in docs/deploy.md runs that first).
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create or upgrade the database schema.",
        discussion: "With --dry-run, list the migrations that would be applied and change nothing.")

    @OptionGroup var database: DatabaseOptions
    @ArgumentParser.Flag(help: "List the pending migrations without applying them.") var dryRun = false

    func run() async throws {
        let settings = try await database.settings()
        let dryRun = dryRun
        let pending = try await AppRunner.withStorage(settings, migrate: false) { db in
            try await GanDanMigrations.pending(on: db)
        }
        if dryRun {
            print(Self.report(pending, applied: false, database: settings.database))
            return
        }
        try await AppRunner.withStorage(settings) { _ in }
        print(Self.report(pending, applied: true, database: settings.database))
    }

    /// What `migrate` says: the migrations, one per line, or that the schema is up to date.
    static func report(_ pending: [String], applied: Bool, database: DatabaseLocation) -> String {
        guard !pending.isEmpty else { return "The schema of \(database) is up to date: no migration is pending." }
        let head =
            applied
            ? "Applied \(pending.count) migration(s) to \(database):"
            : "\(pending.count) migration(s) pending on \(database) (dry run, nothing applied):"
        return ([head] + pending.map { "  " + $0 }).joined(separator: "\n")
    }
}
