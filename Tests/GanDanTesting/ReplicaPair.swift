import FluentKit
import Foundation
import GanDanStorage
import SQLKit

/// A PostgreSQL primary and its streaming replica, started by `scripts/test` (`scripts/postgres start --replica`),
/// which sets GANDAN_TEST_REPLICA_PRIMARY_URL and GANDAN_TEST_REPLICA_URL. Under CI a missing pair fails the test.
public enum ReplicaPair {
    /// Whether the replica tests run: the pair was started, or this is CI (where they must).
    public static var expected: Bool {
        urls != nil || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    static var urls: (primary: String, replica: String)? {
        let environment = ProcessInfo.processInfo.environment
        guard let primary = environment["GANDAN_TEST_REPLICA_PRIMARY_URL"], !primary.isEmpty,
            let replica = environment["GANDAN_TEST_REPLICA_URL"], !replica.isEmpty
        else { return nil }
        return (primary, replica)
    }

    /// A fresh database on the primary, once the replica has it too; dropped afterwards.
    public static func withDatabase<T: Sendable>(
        _ body: (_ primary: DatabaseLocation, _ replica: DatabaseLocation) async throws -> T
    ) async throws -> T {
        guard let (admin, replicaAdmin) = urls else {
            throw StorageError.unavailable("GANDAN_TEST_REPLICA_URL is not set: run the tests with scripts/test")
        }
        let name = "gandan_replica_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let primary = DatabaseLocation.postgres(url: try url(admin, database: name))
        let replica = DatabaseLocation.postgres(url: try url(replicaAdmin, database: name))
        try await TestDatabase.adminSQL(admin, "CREATE DATABASE \(name)")
        do {
            try await waitFor(replica)
            let result = try await body(primary, replica)
            try await TestDatabase.adminSQL(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            return result
        } catch {
            try? await setReplay(paused: false, on: replica)
            try? await TestDatabase.adminSQL(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
    }

    /// Stops or resumes the replica's replay of the primary's log: while stopped it keeps answering, ever older.
    public static func setReplay(paused: Bool, on replica: DatabaseLocation) async throws {
        guard case .postgres(let url) = replica else { return }
        try await TestDatabase.adminSQL(url, paused ? "SELECT pg_wal_replay_pause()" : "SELECT pg_wal_replay_resume()")
    }

    static func url(_ admin: String, database: String) throws -> String {
        guard var components = URLComponents(string: admin) else {
            throw StorageError.unavailable("\(admin) is not a URL")
        }
        components.path = "/" + database
        return components.string!
    }

    /// Waits (up to 20 s) until the replica has replayed the database's creation and answers in it.
    static func waitFor(_ replica: DatabaseLocation) async throws {
        guard case .postgres(let url) = replica else { return }
        var lastError: (any Error)?
        for _ in 0..<200 {
            do {
                try await TestDatabase.adminSQL(url, "SELECT 1")
                return
            } catch {
                lastError = error
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        throw lastError ?? StorageError.unavailable("the replica never had the test database")
    }
}
