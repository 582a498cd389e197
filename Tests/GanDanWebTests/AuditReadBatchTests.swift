import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanStorage

/// Reads' audit entries are batched, never deferred: a page is answered only once its entry is stored (issue 24).
@Suite("An audited read waits for its entry")
struct AuditReadBatchTests {
    /// Whether the request has been answered.
    actor Answered {
        var done = false
        func set() { done = true }
    }

    @Test("a read is answered only after its entry is stored", arguments: TestDatabase.all)
    func answeredAfterStored(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cell = try await app.organisation("CB-00001.01")
            let reads = app.storageContext.auditReads
            // A change holds the audit chain, so the read's entry cannot be stored yet. The trail is looked at through
            // a connection of its own: on SQLite, the app's connection of one event loop waits in the read's batch.
            let hold = try await AuditChainHold.hold(app.storageContext.location)
            let observer = try StorageContext(location: app.storageContext.location)
            // The observer's pool is shut down on every path: a pool dropped open stops the whole test process.
            let outcome: Result<(Bool, Int, HTTPStatus, Int), any Error>
            do {
                let answered = Answered()
                async let status = Self.get(app, "/api/cells/\(cell)", users.secretary.bearer, then: answered)
                // Generous: the whole suite runs in parallel on two cores, and a request can wait its turn for long.
                let (answeredEarly, storedEarly) = try await hold.releasing {
                    try await waitUntil("the read's entry in a batch", seconds: 180) {
                        await reads.inFlight + reads.queued == 1
                    }
                    try await Task.sleep(for: .milliseconds(300))
                    return (await answered.done, try await Self.rosterReads(observer.db, cell))
                }
                let answer = try await status
                outcome = .success((answeredEarly, storedEarly, answer, try await Self.rosterReads(observer.db, cell)))
            } catch {
                outcome = .failure(error)
            }
            await observer.shutdown()
            let (answeredEarly, storedEarly, answer, storedWhenAnswered) = try outcome.get()
            #expect(answeredEarly == false)
            #expect(storedEarly == 0)
            #expect(answer == .ok)
            #expect(storedWhenAnswered == 1)
        }
    }

    static func get(_ app: Application, _ path: String, _ headers: HTTPHeaders, then answered: Answered)
        async throws -> HTTPStatus
    {
        var status = HTTPStatus.internalServerError
        try await app.testing().test(.GET, path, headers: headers) { res in
            status = res.status
        }
        await answered.set()
        return status
    }

    static func rosterReads(_ db: any Database, _ cell: UUID) async throws -> Int {
        try await AuditEntryRecord.query(on: db).filter(\.$entity == "cell_roster")
            .filter(\.$entityID == cell.uuidString).count()
    }
}
