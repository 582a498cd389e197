import ArgumentParser
import Foundation
import GanDanCore
import GanDanStorage
import GanDanWeb
import Vapor

/// Runs a command on the database alone (data commands) or on the whole web application (`serve`, `demo`).
enum AppRunner {
    /// Runs `body` with the database of `settings`, migrated unless `migrate` is false, without starting the web
    /// application.
    static func withStorage<T: Sendable>(
        _ settings: GanDanWeb.Settings, migrate: Bool = true, _ body: @Sendable (DatabaseHandle) async throws -> T
    ) async throws -> T {
        let storage: StorageContext
        do {
            storage = try StorageContext(location: settings.database, logger: quietLogger)
        } catch {
            throw failure(describe(error, location: settings.database))
        }
        do {
            if migrate { try await storage.migrate() }
            let result = try await body(storage.db)
            await storage.shutdown()
            return result
        } catch {
            await storage.shutdown()
            throw failure(describe(error, location: settings.database))
        }
    }

    /// Runs `body` with a configured application, turning known errors into a clear message and exit code 1.
    static func withApp<T: Sendable>(
        _ settings: GanDanWeb.Settings, _ body: @Sendable (Application) async throws -> T
    ) async throws -> T {
        let app: Application
        do {
            app = try await Application.make(Environment(name: "production", arguments: ["gandan"]))
        } catch {
            throw failure("cannot start: \(error)")
        }
        app.logger.logLevel = .warning
        do {
            try await configure(app, settings)
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw Self.failure(describe(error, location: settings.database))
        }
    }

    /// Warnings and worse only: a command's output is its result.
    static var quietLogger: Logger {
        var logger = Logger(label: "gandan")
        logger.logLevel = .warning
        return logger
    }

    static func describe(_ error: any Error, location: DatabaseLocation?) -> String {
        switch error {
        case let error as StorageError: return error.description
        case let error as InputError: return error.description
        case let error as CleanExit: return "\(error)"
        case let error as ValidationError: return error.message
        default:
            let text = String(reflecting: error)
            if let location, text.contains("connect") || text.contains("Connection") || text.contains("PSQLError") {
                return "cannot use \(location): \(text)"
            }
            return "\(error)"
        }
    }

    /// Prints the message to standard error and exits with status 1.
    static func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data(("gandan: " + message + "\n").utf8))
        return ExitCode.failure
    }

    /// Serves HTTP until interrupted (Ctrl-C).
    static func serve(_ app: Application, _ settings: GanDanWeb.Settings) async throws {
        print("GanDan is running at http://\(settings.hostname):\(settings.port)/  (Ctrl-C stops it)")
        app.environment.arguments = [
            "gandan", "serve", "--hostname", settings.hostname, "--port", String(settings.port),
        ]
        app.logger.logLevel = .notice
        try await app.execute()
    }
}
