import Foundation
import GanDanCore

/// Runs PostgreSQL's own programs (`pg_dump`, `pg_restore`) for a connection URL without putting its password on
/// their command line, where any local user can read it (`ps`, /proc): the password travels in the child's
/// environment as `PGPASSWORD` (issue 24), the URL they are given has none.
public struct PostgresTools: Sendable {
    /// The folder holding the programs; nil looks them up on PATH.
    public var directory: String?

    public init(directory: String? = nil) {
        self.directory = directory
    }

    /// A connection URL split for a child process: the URL without its password, and the password.
    struct Connection: Equatable {
        var url: String
        var password: String?
    }

    /// `url` without `user:PASSWORD@` or a `password=` parameter, and the password it held (percent-decoded).
    static func connection(_ url: String) -> Connection {
        guard var components = URLComponents(string: url) else { return Connection(url: url, password: nil) }
        var password = components.password
        components.password = nil
        if let items = components.queryItems, items.contains(where: { $0.name.lowercased() == "password" }) {
            password = password ?? items.first { $0.name.lowercased() == "password" }?.value
            let rest = items.filter { $0.name.lowercased() != "password" }
            components.queryItems = rest.isEmpty ? nil : rest
        }
        return Connection(url: components.string ?? url, password: password)
    }

    /// Runs `tool` with `arguments`, where `connectionURL` (written as `{url}` in `arguments`) is replaced by the URL
    /// without its password; the password goes to the child's environment. Its error output, with any password
    /// hidden, becomes the message when it fails.
    func run(_ tool: String, connectionURL: String, _ arguments: [String]) throws {
        let connection = Self.connection(connectionURL)
        let process = Process()
        if let directory {
            process.executableURL = URL(fileURLWithPath: (directory as NSString).appendingPathComponent(tool))
            process.arguments = arguments.map { $0 == "{url}" ? connection.url : $0 }
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [tool] + arguments.map { $0 == "{url}" ? connection.url : $0 }
        }
        var environment = ProcessInfo.processInfo.environment
        if let password = connection.password { environment["PGPASSWORD"] = password }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw StorageError.unavailable("cannot run \(tool): \(error.localizedDescription)")
        }
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw StorageError.unavailable(
                "\(tool) failed: "
                    + (message.isEmpty ? "exit \(process.terminationStatus)" : SecretRedaction.redact(message)))
        }
    }
}
