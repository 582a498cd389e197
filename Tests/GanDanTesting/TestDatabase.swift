import FluentKit
import Foundation
import GanDanStorage
import SQLKit

/// The databases every storage test runs on: SQLite always, PostgreSQL when the test script started one.
///
/// `scripts/test` starts a throwaway cluster and sets `GANDAN_TEST_POSTGRES_URL`; under CI a missing
/// URL still lists PostgreSQL, so the tests fail loudly instead of silently running on SQLite only.
public enum TestDatabase: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    public static var all: [TestDatabase] {
        let environment = ProcessInfo.processInfo.environment
        let hasPostgres = !(environment["GANDAN_TEST_POSTGRES_URL"] ?? "").isEmpty
        return hasPostgres || environment["CI"] == "true" ? [.sqlite, .postgres] : [.sqlite]
    }

    /// A fresh, empty database of this kind (an SQLite file, or a new PostgreSQL database), removed afterwards.
    public func withLocation<T: Sendable>(_ body: (DatabaseLocation) async throws -> T) async throws -> T {
        try await withLocation(copying: nil, body)
    }

    /// A fresh database of this kind, empty or a copy of `template` (of the same kind), removed afterwards.
    func withLocation<T: Sendable>(
        copying template: DatabaseLocation?, _ body: (DatabaseLocation) async throws -> T
    ) async throws -> T {
        let name = "gandan_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        switch (self, template) {
        case (.sqlite, nil), (.sqlite, .sqlite?):
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sqlite").path
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            if case .sqlite(let source)? = template { try FileManager.default.copyItem(atPath: source, toPath: path) }
            return try await body(.sqlite(path: path))
        case (.postgres, nil), (.postgres, .postgres?):
            let (admin, url) = try Self.postgresURLs(database: name)
            var copy: Substring?
            if case .postgres(let source)? = template { copy = URLComponents(string: source)?.path.dropFirst() }
            try await Self.adminSQL(admin, "CREATE DATABASE \(name)" + (copy.map { " TEMPLATE \($0)" } ?? ""))
            do {
                let result = try await body(.postgres(url: url))
                try await Self.adminSQL(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
                return result
            } catch {
                try? await Self.adminSQL(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
                throw error
            }
        default:
            throw StorageError.unavailable("a \(self) test database cannot copy \(template?.engine ?? "")")
        }
    }

    /// The test cluster's administration URL and the URL of `database` in it.
    static func postgresURLs(database: String) throws -> (admin: String, database: String) {
        guard let admin = ProcessInfo.processInfo.environment["GANDAN_TEST_POSTGRES_URL"], !admin.isEmpty,
            var components = URLComponents(string: admin)
        else {
            throw StorageError.unavailable("GANDAN_TEST_POSTGRES_URL is not set: run the tests with scripts/test")
        }
        components.path = "/" + database
        return (admin, components.string!)
    }

    /// A fresh, migrated database, opened as a `StorageContext` and closed afterwards.
    public func withDatabase<T: Sendable>(_ body: (any Database) async throws -> T) async throws -> T {
        try await withLocation { location in
            let context = try StorageContext(location: location)
            do {
                try await context.migrate()
                let result = try await body(context.db)
                await context.shutdown()
                return result
            } catch {
                await context.shutdown()
                throw error
            }
        }
    }

    static func adminSQL(_ url: String, _ statement: String) async throws {
        let context = try StorageContext(location: .postgres(url: url))
        do {
            try await (context.db as! any SQLDatabase).raw(SQLQueryString(statement)).run()
            await context.shutdown()
        } catch {
            await context.shutdown()
            throw error
        }
    }
}
