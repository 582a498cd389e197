import Foundation
import GanDanCore
import GanDanStorage
import NIOCore
import NIOPosix
import Vapor

/// What a command line gave for the settings; `Settings.load` fills the rest from the environment.
public struct SettingsArguments: Sendable {
    /// `--database`: an SQLite path or a postgres:// URL.
    public var database: String?
    /// The SQLite file in the data folder when neither `--database` nor DATABASE_URL names one.
    public var defaultFile: String
    public var hostname: String
    public var port: Int
    /// `--secure-cookies`; GANDAN_SECURE_COOKIES=1 sets it too.
    public var secureCookies: Bool
    /// `--meeting-policy FILE`; else GANDAN_MEETING_POLICY.
    public var meetingPolicy: String?

    public init(
        database: String? = nil, defaultFile: String = "gandan.sqlite", hostname: String = "127.0.0.1",
        port: Int = 8080, secureCookies: Bool = false, meetingPolicy: String? = nil
    ) {
        self.database = database
        self.defaultFile = defaultFile
        self.hostname = hostname
        self.port = port
        self.secureCookies = secureCookies
        self.meetingPolicy = meetingPolicy
    }
}

extension Settings {
    /// The one place the environment is read: `.env` in `directory` (the working directory) is loaded first,
    /// and variables already in `environment` win over it, as in Vapor. Reads DATABASE_URL, GANDAN_DATA_DIR,
    /// GANDAN_SECURE_COOKIES, GANDAN_METRICS_TOKEN, GANDAN_MEETING_POLICY and GANDAN_TRUSTED_PROXIES; a value that cannot be used is an
    /// `InputError` naming the variable, never a silent default.
    public static func load(
        arguments: SettingsArguments, environment: [String: String], directory: String = "."
    ) async throws -> Settings {
        let environment = try await merged(environment, dotEnvIn: directory)
        let location = DatabaseLocation.resolve(
            argument: arguments.database, environment: environment, file: arguments.defaultFile)
        let secure = try arguments.secureCookies || flag("GANDAN_SECURE_COOKIES", in: environment)
        let metricsToken = environment["GANDAN_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        var policy = MeetingPolicy.standard
        if let path = arguments.meetingPolicy ?? environment["GANDAN_MEETING_POLICY"], !path.isEmpty {
            let field = arguments.meetingPolicy == nil ? "GANDAN_MEETING_POLICY" : "--meeting-policy"
            policy = try meetingPolicy(at: path, field: field)
        }
        return Settings(
            database: location, hostname: arguments.hostname, port: arguments.port, secureCookies: secure,
            meetingPolicy: policy, metricsToken: metricsToken,
            trustedProxies: try trustedProxies(environment["GANDAN_TRUSTED_PROXIES"]))
    }

    /// `environment` over the variables of `directory/.env` (read with Vapor's `DotEnvFile`), when it exists.
    static func merged(_ environment: [String: String], dotEnvIn directory: String) async throws -> [String: String] {
        let path = (directory as NSString).appendingPathComponent(".env")
        guard FileManager.default.fileExists(atPath: path) else { return environment }
        let file: DotEnvFile
        do {
            file = try await DotEnvFile.read(path: path, fileio: NonBlockingFileIO(threadPool: .singleton))
        } catch {
            throw InputError.invalid(field: path, "cannot be read: \(error)")
        }
        var merged = environment
        for line in file.lines where merged[line.key] == nil {
            merged[line.key] = line.value
        }
        return merged
    }

    /// A yes/no variable: 1, true or yes; 0, false, no or empty; anything else is refused.
    static func flag(_ name: String, in environment: [String: String]) throws -> Bool {
        guard let value = environment[name] else { return false }
        switch value.lowercased() {
        case "1", "true", "yes": return true
        case "", "0", "false", "no": return false
        default: throw InputError.invalid(field: name, "\"\(value)\" is not 1 or 0 (true or false)")
        }
    }

    /// GANDAN_TRUSTED_PROXIES: IP addresses separated by commas or spaces; anything else is refused.
    static func trustedProxies(_ value: String?) throws -> Set<String> {
        let items = (value ?? "").split { $0 == "," || $0 == " " }.map(String.init)
        for item in items where (try? SocketAddress(ipAddress: item, port: 0)) == nil {
            throw InputError.invalid(field: "GANDAN_TRUSTED_PROXIES", "\"\(item)\" is not an IP address")
        }
        return Set(items)
    }

    /// The meeting policy JSON at `path`.
    static func meetingPolicy(at path: String, field: String) throws -> MeetingPolicy {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError.invalid(field: field, "cannot read \(path)")
        }
        do {
            return try MeetingPolicy.read(json: data)
        } catch {
            throw InputError.invalid(field: field, "\(path): \(error.description)")
        }
    }
}
