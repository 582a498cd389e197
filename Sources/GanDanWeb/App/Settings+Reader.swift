import Foundation
import GanDanCore
import GanDanStorage
import NIOCore
import Vapor

/// Reads each setting from its layers, checks it, and notes where it came from (secrets hidden).
struct SettingsReader {
    let layers: SettingLayers
    var entries: [ConfigurationEntry] = []

    mutating func settings(defaultFile: String) throws -> Settings {
        let database = database(file: defaultFile)
        let readDatabase = try readDatabase(primary: database)
        let hostname = text("hostname", "GANDAN_HOSTNAME", default: "127.0.0.1")
        let port = try integer("port", "GANDAN_PORT", default: 8080, range: 1...65_535)
        let logLevel = try logLevel()
        let proxies = try trustedProxies()
        let idle = try integer("session idle minutes", "GANDAN_SESSION_IDLE_MINUTES", default: 120, range: 1...10_080)
        let hours = try integer("session max hours", "GANDAN_SESSION_MAX_HOURS", default: 12, range: 1...720)
        guard idle <= hours * 60 else {
            throw InputError.invalid(
                field: layers.field("GANDAN_SESSION_IDLE_MINUTES"),
                vi: "\(idle) phút không dùng dài hơn thời gian tối đa của một phiên đăng nhập (\(hours) giờ)",
                en: "\(idle) minutes without use is longer than a session may last (\(hours) hours)")
        }
        let secure = try flag("secure cookies", "GANDAN_SECURE_COOKIES")
        let token = metricsToken()
        let holidays = try holidays()
        let criteriaSets = try ruleFile(
            "criteria sets", "GANDAN_CRITERIA_SETS", builtIn: RuralCriteriaSet.all, id: \.id, validity: \.validity
        ) { try RuralCriteriaSet.read(json: $0) }
        let povertyStandards = try ruleFile(
            "poverty standards", "GANDAN_POVERTY_STANDARDS", builtIn: PovertyStandard.all, id: \.id,
            validity: \.validity
        ) { try PovertyStandard.read(json: $0) }
        let duesRates = try ruleFile(
            "dues rates", "GANDAN_DUES_RATES", builtIn: DuesRates.all, id: \.id, validity: \.validity
        ) { try DuesRates.read(json: $0) }
        let policy = try meetingPolicy()
        return Settings(
            database: database, hostname: hostname, port: port, secureCookies: secure, meetingPolicy: policy,
            metricsToken: token, trustedProxies: proxies,
            sessionLifetimes: SessionStore.Lifetimes(idle: Double(idle) * 60, absolute: Double(hours) * 3600),
            logLevel: logLevel, holidays: holidays, criteriaSets: criteriaSets, povertyStandards: povertyStandards,
            duesRates: duesRates,
            configuration: entries, readDatabase: readDatabase)
    }

    private mutating func note(_ setting: String, _ value: String, _ source: SettingSource) {
        entries.append(ConfigurationEntry(setting: setting, value: value, source: source))
    }

    /// The variable's text when set and not empty (an empty value counts as unset).
    private func lookup(_ variable: String) -> (value: String, source: SettingSource)? {
        guard let found = layers.lookup(variable), !found.value.isEmpty else { return nil }
        return found
    }

    /// `--database`, else DATABASE_URL, else the file in GANDAN_DATA_DIR (default `data`).
    private mutating func database(file: String) -> DatabaseLocation {
        if let (url, source) = lookup("DATABASE_URL") {
            let location = DatabaseLocation(argument: url)
            note("database", location.description, source)
            return location
        }
        let folder = lookup("GANDAN_DATA_DIR")
        let location = DatabaseLocation.resolve(
            argument: nil, environment: ["GANDAN_DATA_DIR": folder?.value ?? "data"], file: file)
        note("database", location.description, folder?.source ?? .standard)
        return location
    }

    /// DATABASE_READ_URL: a PostgreSQL replica of a PostgreSQL primary, or nothing.
    private mutating func readDatabase(primary: DatabaseLocation) throws -> DatabaseLocation? {
        guard let (url, source) = lookup("DATABASE_READ_URL") else { return nil }
        let location = DatabaseLocation(argument: url)
        guard case .postgres = location, case .postgres = primary else {
            throw InputError.invalid(
                field: layers.field("DATABASE_READ_URL"),
                vi: "bản sao chỉ đọc phải là một máy chủ PostgreSQL sao chép từ cơ sở dữ liệu chính PostgreSQL",
                en: "the read replica must be a PostgreSQL server replicating a PostgreSQL primary")
        }
        note("read replica", location.description, source)
        return location
    }

    private mutating func text(_ setting: String, _ variable: String, default value: String) -> String {
        let found = lookup(variable)
        note(setting, found?.value ?? value, found?.source ?? .standard)
        return found?.value ?? value
    }

