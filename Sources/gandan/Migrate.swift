import ArgumentParser
import GanDanWeb

/// `gandan migrate`: creates or upgrades the schema.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or upgrade the database schema.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let settings = try await database.settings()
        try await AppRunner.withStorage(settings) { _ in }
        print("The schema of \(settings.database) is up to date.")
    }
}
