import ArgumentParser
import Foundation
import GanDanWeb

/// `gandan routes`: the web application's registered routes, as JSON (scripts/get-fuzz walks every GET route of it).
struct RoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "Print every route of the web application: method, path, access, objects and query parameters (JSON)."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let settings = try await database.settings()
        let table = try await AppRunner.withApp(settings) { app in app.routeTable }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(table), as: UTF8.self))
    }
}
