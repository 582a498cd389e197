import Foundation
import GanDanCore
import GanDanStorage
import GanDanWeb
import Testing

@testable import gandan

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

    @Test("DATABASE_READ_URL names a PostgreSQL replica of a PostgreSQL primary; anything else is refused (issue 22)")
    func readReplica() async throws {
        let primary = "postgres://gandan:secret@db1.intranet/gandan"
        let environment = [
            "DATABASE_URL": primary, "DATABASE_READ_URL": "postgres://gandan:secret@db2.intranet/gandan",
        ]
        let settings = try await Settings.load(arguments: SettingsArguments(), environment: environment, directory: "/")
        #expect(settings.readDatabase == .postgres(url: "postgres://gandan:secret@db2.intranet/gandan"))
        let shown = settings.configuration.first { $0.setting == "read replica" }
        #expect(shown?.value.contains("db2.intranet") == true)
        #expect(shown?.value.contains("secret") == false)
        let none = try await Settings.load(
            arguments: SettingsArguments(), environment: ["DATABASE_URL": primary], directory: "/")
        #expect(none.readDatabase == nil)
        for wrong in [
            ["DATABASE_READ_URL": "postgres://db2.intranet/gandan"],
            ["DATABASE_URL": primary, "DATABASE_READ_URL": "/var/lib/gandan/copy.sqlite"],
        ] {
            let error = await #expect(throws: InputError.self) {
                _ = try await Settings.load(arguments: SettingsArguments(), environment: wrong, directory: "/")
            }
            #expect(error?.issues.first?.field == "DATABASE_READ_URL")
            #expect(error?.issues.first?.vietnamese?.contains("bản sao chỉ đọc") == true)
        }
    }
}

