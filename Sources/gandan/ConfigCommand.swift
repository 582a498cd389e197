import ArgumentParser
import Foundation
import GanDanWeb

/// `gandan config`: the configuration `serve` would run with — each setting, its value and where it came from (an
/// option, the environment, a `.env` file, or the default) — with passwords and tokens hidden (issue 24). It reads
/// the same options, variables and files as `serve`, and touches no database.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show the effective configuration and where each setting comes from.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var server: ServerOptions

    func run() async throws {
        let settings = try await Settings.loadOrExit(
            arguments: server.arguments(database: database.database, environmentName: database.environmentName))
        print(Self.table(settings.configuration))
    }

    /// The entries as aligned columns: setting, value, source.
    static func table(_ entries: [ConfigurationEntry]) -> String {
        let rows = [("setting", "value", "from")] + entries.map { ($0.setting, $0.value, $0.source.description) }
        let first = rows.map(\.0.count).max() ?? 0
        let second = rows.map(\.1.count).max() ?? 0
        return rows.map { row in
            row.0.padding(toLength: first + 2, withPad: " ", startingAt: 0)
                + row.1.padding(toLength: second + 2, withPad: " ", startingAt: 0) + row.2
        }.joined(separator: "\n")
    }
}
