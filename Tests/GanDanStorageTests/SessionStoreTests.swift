import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing

@Suite("Sessions end on the server after their idle and absolute lifetimes (issue 21)")
struct SessionStoreTests {
    static let lifetimes = SessionStore.Lifetimes(idle: 2 * 3600, absolute: 12 * 3600)

    @Test("a session unused for longer than the idle lifetime is refused and deleted", arguments: TestDatabase.all)
    func idle(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let store = SessionStore(db: db)
            let now = Date()
            let stale = try await store.create(["_CurrentUserSession": "x"], now: now.addingTimeInterval(-3 * 3600))
            let fresh = try await store.create(["_CurrentUserSession": "y"], now: now.addingTimeInterval(-3600))
            #expect(try await store.read(stale, lifetimes: Self.lifetimes, now: now) == nil)
            #expect(try await store.read(fresh, lifetimes: Self.lifetimes, now: now)?["_CurrentUserSession"] == "y")
            #expect(try await store.count() == 1)
        }
    }

    @Test("a session in use is refused once older than the absolute lifetime", arguments: TestDatabase.all)
    func absolute(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let store = SessionStore(db: db)
            let now = Date()
            let id = try await store.create(["_CurrentUserSession": "x"], now: now.addingTimeInterval(-13 * 3600))
            try await store.update(id, to: ["_CurrentUserSession": "x"], now: now.addingTimeInterval(-60))
            #expect(try await store.read(id, lifetimes: Self.lifetimes, now: now) == nil)
        }
    }

    @Test(
        "failed sign-ins are stored per account and address, and pruned after the window", arguments: TestDatabase.all)
    func failures(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let failures = LoginFailures(db: db)
            let now = Date()
            for _ in 0..<3 { try await failures.record(account: "admin", address: "203.0.113.1", at: now) }
            try await failures.record(account: "admin", address: "203.0.113.2", at: now)
            let since = now.addingTimeInterval(-900)
            #expect(try await failures.times(account: "admin", address: "203.0.113.1", since: since).count == 3)
            #expect(try await failures.times(address: "203.0.113.2", since: since).count == 1)
            try await failures.clear(account: "admin", address: "203.0.113.1")
            #expect(try await failures.times(address: "203.0.113.1", since: since).isEmpty)
            try await failures.prune(before: now.addingTimeInterval(1))
            #expect(try await failures.times(address: "203.0.113.2", since: since).isEmpty)
        }
    }
}
