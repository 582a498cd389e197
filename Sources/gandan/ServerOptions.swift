import ArgumentParser
import Foundation
import GanDanWeb

/// The web server's settings as options, shared by `serve`, `demo` and `config`: each also has its variable (in
/// the environment or a `.env` file), named in its help; an option wins over the variable.
struct ServerOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("The address to listen on; also GANDAN_HOSTNAME. Default: 127.0.0.1.", valueName: "address"))
    var hostname: String?
    @Option(help: ArgumentHelp("The port to listen on; also GANDAN_PORT. Default: 8080.", valueName: "port"))
    var port: Int?
    @Option(
        help: ArgumentHelp(
            "trace, debug, info (one line per request), notice, warning, error or critical; also LOG_LEVEL. "
                + "Default: info.", valueName: "level"))
    var logLevel: String?
    @Option(
        help: ArgumentHelp(
            "IP addresses of the reverse proxies whose X-Forwarded-For and X-Request-Id are believed, separated by "
                + "commas; also GANDAN_TRUSTED_PROXIES. Default: none.", valueName: "addresses"))
    var trustedProxies: String?
    @Option(
        help: ArgumentHelp(
            "Minutes a signed-in session lives without use; also GANDAN_SESSION_IDLE_MINUTES. Default: 120.",
            valueName: "minutes"))
    var sessionIdleMinutes: Int?
    @Option(
        help: ArgumentHelp(
            "Hours a signed-in session lives at most; also GANDAN_SESSION_MAX_HOURS. Default: 12.", valueName: "hours"))
    var sessionMaxHours: Int?
    @Flag(help: "Mark the session cookie Secure (serving over TLS); also GANDAN_SECURE_COOKIES=1.")
    var secureCookies = false
    @Option(
        help: ArgumentHelp(
            "A JSON file of public days off and make-up working days put over the built-in table (see "
                + "docs/holidays.example.json); also GANDAN_HOLIDAYS.", valueName: "file"))
    var holidays: String?
    @Option(
        help: ArgumentHelp(
            "A JSON file of new-rural criteria sets put over the built-in ones (see docs/criteria-sets.example.json); "
                + "also GANDAN_CRITERIA_SETS.", valueName: "file"))
    var criteriaSets: String?
    @Option(
        help: ArgumentHelp(
            "A JSON file of poverty standards put over the built-in ones (see "
                + "docs/poverty-standards.example.json); also GANDAN_POVERTY_STANDARDS.", valueName: "file"))
    var povertyStandards: String?
    @Option(
        help: ArgumentHelp(
            "A JSON file of party dues tables put over the built-in one of Quyết định 342-QĐ/TW (see "
                + "docs/dues-rates.example.json); also GANDAN_DUES_RATES.", valueName: "file"))
    var duesRates: String?
    @Option(
        help: ArgumentHelp(
            "A JSON file with the meeting thresholds and quality checklist (see docs/meeting-policy.example.json); "
                + "also GANDAN_MEETING_POLICY. Default: the rules' own numbers.", valueName: "file"))
    var meetingPolicy: String?

    func validate() throws {
        if let port, !(1...65_535).contains(port) {
            throw CommandValues.refusal(
                vi: "--port phải từ 1 đến 65535, không phải \(port)", en: "--port must be 1–65535, not \(port)")
        }
        if let meetingPolicy { try CommandValues.readable(meetingPolicy, option: "--meeting-policy") }
        if let holidays { try CommandValues.readable(holidays, option: "--holidays") }
        if let criteriaSets { try CommandValues.readable(criteriaSets, option: "--criteria-sets") }
        if let povertyStandards { try CommandValues.readable(povertyStandards, option: "--poverty-standards") }
        if let duesRates { try CommandValues.readable(duesRates, option: "--dues-rates") }
    }

    /// These options as settings arguments, with `database` and the demo's default file.
    func arguments(database: String?, defaultFile: String = "gandan.sqlite", environmentName: String?)
        -> SettingsArguments
    {
        SettingsArguments(
            database: database, defaultFile: defaultFile, hostname: hostname, port: port, secureCookies: secureCookies,
            meetingPolicy: meetingPolicy, holidays: holidays, logLevel: logLevel, trustedProxies: trustedProxies,
            sessionIdleMinutes: sessionIdleMinutes, sessionMaxHours: sessionMaxHours, environmentName: environmentName,
            criteriaSets: criteriaSets, povertyStandards: povertyStandards, duesRates: duesRates)
    }
}
