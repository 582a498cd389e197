import Foundation
import GanDanCore
import GanDanStorage
import NIOCore
import NIOPosix
import Vapor

/// What a command line gave for the settings (nil: not given); `Settings.load` fills the rest from the environment,
/// the `.env` files and the defaults.
public struct SettingsArguments: Sendable {
    /// `--database`: an SQLite path or a postgres:// URL.
    public var database: String?
    /// The SQLite file in the data folder when neither `--database` nor DATABASE_URL names one.
    public var defaultFile: String
    public var hostname: String?
    public var port: Int?
    /// `--secure-cookies`; GANDAN_SECURE_COOKIES=1 sets it too.
    public var secureCookies: Bool
    /// `--meeting-policy FILE`; else GANDAN_MEETING_POLICY.
    public var meetingPolicy: String?
    /// `--holidays FILE`; else GANDAN_HOLIDAYS.
    public var holidays: String?
    /// `--criteria-sets FILE`; else GANDAN_CRITERIA_SETS.
    public var criteriaSets: String?
    /// `--poverty-standards FILE`; else GANDAN_POVERTY_STANDARDS.
    public var povertyStandards: String?
    /// `--dues-rates FILE`; else GANDAN_DUES_RATES.
    public var duesRates: String?
    /// `--log-level`; else LOG_LEVEL.
    public var logLevel: String?
    /// `--trusted-proxies "ADDRESS,…"`; else GANDAN_TRUSTED_PROXIES.
    public var trustedProxies: String?
    /// `--session-idle-minutes`; else GANDAN_SESSION_IDLE_MINUTES.
    public var sessionIdleMinutes: Int?
    /// `--session-max-hours`; else GANDAN_SESSION_MAX_HOURS.
    public var sessionMaxHours: Int?
    /// `--env NAME`: which `.env.NAME` is read over `.env`; else GANDAN_ENV, else `production`.
    public var environmentName: String?

    public init(
        database: String? = nil, defaultFile: String = "gandan.sqlite", hostname: String? = nil, port: Int? = nil,
        secureCookies: Bool = false, meetingPolicy: String? = nil, holidays: String? = nil, logLevel: String? = nil,
        trustedProxies: String? = nil, sessionIdleMinutes: Int? = nil, sessionMaxHours: Int? = nil,
        environmentName: String? = nil, criteriaSets: String? = nil, povertyStandards: String? = nil,
        duesRates: String? = nil
    ) {
        self.database = database
        self.defaultFile = defaultFile
        self.hostname = hostname
        self.port = port
        self.secureCookies = secureCookies
        self.meetingPolicy = meetingPolicy
        self.holidays = holidays
        self.criteriaSets = criteriaSets
        self.povertyStandards = povertyStandards
        self.duesRates = duesRates
        self.logLevel = logLevel
        self.trustedProxies = trustedProxies
        self.sessionIdleMinutes = sessionIdleMinutes
        self.sessionMaxHours = sessionMaxHours
        self.environmentName = environmentName
    }

    /// The options given, by the variable they stand for, with the option's name.
    var flags: [String: (flag: String, value: String)] {
        var flags: [String: (flag: String, value: String)] = [:]
        func add(_ variable: String, _ flag: String, _ value: String?) {
            if let value { flags[variable] = (flag, value) }
        }
        add("DATABASE_URL", "--database", database.flatMap { $0.isEmpty ? nil : $0 })
        add("GANDAN_HOSTNAME", "--hostname", hostname)
        add("GANDAN_PORT", "--port", port.map(String.init))
        add("GANDAN_SECURE_COOKIES", "--secure-cookies", secureCookies ? "1" : nil)
        add("GANDAN_MEETING_POLICY", "--meeting-policy", meetingPolicy)
        add("GANDAN_HOLIDAYS", "--holidays", holidays)
        add("GANDAN_CRITERIA_SETS", "--criteria-sets", criteriaSets)
        add("GANDAN_POVERTY_STANDARDS", "--poverty-standards", povertyStandards)
        add("GANDAN_DUES_RATES", "--dues-rates", duesRates)
        add("LOG_LEVEL", "--log-level", logLevel)
        add("GANDAN_TRUSTED_PROXIES", "--trusted-proxies", trustedProxies)
        add("GANDAN_SESSION_IDLE_MINUTES", "--session-idle-minutes", sessionIdleMinutes.map(String.init))
        add("GANDAN_SESSION_MAX_HOURS", "--session-max-hours", sessionMaxHours.map(String.init))
        return flags
    }
}

