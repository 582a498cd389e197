import ArgumentParser
import GanDanStorage
import GanDanWeb

/// `gandan migrate`: creates or upgrades the schema; `--dry-run` only names the migrations that would run.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or upgrade the database schema.")

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Only list the pending migrations; change nothing.") var dryRun = false

    func run() async throws {
        let settings = try await database.settings()
        if dryRun {
            let pending = try await AppRunner.withStorage(settings, migrate: false) { _, storage in
                try await storage.pendingMigrations()
            }
            if pending.isEmpty {
                print("The schema of \(settings.database) is up to date: no migration is pending.")
            } else {
                print("\(pending.count) migration(s) pending for \(settings.database):")
                for name in pending { print("  \(name)") }
                print("Nothing was changed; `gandan migrate` runs them.")
            }
            return
        }
        try await AppRunner.withStorage(settings) { _ in }
        print("The schema of \(settings.database) is up to date.")
    }
}
