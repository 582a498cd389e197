import Foundation
import GanDanCore
import GanDanStorage
import GanDanWeb
import Testing

@Suite("Settings are read once: the command line, then the environment, then .env (issue 17)")
struct SettingsLoadTests {
    /// Runs `body` in a new folder holding `.env` with `dotEnv`, removed afterwards.
    func withDotEnv(_ dotEnv: String, _ body: (String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gandan-env-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(dotEnv.utf8).write(to: folder.appendingPathComponent(".env"))
        try await body(folder.path)
    }

    @Test("a value from .env is used when the environment does not set it")
    func fromDotEnv() async throws {
        try await withDotEnv("DATABASE_URL=postgres://gandan@db.example/gandan\nGANDAN_METRICS_TOKEN=\"s3cret\"\n") {
            let settings = try await Settings.load(arguments: SettingsArguments(), environment: [:], directory: $0)
            #expect(settings.database == .postgres(url: "postgres://gandan@db.example/gandan"))
            #expect(settings.metricsToken == "s3cret")
        }
    }

    @Test("the environment wins over .env, and --database wins over both")
    func environmentWins() async throws {
        try await withDotEnv("GANDAN_DATA_DIR=from-file\nGANDAN_SECURE_COOKIES=0\n") { folder in
            let environment = ["GANDAN_DATA_DIR": "from-env", "GANDAN_SECURE_COOKIES": "1"]
            let settings = try await Settings.load(
                arguments: SettingsArguments(), environment: environment, directory: folder)
            #expect(settings.database == .sqlite(path: "from-env/gandan.sqlite"))
            #expect(settings.secureCookies)
            let explicit = try await Settings.load(
                arguments: SettingsArguments(database: "other.sqlite"), environment: environment, directory: folder)
            #expect(explicit.database == .sqlite(path: "other.sqlite"))
        }
    }

    @Test("without .env or variables the data folder's gandan.sqlite is used, and the demo its own file")
    func defaults() async throws {
        try await withDotEnv("") { folder in
            let settings = try await Settings.load(arguments: SettingsArguments(), environment: [:], directory: folder)
            #expect(settings.database == .sqlite(path: "data/gandan.sqlite"))
            #expect(!settings.secureCookies)
            #expect(settings.metricsToken == nil)
            let demo = try await Settings.load(
                arguments: SettingsArguments(defaultFile: "demo.sqlite"), environment: [:], directory: folder)
            #expect(demo.database == .sqlite(path: "data/demo.sqlite"))
        }
    }

    @Test("a value that cannot be used is refused, naming the variable")
    func badValue() async throws {
        try await withDotEnv("GANDAN_SECURE_COOKIES=maybe\n") { folder in
            let error = await #expect(throws: InputError.self) {
                _ = try await Settings.load(arguments: SettingsArguments(), environment: [:], directory: folder)
            }
            #expect(error?.issues.first?.field == "GANDAN_SECURE_COOKIES")
            #expect(error?.description.contains("maybe") == true)
        }
        let missing = await #expect(throws: InputError.self) {
            _ = try await Settings.load(
                arguments: SettingsArguments(), environment: ["GANDAN_MEETING_POLICY": "/nonexistent/policy.json"])
        }
        #expect(missing?.issues.first?.field == "GANDAN_MEETING_POLICY")
    }
}

extension SettingsLoadTests {
    @Test("GANDAN_TRUSTED_PROXIES lists IP addresses; anything else is refused (issue 21)")
    func trustedProxies() async throws {
        let environment = ["GANDAN_TRUSTED_PROXIES": "10.0.0.1, ::1"]
        let settings = try await Settings.load(arguments: SettingsArguments(), environment: environment, directory: "/")
        #expect(settings.trustedProxies == ["10.0.0.1", "::1"])
        await #expect(throws: InputError.self) {
            _ = try await Settings.load(
                arguments: SettingsArguments(), environment: ["GANDAN_TRUSTED_PROXIES": "proxy.local"], directory: "/")
        }
        let none = try await Settings.load(arguments: SettingsArguments(), environment: [:], directory: "/")
        #expect(none.trustedProxies.isEmpty)
    }
}