    private mutating func integer(_ setting: String, _ variable: String, default value: Int, range: ClosedRange<Int>)
        throws -> Int
    {
        guard let (text, source) = lookup(variable) else {
            note(setting, "\(value)", .standard)
            return value
        }
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
            throw InputError.invalid(
                field: layers.field(variable),
                vi: "\"\(text)\" không phải số nguyên từ \(range.lowerBound) đến \(range.upperBound)",
                en: "\"\(text)\" is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        note(setting, "\(number)", source)
        return number
    }

    /// A yes/no setting: 1, true or yes; 0, false, no or empty; anything else is refused.
    private mutating func flag(_ setting: String, _ variable: String) throws -> Bool {
        guard let (text, source) = layers.lookup(variable) else {
            note(setting, "no", .standard)
            return false
        }
        switch text.lowercased() {
        case "1", "true", "yes":
            note(setting, "yes", source)
            return true
        case "", "0", "false", "no":
            note(setting, "no", source)
            return false
        default:
            throw InputError.invalid(
                field: layers.field(variable), vi: "\"\(text)\" không phải 1 hoặc 0 (có hoặc không)",
                en: "\"\(text)\" is not 1 or 0 (true or false)")
        }
    }

    /// LOG_LEVEL: trace, debug, info, notice, warning, error or critical.
    private mutating func logLevel() throws -> Logger.Level {
        guard let (text, source) = lookup("LOG_LEVEL") else {
            note("log level", "info", .standard)
            return .info
        }
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw InputError.invalid(
                field: layers.field("LOG_LEVEL"), vi: "\"\(text)\" không phải một trong các mức \(names)",
                en: "\"\(text)\" is not one of \(names)")
        }
        note("log level", level.rawValue, source)
        return level
    }

    /// GANDAN_TRUSTED_PROXIES: IP addresses separated by commas or spaces; anything else is refused.
    private mutating func trustedProxies() throws -> Set<String> {
        let found = lookup("GANDAN_TRUSTED_PROXIES")
        let items = (found?.value ?? "").split { $0 == "," || $0 == " " }.map(String.init)
        for item in items where (try? SocketAddress(ipAddress: item, port: 0)) == nil {
            throw InputError.invalid(
                field: layers.field("GANDAN_TRUSTED_PROXIES"), vi: "\"\(item)\" không phải địa chỉ IP",
                en: "\"\(item)\" is not an IP address")
        }
        note("trusted proxies", items.isEmpty ? "none" : items.joined(separator: ", "), found?.source ?? .standard)
        return Set(items)
    }

    /// GANDAN_METRICS_TOKEN, from the environment or a `.env` file only (an option would show it in `ps`).
    private mutating func metricsToken() -> String? {
        guard let (token, source) = lookup("GANDAN_METRICS_TOKEN") else {
            note("metrics token", "not set: /metrics answers anyone who reaches it", .standard)
            return nil
        }
        note("metrics token", "set (\(SecretRedaction.mask))", source)
        return token
    }

    /// The built-in holidays, with the years of GANDAN_HOLIDAYS over them.
    private mutating func holidays() throws -> PublicHolidays {
        let builtIn = PublicHolidays.vietnam
        let span = "\(builtIn.years.first?.year ?? 0)–\(builtIn.years.last?.year ?? 0)"
        guard let (path, source) = lookup("GANDAN_HOLIDAYS") else {
            note("holidays", "the built-in table, \(span)", .standard)
            return builtIn
        }
        let field = layers.field("GANDAN_HOLIDAYS")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError.invalid(field: field, vi: "không đọc được \(path)", en: "cannot read \(path)")
        }
        do {
            let holidays = try PublicHolidays.read(json: data, over: builtIn)
            let changed = holidays.years.filter { !builtIn.years.contains($0) }.map { String($0.year) }
            let years = changed.isEmpty ? "no year changed" : "years " + changed.joined(separator: ", ")
            note("holidays", "\(path) (\(years) over the built-in \(span))", source)
            return holidays
        } catch {
            throw Self.issues(of: error, in: path, field: field)
        }
    }

    /// A rule data file (criteria sets, poverty standards) put over the built-in versions, or the built-in versions
    /// when the variable is unset; a file that cannot be read or used names itself, and each problem its field and
    /// line (rules.md R24, R25).
    private mutating func ruleFile<Version: Equatable>(
        _ setting: String, _ variable: String, builtIn: [Version], id: (Version) -> String,
        validity: (Version) -> Validity, read: (Data) throws -> [Version]
    ) throws -> [Version] {
        func list(_ versions: [Version]) -> String {
            versions.map { "\(id($0)) from \(validity($0).from.iso)" }.joined(separator: ", ")
        }
        guard let (path, source) = lookup(variable) else {
            note(setting, "built in: \(list(builtIn))", .standard)
            return builtIn
        }
        let field = layers.field(variable)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError.invalid(field: field, vi: "không đọc được \(path)", en: "cannot read \(path)")
        }
        do {
            let versions = try read(data)
            let changed = versions.filter { !builtIn.contains($0) }
            note(setting, "\(path) (\(changed.isEmpty ? "no change" : list(changed)) over the built-in ones)", source)
            return versions
        } catch let error as InputError {
            throw Self.issues(of: error, in: path, field: field)
        }
    }

    /// The meeting policy JSON of GANDAN_MEETING_POLICY, else the rules' own numbers.
    private mutating func meetingPolicy() throws -> MeetingPolicy {
        guard let (path, source) = lookup("GANDAN_MEETING_POLICY") else {
            note("meeting policy", "the rules' own numbers", .standard)
            return .standard
        }
        let field = layers.field("GANDAN_MEETING_POLICY")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError.invalid(field: field, vi: "không đọc được \(path)", en: "cannot read \(path)")
        }
        do {
            let policy = try MeetingPolicy.read(json: data)
            note("meeting policy", path, source)
            return policy
        } catch {
            throw Self.issues(of: error, in: path, field: field)
        }
    }

    /// The problems a setting's file had, each named by the setting and the file before its own field, in both
    /// languages as the file's reader told them.
    static func issues(of error: InputError, in path: String, field: String) -> InputError {
        .invalid(
            error.issues.map { issue in
                var placed = issue
                placed.field = "\(field) \(path)" + (issue.field.map { " " + $0 } ?? "")
                return placed
            })
    }
}
