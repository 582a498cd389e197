import ArgumentParser
import Foundation
import GanDanCore
import GanDanStorage
import GanDanWeb
import Vapor

/// Runs a command on the database alone (data commands) or on the whole web application (`serve`, `demo`).
enum AppRunner {
    /// Runs `body` with the database of `settings`, migrated, without starting the web application.
    static func withStorage<T: Sendable>(
        _ settings: GanDanWeb.Settings, _ body: @Sendable (DatabaseHandle) async throws -> T
    ) async throws -> T {
        try await withStorage(settings, migrate: true) { db, _ in try await body(db) }
    }

    /// Runs `body` with the database of `settings` (migrated first when `migrate`) and its context.
    static func withStorage<T: Sendable>(
        _ settings: GanDanWeb.Settings, migrate: Bool,
        _ body: @Sendable (DatabaseHandle, StorageContext) async throws -> T
    ) async throws -> T {
        let storage: StorageContext
        do {
            storage = try StorageContext(location: settings.database, logger: commandLogger(settings))
        } catch {
            throw failure(describe(error, location: settings.database))
        }
        do {
            if migrate { try await storage.migrate() }
            let result = try await body(storage.db, storage)
            await storage.shutdown()
            return result
        } catch {
            await storage.shutdown()
            throw reported(error, location: settings.database)
        }
    }

    /// Runs `body` with a configured application, turning known errors into a clear message and exit code 1. Log
    /// lines go to standard error at the settings' level (LOG_LEVEL); this runs once per process.
    static func withApp<T: Sendable>(
        _ settings: GanDanWeb.Settings, _ body: @Sendable (Application) async throws -> T
    ) async throws -> T {
        let level = settings.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let app: Application
        do {
            app = try await Application.make(Environment(name: "production", arguments: ["gandan"]))
        } catch {
            throw failure("cannot start: \(error)")
        }
        do {
            try await configure(app, settings)
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw reported(error, location: settings.database)
        }
    }

    /// A data command's logger: warnings and worse (its output is its result), unless LOG_LEVEL asks for debug
    /// or trace lines.
    static func commandLogger(_ settings: GanDanWeb.Settings) -> Logger {
        var logger = Logger(label: "gandan")
        logger.logLevel = settings.logLevel <= .debug ? settings.logLevel : max(settings.logLevel, .warning)
        return logger
    }

    /// `error` told on standard error, as the exit code to end with; a `failure` already told is passed on as it
    /// is, not told a second time.
    static func reported(_ error: any Error, location: DatabaseLocation?) -> any Error {
        if let told = error as? ExitCode { return told }
        return failure(describe(error, location: location))
    }

    /// A known error in plain words; any password in it is hidden.
    static func describe(_ error: any Error, location: DatabaseLocation?) -> String {
        let text: String
        switch error {
        case let error as StorageError: text = error.description
        case let error as InputError: text = error.description
        case let error as AccountRefusal: text = error.sentence.en
        case let error as PendingMigrationsError: text = error.description
        case let error as CleanExit: text = "\(error)"
        case let error as ValidationError: text = error.message
        default:
            let reflected = String(reflecting: error)
            if let location,
                reflected.contains("connect") || reflected.contains("Connection") || reflected.contains("PSQLError")
            {
                text = "cannot use \(location): \(reflected)"
            } else {
                text = "\(error)"
            }
        }
        return SecretRedaction.redact(text)
    }

    /// Prints the message to standard error and exits with status 1.
    static func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data(("gandan: " + SecretRedaction.redact(message) + "\n").utf8))
        return ExitCode.failure
    }

    /// Serves HTTP until interrupted (Ctrl-C).
    static func serve(_ app: Application, _ settings: GanDanWeb.Settings) async throws {
        for entry in settings.configuration where entry.setting == "not used" {
            app.logger.warning("\(entry.source): \(entry.value); it is ignored (gandan config lists the settings)")
        }
        print("GanDan is running at http://\(settings.hostname):\(settings.port)/  (Ctrl-C stops it)")
        app.environment.arguments = [
            "gandan", "serve", "--hostname", settings.hostname, "--port", String(settings.port),
        ]
        try await app.execute()
    }
}
