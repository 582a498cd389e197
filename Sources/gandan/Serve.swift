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

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let secure = secureCookies || environment["GANDAN_SECURE_COOKIES"] == "1"
        let metricsToken = environment["GANDAN_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let settings = Settings(
            database: database.location, hostname: hostname, port: port, secureCookies: secure,
            meetingPolicy: try policy.policy(), metricsToken: metricsToken)
        try await AppRunner.withApp(settings) { app in
            try await AppRunner.serve(app, settings)
        }
    }
}
