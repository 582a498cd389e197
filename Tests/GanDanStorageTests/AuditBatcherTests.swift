import FluentKit
import Foundation
import GanDanTesting
import SQLKit
import Testing

@testable import GanDanStorage

@Suite("Reads' audit entries are written in batches, each read answered once its entry is stored (issue 24)")
struct AuditBatcherTests {
    @Test(
        "64 concurrent audited reads leave 64 entries in one valid chain, in fewer transactions than entries",
        arguments: TestDatabase.all)
    func concurrentReads(database: TestDatabase) async throws {
        try await withContext(database) { context in
            let reads = context.auditReads
            let before = StorageTimings.shared.snapshot()
            let hold = try await AuditChainHold.hold(context.location)
            // The first read's batch waits behind a change holding the chain; the 63 reads after it gather meanwhile.
            try await withThrowingTaskGroup(of: Void.self) { group in
                try await hold.releasing {
                    group.addTask { try await reads.record(Self.read(0), scope: .everything) }
                    try await waitUntil("the first read's batch") { await reads.inFlight == 1 }
                    for index in 1..<64 {
                        group.addTask { try await reads.record(Self.read(index), scope: .everything) }
                    }
                    try await waitUntil("63 queued reads") { await reads.queued == 63 }
                }
                try await group.waitForAll()
            }
            let statistics = await reads.statistics
            #expect(statistics == AuditBatcher.Statistics(committedBatches: 2, failedBatches: 0, entries: 64))
            let trail = AuditTrail(db: context.db, scope: .everything)
            #expect(try await trail.verify() == .intact(entries: 65))
            let entries = try await trail.entries(perPage: 100).reversed().map(\.entity)
            #expect(entries.first == "held change")
            #expect(entries.dropFirst().first == "member 0")
            #expect(Set(entries.dropFirst()) == Set((0..<64).map { "member \($0)" }))
            let after = StorageTimings.shared.snapshot()
            #expect((after[.auditReadWait]?.count ?? 0) - (before[.auditReadWait]?.count ?? 0) >= 64)
            #expect((after[.auditAppend]?.count ?? 0) - (before[.auditAppend]?.count ?? 0) >= 3)
        }
    }

    @Test("a failed batch fails its requests and writes none of their entries", arguments: TestDatabase.all)
    func failedBatch(database: TestDatabase) async throws {
        try await withContext(database) { context in
            let reads = context.auditReads
            let sql = try #require(context.db as? any SQLDatabase)
            // The database refuses to store a new set of units: the batch whose entry names two units fails after
            // its entries were inserted, and its transaction is rolled back.
            try await Self.refuseUnitSets(on: sql, database)
            let hold = try await AuditChainHold.hold(context.location)
            let outcomes = try await withThrowingTaskGroup(of: (String, Bool).self) { group in
                try await hold.releasing {
                    group.addTask { await Self.outcome(reads, Self.read(0)) }
                    try await waitUntil("the first read's batch") { await reads.inFlight == 1 }
                    for index in 1...7 {
                        group.addTask { await Self.outcome(reads, Self.read(index)) }
                    }
                    var poisoned = Self.read(8)
                    poisoned.units = [UUID(), UUID()]
                    group.addTask { [poisoned] in await Self.outcome(reads, poisoned) }
                    try await waitUntil("8 queued reads") { await reads.queued == 8 }
                }
                return try await group.reduce(into: [String: Bool]()) { $0[$1.0] = $1.1 }
            }
            #expect(outcomes["member 0"] == true)
            #expect((1...8).allSatisfy { outcomes["member \($0)"] == false })
            #expect(
                await reads.statistics == AuditBatcher.Statistics(committedBatches: 1, failedBatches: 1, entries: 1))
            let trail = AuditTrail(db: context.db, scope: .everything)
            #expect(try await trail.entries().map(\.entity).sorted() == ["held change", "member 0"])
            #expect(try await trail.verify() == .intact(entries: 2))
            // The next read chains on as if the failed batch had never been tried.
            try await reads.record(Self.read(9), scope: .everything)
            #expect(try await trail.verify() == .intact(entries: 3))
        }
    }

    @Test("a read's entry may name only units in the reader's scope; refusing it leaves the others alone")
    func scopeChecked() async throws {
        try await withContext(.sqlite) { context in
            let inside = UUID()
            let scope = AccessScope.restricted(units: [inside], organisations: [])
            var outside = Self.read(1)
            outside.units = [inside, UUID()]
            await #expect(throws: AuditTrail.UnitOutsideScope.self) {
                try await context.auditReads.record(outside, scope: scope)
            }
            var fine = Self.read(2)
            fine.units = [inside]
            try await context.auditReads.record(fine, scope: scope)
            let entries = try await AuditTrail(db: context.db, scope: .everything).entries()
            #expect(entries.map(\.entity) == ["member 2"])
            #expect(entries.first?.units == [inside])
            #expect(await context.auditReads.statistics.entries == 1)
        }
    }

    static func read(_ index: Int) -> AuditEvent {
        AuditEvent(actor: "reader \(index)", action: "read", entity: "member \(index)", requestID: "request \(index)")
    }

    static func outcome(_ reads: AuditBatcher, _ event: AuditEvent) async -> (String, Bool) {
        do {
            try await reads.record(event, scope: .everything)
            return (event.entity, true)
        } catch {
            return (event.entity, false)
        }
    }

    static func refuseUnitSets(on sql: any SQLDatabase, _ database: TestDatabase) async throws {
        switch database {
        case .sqlite:
            try await sql.raw(
                "CREATE TRIGGER refuse_sets BEFORE INSERT ON audit_unit_sets "
                    + "BEGIN SELECT RAISE(ABORT, 'refused'); END"
            ).run()
        case .postgres:
            try await sql.raw(
                "CREATE FUNCTION refuse_sets() RETURNS trigger LANGUAGE plpgsql "
                    + "AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$"
            ).run()
            try await sql.raw(
                "CREATE TRIGGER refuse_sets BEFORE INSERT ON audit_unit_sets "
                    + "FOR EACH ROW EXECUTE FUNCTION refuse_sets()"
            ).run()
        }
    }

    /// A fresh, migrated database opened as a `StorageContext` (whose batcher the test drives), closed afterwards.
    func withContext(_ database: TestDatabase, _ body: (StorageContext) async throws -> Void) async throws {
        try await database.withLocation { location in
            let context = try StorageContext(location: location)
            do {
                try await context.migrate()
                try await body(context)
                await context.shutdown()
            } catch {
                await context.shutdown()
                throw error
            }
        }
    }
}
