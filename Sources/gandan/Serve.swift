import ArgumentParser
import Foundation
import GanDanWeb

/// `gandan serve`: the web server (pages and JSON API).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web server.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: MeetingPolicyOption
    @ArgumentParser.Option(help: "The address to listen on.") var hostname = "127.0.0.1"
    @ArgumentParser.Option(help: "The port to listen on.") var port = 8080
    @ArgumentParser.Flag(help: "Mark the session cookie Secure (serving over TLS); also GANDAN_SECURE_COOKIES=1.")
    var secureCookies = false

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be 1–65535, not \(port)") }
    }

    func run() async throws {
        let settings = try await Settings.loadOrExit(
            arguments: SettingsArguments(
                database: database.database, hostname: hostname, port: port, secureCookies: secureCookies,
                meetingPolicy: policy.meetingPolicy))
        try await AppRunner.withApp(settings) { app in
            try await AppRunner.serve(app, settings)
        }
    }
}
