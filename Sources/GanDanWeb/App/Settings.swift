import Foundation
import GanDanCore
import GanDanStorage

/// Everything `configure(app, settings)` needs; the server, the CLI and the tests build one of these.
public struct Settings: Sendable {
    public var database: DatabaseLocation
    public var hostname: String
    public var port: Int
    /// Runs pending migrations at start-up.
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
    /// The reverse proxies whose `X-Forwarded-For` / `Forwarded` headers are believed (GANDAN_TRUSTED_PROXIES):
    /// the sign-in throttle keys on the client address they report; from any other peer the headers are ignored.
    public var trustedProxies: Set<String>
    /// How long a signed-in session lives on the server without use, and at most.
    public var sessionLifetimes: SessionStore.Lifetimes

    public init(
        database: DatabaseLocation, hostname: String = "127.0.0.1", port: Int = 8080, migrate: Bool = true,
        charter: CharterSettings = .standard, bcryptCost: Int = 12, secureCookies: Bool = false,
        meetingPolicy: MeetingPolicy = .standard, metricsToken: String? = nil,
        trustedProxies: Set<String> = [], sessionLifetimes: SessionStore.Lifetimes = SessionStore.Lifetimes()
    ) {
        self.database = database
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
    }
}
