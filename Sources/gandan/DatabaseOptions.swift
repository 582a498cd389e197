import ArgumentParser
import Foundation
import GanDanCore
import GanDanStorage
import GanDanWeb

/// `--database` and `--env`, shared by every command that reads or writes data.
struct DatabaseOptions: ParsableArguments {
    @ArgumentParser.Option(
        help: ArgumentHelp(
            "An SQLite file path or a postgres:// URL (default: DATABASE_URL, else data/gandan.sqlite). A password "
                + "is better kept in DATABASE_URL (a .env file of mode 0600) than here, where `ps` shows it.",
            valueName: "path-or-url"))
    var database: String?
    @ArgumentParser.Option(
        name: .customLong("env"),
        help: ArgumentHelp(
            "Which .env.NAME file is read over .env in the working directory; also GANDAN_ENV. Default: production.",
            valueName: "name"))
    var environmentName: String?

    /// The settings of a data command: `--database` over the environment and the `.env` files; a bad value exits
    /// with its message.
    func settings() async throws -> Settings {
        try await Settings.loadOrExit(
            arguments: SettingsArguments(database: database, environmentName: environmentName))
    }

    /// Opens the database alone (no web application), brings its schema up to date, runs `body` and closes it;
    /// known errors become a clear message and exit code 1.
    func withStorage<T: Sendable>(_ body: @Sendable (DatabaseHandle) async throws -> T) async throws -> T {
        try await AppRunner.withStorage(try await settings(), body)
    }
}

extension Settings {
    /// `Settings.load` with this process's environment and working directory (the CLI's one read of them); a bad
    /// value exits with its message.
    static func loadOrExit(arguments: SettingsArguments) async throws -> Settings {
        do {
            return try await load(arguments: arguments, environment: ProcessInfo.processInfo.environment)
        } catch let error as InputError {
            throw AppRunner.failure(error.issues.map(CommandText.line).joined(separator: "; "))
        }
    }
}
