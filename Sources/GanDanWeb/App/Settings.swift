import Foundation
import GanDanCore
import GanDanStorage
import Logging

/// Everything `configure(app, settings)` needs; the server, the CLI and the tests build one of these.
public struct Settings: Sendable {
    public var database: DatabaseLocation
    /// A PostgreSQL streaming replica of `database` for dashboards, reports, searches and exports
    /// (DATABASE_READ_URL); nil: everything reads the primary.
    public var readDatabase: DatabaseLocation?
    public var hostname: String
    public var port: Int
    /// Runs pending migrations at start-up; without it `configure` refuses a database that lacks some
    /// (`PendingMigrationsError`).
    public var migrate: Bool
    /// Charter thresholds (rules.md R1–R3).
    public var charter: CharterSettings
    /// bcrypt cost for passwords (12 in production; tests use the minimum, 4).
    public var bcryptCost: Int
    /// Marks the session cookie `Secure`: set when GanDan is served over TLS (directly or behind a proxy).
    public var secureCookies: Bool
    /// The province's meeting rules and quality checklist (rules.md R8, R11, R12).
    public var meetingPolicy: MeetingPolicy
    /// When set, `/metrics` answers only requests with `Authorization: Bearer <token>` (GANDAN_METRICS_TOKEN);
    /// when nil it is open, as Prometheus scrapers expect on a private network. It holds no personal data.
    public var metricsToken: String?
    /// The reverse proxies whose `X-Forwarded-For` / `Forwarded` and `X-Request-Id` headers are believed
    /// (GANDAN_TRUSTED_PROXIES): the sign-in throttle keys on the client address they report, and the access log
    /// on their request id; from any other peer the headers are ignored.
    public var trustedProxies: Set<String>
    /// How long a signed-in session lives on the server without use, and at most.
    public var sessionLifetimes: SessionStore.Lifetimes
    /// The least severe log level written (LOG_LEVEL); `info` writes one access-log line per request.
    public var logLevel: Logger.Level
    /// Public days off for deadlines in working days: the built-in table, with the years of a holidays file
    /// (GANDAN_HOLIDAYS) over it (rules.md R23).
    public var holidays: PublicHolidays
    /// The new-rural criteria sets: the built-in ones, with the sets of a criteria-sets file (GANDAN_CRITERIA_SETS)
    /// over them (rules.md R24).
    public var criteriaSets: [RuralCriteriaSet]
    /// The poverty standards: the built-in ones, with the standards of a file (GANDAN_POVERTY_STANDARDS) over them
    /// (rules.md R25).
    public var povertyStandards: [PovertyStandard]
    /// The party dues tables in use: the central guidance's, or a province's file over it (rules.md R12).
    public var duesRates: [DuesRates]
    /// Where each setting came from, for `gandan config` (secrets hidden); empty when built in code.
    public var configuration: [ConfigurationEntry]

    public init(
        database: DatabaseLocation, hostname: String = "127.0.0.1", port: Int = 8080, migrate: Bool = true,
        charter: CharterSettings = .standard, bcryptCost: Int = 12, secureCookies: Bool = false,
        meetingPolicy: MeetingPolicy = .standard, metricsToken: String? = nil,
        trustedProxies: Set<String> = [], sessionLifetimes: SessionStore.Lifetimes = SessionStore.Lifetimes(),
        logLevel: Logger.Level = .info, holidays: PublicHolidays = .vietnam,
        criteriaSets: [RuralCriteriaSet] = RuralCriteriaSet.all,
        povertyStandards: [PovertyStandard] = PovertyStandard.all, duesRates: [DuesRates] = DuesRates.all,
        configuration: [ConfigurationEntry] = [], readDatabase: DatabaseLocation? = nil
    ) {
        self.database = database
        self.readDatabase = readDatabase
        self.hostname = hostname
        self.port = port
        self.migrate = migrate
        self.charter = charter
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.meetingPolicy = meetingPolicy
        self.metricsToken = metricsToken
        self.trustedProxies = trustedProxies
        self.sessionLifetimes = sessionLifetimes
        self.logLevel = logLevel
        self.holidays = holidays
        self.criteriaSets = criteriaSets
        self.povertyStandards = povertyStandards
        self.duesRates = duesRates
        self.configuration = configuration
    }

    /// The working-day calendar of `holidays`.
    public var workingCalendar: WorkingCalendar { WorkingCalendar(holidays: holidays) }
}

/// Where a setting's value came from.
public enum SettingSource: Sendable, Equatable, CustomStringConvertible {
    /// A command-line option, e.g. `--port`.
    case flag(String)
    /// A variable of the process environment.
    case environment(String)
    /// A variable of a file read at start (`.env.production`, `.env`).
    case file(String, variable: String)
    /// Nothing set it.
    case standard

    public var description: String {
        switch self {
        case .flag(let flag): return flag
        case .environment(let variable): return "\(variable) (environment)"
        case .file(let file, let variable): return "\(variable) in \(file)"
        case .standard: return "default"
        }
    }
}

/// One line of `gandan config`: a setting, its value as shown (secrets hidden) and where it came from.
public struct ConfigurationEntry: Sendable, Equatable {
    public var setting: String
    public var value: String
    public var source: SettingSource

    public init(setting: String, value: String, source: SettingSource) {
        self.setting = setting
        self.value = value
        self.source = source
    }
}