@Suite("Configuration in one place: every setting from an option, the environment or .env files (issue 24)")
struct ConfigurationTests {
    /// Runs `body` in a new folder holding the given files.
    func withFiles(_ files: [String: String], _ body: (String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gandan-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        try await body(folder.path)
    }

    func entry(_ settings: Settings, _ name: String) -> ConfigurationEntry? {
        settings.configuration.first { $0.setting == name }
    }

    @Test("serve's options over the environment over .env.production over .env, each source named")
    func layers() async throws {
        let files = [
            ".env": "DATABASE_URL=postgres://gandan:hunter2@db.tinh/gandan\nGANDAN_PORT=8081\nLOG_LEVEL=debug\n"
                + "GANDAN_METRICS_TOKEN=scrape-me\n",
            ".env.production": "GANDAN_PORT=8082\nGANDAN_SESSION_IDLE_MINUTES=30\n",
        ]
        try await withFiles(files) { folder in
            let serve = try Serve.parse(["--hostname", "0.0.0.0", "--trusted-proxies", "10.0.0.1"])
            let arguments = serve.server.arguments(database: nil, environmentName: nil)
            let settings = try await Settings.load(
                arguments: arguments, environment: ["LOG_LEVEL": "warning"], directory: folder)
            #expect(settings.database == .postgres(url: "postgres://gandan:hunter2@db.tinh/gandan"))
            #expect(settings.metricsToken == "scrape-me")
            #expect(settings.hostname == "0.0.0.0")
            #expect(settings.port == 8082)
            #expect(settings.logLevel == .warning)
            #expect(settings.trustedProxies == ["10.0.0.1"])
            #expect(settings.sessionLifetimes.idle == 30 * 60)
            #expect(entry(settings, "database")?.source == .file(".env", variable: "DATABASE_URL"))
            #expect(entry(settings, "port")?.source == .file(".env.production", variable: "GANDAN_PORT"))
            #expect(entry(settings, "hostname")?.source == .flag("--hostname"))
            #expect(entry(settings, "log level")?.source == .environment("LOG_LEVEL"))
            #expect(entry(settings, "session max hours")?.source == .standard)
            let other = try await Settings.load(
                arguments: SettingsArguments(environmentName: "staging"), environment: [:], directory: folder)
            #expect(other.port == 8081)
        }
    }

    @Test("gandan config shows every setting with its source and hides the password and the token")
    func configTable() async throws {
        let files = [
            ".env": "DATABASE_URL=postgres://gandan:hunter2@db.tinh/gandan\nGANDAN_METRICS_TOKEN=scrape-me\n"
                + "GANDAN_METRIC_TOKEN=typo\n"
        ]
        try await withFiles(files) { folder in
            let settings = try await Settings.load(arguments: SettingsArguments(), environment: [:], directory: folder)
            let table = ConfigCommand.table(settings.configuration)
            #expect(!table.contains("hunter2"))
            #expect(!table.contains("scrape-me"))
            #expect(table.contains("postgres://gandan:***@db.tinh/gandan"))
            #expect(table.contains("DATABASE_URL in .env"))
            #expect(table.contains("GANDAN_METRICS_TOKEN in .env"))
            #expect(table.contains("GANDAN_METRIC_TOKEN is not a GanDan setting"))
            for setting in [
                "environment", "database", "hostname", "port", "log level", "trusted proxies", "session idle minutes",
                "session max hours", "secure cookies", "metrics token", "holidays", "meeting policy", "criteria sets",
                "poverty standards",
            ] {
                #expect(table.contains("\n" + setting + " "), "\(setting)")
            }
        }
    }

    @Test("a value that cannot be used names its option or variable")
    func refusals() async throws {
        let cases: [(SettingsArguments, [String: String], String)] = [
            (SettingsArguments(), ["LOG_LEVEL": "loud"], "LOG_LEVEL"),
            (SettingsArguments(logLevel: "loud"), [:], "--log-level"),
            (SettingsArguments(), ["GANDAN_PORT": "80a"], "GANDAN_PORT"),
            (SettingsArguments(), ["GANDAN_SESSION_IDLE_MINUTES": "900"], "GANDAN_SESSION_IDLE_MINUTES"),
            (SettingsArguments(holidays: "/nonexistent/holidays.json"), [:], "--holidays"),
            (SettingsArguments(criteriaSets: "/nonexistent/sets.json"), [:], "--criteria-sets"),
            (
                SettingsArguments(), ["GANDAN_POVERTY_STANDARDS": "/nonexistent/standards.json"],
                "GANDAN_POVERTY_STANDARDS"
            ),
        ]
        for (arguments, environment, field) in cases {
            let error = await #expect(throws: InputError.self) {
                _ = try await Settings.load(arguments: arguments, environment: environment, directory: "/")
            }
            #expect(error?.issues.first?.field == field, "\(field)")
        }
    }

