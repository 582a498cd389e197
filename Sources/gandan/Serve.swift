import ArgumentParser
import GanDanWeb

/// `gandan serve`: the web server (pages and JSON API).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web server.")

    @OptionGroup var database: DatabaseOptions
    @ArgumentParser.Option(help: "The address to listen on.") var hostname = "127.0.0.1"
    @ArgumentParser.Option(help: "The port to listen on.") var port = 8080

    func run() async throws {
        let settings = Settings(database: database.location, hostname: hostname, port: port)
        try await AppRunner.withApp(settings) { app in
            try await AppRunner.serve(app, settings)
        }
    }
}