/// Where settings are looked up, first match wins: the command line, the process environment, `.env.NAME`, `.env`
/// (Vapor's order: a variable already set is never overwritten by a file).
struct SettingLayers {
    var flags: [String: (flag: String, value: String)]
    var environment: [String: String]
    /// The files read, most specific first, with their variables.
    var files: [(name: String, values: [String: String])]

    /// Every variable GanDan reads; the last three are the mail digest's (`gandan remind`, through its systemd unit).
    static let known: Set<String> = [
        "DATABASE_URL", "DATABASE_READ_URL", "GANDAN_DATA_DIR", "GANDAN_HOSTNAME", "GANDAN_PORT", "LOG_LEVEL",
        "GANDAN_TRUSTED_PROXIES",
        "GANDAN_SESSION_IDLE_MINUTES", "GANDAN_SESSION_MAX_HOURS", "GANDAN_SECURE_COOKIES", "GANDAN_METRICS_TOKEN",
        "GANDAN_HOLIDAYS", "GANDAN_MEETING_POLICY", "GANDAN_ENV", "GANDAN_CRITERIA_SETS", "GANDAN_POVERTY_STANDARDS",
        "GANDAN_DUES_RATES", "GANDAN_SMTP_URL", "GANDAN_MAIL_FROM", "GANDAN_BASE_URL",
    ]

    /// A setting's text and its source; nil when nothing sets it.
    func lookup(_ variable: String) -> (value: String, source: SettingSource)? {
        if let flag = flags[variable] { return (flag.value, .flag(flag.flag)) }
        if let value = environment[variable] { return (value, .environment(variable)) }
        for file in files {
            if let value = file.values[variable] { return (value, .file(file.name, variable: variable)) }
        }
        return nil
    }

    /// The name an error about `variable` gives: the option when the value came from the command line.
    func field(_ variable: String) -> String {
        flags[variable]?.flag ?? variable
    }

    /// `.env.NAME` then `.env` in `directory`, those that exist, read with Vapor's `DotEnvFile`.
    static func dotEnvFiles(in directory: String, name: String) async throws -> [(
        name: String, values: [String: String]
    )] {
        var files: [(name: String, values: [String: String])] = []
        for file in [".env.\(name)", ".env"] {
            let path = (directory as NSString).appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            do {
                let read = try await DotEnvFile.read(path: path, fileio: NonBlockingFileIO(threadPool: .singleton))
                var values: [String: String] = [:]
                for line in read.lines where values[line.key] == nil { values[line.key] = line.value }
                files.append((file, values))
            } catch {
                throw InputError.invalid(
                    field: path, vi: "không đọc được tệp: \(error)", en: "cannot be read: \(error)")
            }
        }
        return files
    }
}

extension Settings {
    /// The one place the environment is read: the command line, then the environment, then `.env.NAME` (NAME:
    /// `--env`, GANDAN_ENV, else `production`) and `.env` in `directory` (the working directory), as in Vapor. A
    /// value that cannot be used is an `InputError` naming the option or variable, never a silent default; the
    /// result lists where each setting came from (`configuration`).
    public static func load(
        arguments: SettingsArguments, environment: [String: String], directory: String = "."
    ) async throws -> Settings {
        let name = arguments.environmentName ?? environment["GANDAN_ENV"].flatMap { $0.isEmpty ? nil : $0 }
        let files = try await SettingLayers.dotEnvFiles(in: directory, name: name ?? "production")
        var reader = SettingsReader(
            layers: SettingLayers(flags: arguments.flags, environment: environment, files: files))
        reader.entries.append(
            ConfigurationEntry(
                setting: "environment",
                value: (name ?? "production") + " (files read: "
                    + (files.isEmpty ? "none" : files.map(\.name).joined(separator: ", ")) + ")",
                source: arguments.environmentName != nil
                    ? .flag("--env") : name != nil ? .environment("GANDAN_ENV") : .standard))
        var settings = try reader.settings(defaultFile: arguments.defaultFile)
        // A misspelt name in a .env file would leave its setting at the default without a word: name it.
        for file in files {
            for variable in file.values.keys.sorted() where !SettingLayers.known.contains(variable) {
                settings.configuration.append(
                    ConfigurationEntry(
                        setting: "not used", value: "\(variable) is not a GanDan setting",
                        source: .file(file.name, variable: variable)))
            }
        }
        return settings
    }
}
