import ArgumentParser
import Foundation
import GanDanWeb

/// `gandan serve`: the web server (pages and JSON API). It does not change the schema unless told: with
/// migrations pending it refuses to start and names them (issue 24).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web server.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var server: ServerOptions
    @Flag(help: "Run pending database migrations before serving (back the database up first).")
    var migrate = false

    func run() async throws {
        var loaded = try await Settings.loadOrExit(
            arguments: server.arguments(database: database.database, environmentName: database.environmentName))
        loaded.migrate = migrate
        let settings = loaded
        try await AppRunner.withApp(settings) { app in
            try await AppRunner.serve(app, settings)
        }
    }
}