    @Test("GANDAN_HOLIDAYS puts a file's year over the table; a bad file names its field and line")
    func holidays() async throws {
        let good = """
            {"years": [{"year": 2028, "days_off": {"new_year": ["2028-01-01"]}, "make_up_working_days": ["2028-01-08"]}]}
            """
        let bad = "{\"years\": [\n  {\"year\": 2028,\n   \"days_off\": {\"new_year\": [\"2028-13-01\"]}}]}"
        try await withFiles(["good.json": good, "bad.json": bad]) { folder in
            let settings = try await Settings.load(
                arguments: SettingsArguments(), environment: ["GANDAN_HOLIDAYS": folder + "/good.json"],
                directory: folder)
            #expect(settings.holidays.covers(year: 2028))
            #expect(settings.workingCalendar.isWorkingDay(CivilDate("2028-01-08")!))
            #expect(entry(settings, "holidays")?.value.contains("years 2028") == true)
            let error = await #expect(throws: InputError.self) {
                _ = try await Settings.load(
                    arguments: SettingsArguments(holidays: folder + "/bad.json"), environment: [:], directory: folder)
            }
            let issue = error?.issues.first
            #expect(issue?.line == 3)
            #expect(issue?.field?.hasPrefix("--holidays ") == true)
            #expect(issue?.field?.hasSuffix("years[0].days_off.new_year[0]") == true)
            #expect(issue?.message.contains("2028-13-01") == true)
        }
    }

    @Test(
        "R24/R25: GANDAN_CRITERIA_SETS and GANDAN_POVERTY_STANDARDS put a province's files over the built-in versions; a bad file names the option, the file, the field and the line"
    )
    func ruleFiles() async throws {
        let sets = """
            {"criteria_sets": [{"id": "2031-2035", "decision": "QĐ thử", "valid_from": "2031-01-01",
              "environment_number": 1, "criteria": [{"number": 1, "vi": "Môi trường", "en": "Environment"}]}]}
            """
        let standards = """
            {"poverty_standards": [{"id": "2027-2030", "decision": "NĐ thử", "valid_from": "2027-01-01",
              "valid_until": "2031-01-01", "rural": {"with_deprivations_at_most": 2500000},
              "urban": {"with_deprivations_at_most": 3000000}, "deprivation_threshold": 3, "indicator_count": 12}]}
            """
        let bad = """
            {"poverty_standards": [{"id": "2027-2030", "decision": "NĐ thử", "valid_from": "2027-01-01",
              "rural": {"with_deprivations_at_most": -5},
              "urban": {"with_deprivations_at_most": 3000000}, "deprivation_threshold": 3, "indicator_count": 12}]}
            """
        try await withFiles(["sets.json": sets, "standards.json": standards, "bad.json": bad]) { folder in
            let settings = try await Settings.load(
                arguments: SettingsArguments(criteriaSets: folder + "/sets.json"),
                environment: ["GANDAN_POVERTY_STANDARDS": folder + "/standards.json"], directory: folder)
            #expect(RuralCriteriaSet.inForce(year: 2032, in: settings.criteriaSets)?.id == "2031-2035")
            #expect(RuralCriteriaSet.inForce(year: 2027, in: settings.criteriaSets) == .period2026to2030)
            #expect(
                PovertyStandard.inForce(year: 2028, in: settings.povertyStandards)?.rural.withDeprivations == 2_500_000)
            #expect(entry(settings, "criteria sets")?.value.contains("2031-2035 from 2031-01-01") == true)
            #expect(entry(settings, "poverty standards")?.value.contains("standards.json") == true)
            let defaults = try await Settings.load(arguments: SettingsArguments(), environment: [:], directory: folder)
            #expect(defaults.criteriaSets == RuralCriteriaSet.all && defaults.povertyStandards == PovertyStandard.all)
            let error = await #expect(throws: InputError.self) {
                _ = try await Settings.load(
                    arguments: SettingsArguments(povertyStandards: folder + "/bad.json"), environment: [:],
                    directory: folder)
            }
            let issue = error?.issues.first
            #expect(issue?.line == 2)
            #expect(issue?.field?.hasPrefix("--poverty-standards \(folder)/bad.json") == true)
            #expect(issue?.field?.hasSuffix("poverty_standards[0].rural.with_deprivations_at_most") == true)
        }
    }

    @Test("each province file read from .env is a setting, not flagged 'not used', and shows where it came from")
    func ruleFilesInDotEnv() async throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs")
        let variables = [
            "GANDAN_HOLIDAYS": "holidays", "GANDAN_MEETING_POLICY": "meeting-policy",
            "GANDAN_CRITERIA_SETS": "criteria-sets", "GANDAN_POVERTY_STANDARDS": "poverty-standards",
            "GANDAN_DUES_RATES": "dues-rates",
        ]
        let dotEnv = variables.sorted { $0.key < $1.key }.map { variable, file in
            "\(variable)=" + docs.appendingPathComponent("\(file).example.json").path
        }
        try await withFiles([".env": dotEnv.joined(separator: "\n") + "\n"]) { folder in
            let settings = try await Settings.load(arguments: SettingsArguments(), environment: [:], directory: folder)
            let table = ConfigCommand.table(settings.configuration)
            #expect(!table.contains("is not a GanDan setting"), "\(table)")
            for variable in variables.keys { #expect(table.contains("\(variable) in .env"), "\(variable)") }
        }
    }
}
