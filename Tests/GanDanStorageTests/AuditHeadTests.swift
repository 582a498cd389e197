import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import SQLKit
import Testing

@testable import GanDanStorage

@Suite("The audit chain's head, kept in a backup's manifest, proves the trail up to it was not rewritten (issue 24)")
struct AuditHeadTests {
    /// Runs `body` on a seeded database and a backup of it, whose folder is removed afterwards.
    func withBackup(
        _ database: TestDatabase, _ body: (DatabaseLocation, String, BackupManifest) async throws -> Void
    ) async throws {
        try await database.withLocation { location in
            try await BackupTests.seed(location)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gandan-backup-\(UUID())").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let manifest = try await DatabaseBackup.backup(location, to: folder)
            try await body(location, folder, manifest)
        }
    }

    /// Runs `body` on the database at `location`, opened and closed around it.
    func open<T: Sendable>(_ location: DatabaseLocation, _ body: (any Database) async throws -> T) async throws -> T {
        let context = try StorageContext(location: location)
        do {
            let result = try await body(context.db)
            await context.shutdown()
            return result
        } catch {
            await context.shutdown()
            throw error
        }
    }

    /// What someone with write access to the database and the source code would do: change entry `seq`, then
    /// recompute every hash from it to the end with the trail's own hash function, so that `verify()` passes.
    static func rewrite(entry seq: Int, on db: any Database) async throws {
        let sql = try #require(db as? any SQLDatabase)
        let rows = try await AuditEntryRecord.query(on: db).sort(\.$seq).all()
        var previous = AuditTrail.genesis
        for row in rows {
            if row.seq == seq { row.actor = "someone else" }
            if row.seq >= seq {
                row.prevHash = previous
                row.hash = AuditTrail.hash(of: row)
                try await sql.raw(
                    """
                    UPDATE audit_entries SET actor = \(bind: row.actor), prev_hash = \(bind: row.prevHash),
                    hash = \(bind: row.hash) WHERE seq = \(bind: row.seq)
                    """
                ).run()
            }
            previous = row.hash
        }
    }

    @Test("a backup's manifest names the audit chain's head", arguments: TestDatabase.all)
    func manifestNamesHead(database: TestDatabase) async throws {
        try await withBackup(database) { location, folder, manifest in
            let head = try await open(location) { db in
                try await AuditTrail(db: db, scope: .commandLineOperator).head()
            }
            #expect(head.seq == (try await open(location) { try await AuditEntryRecord.query(on: $0).count() }))
            #expect(head.seq > 1)
            #expect(head.hash.count == 64 && head.hash != AuditTrail.genesis)
            #expect(manifest.auditHead == head)
            #expect(try BackupManifest.read(folder).auditHead == head)
            #expect(try BackupManifest.read(folder + "/manifest.json").auditHead == head)
            let text = try String(contentsOfFile: folder + "/manifest.json", encoding: .utf8)
            #expect(text.contains(head.hash))
        }
    }

    @Test(
        "verify against a manifest passes on an untouched trail and after more entries are added",
        arguments: TestDatabase.all)
    func untouchedHolds(database: TestDatabase) async throws {
        try await withBackup(database) { location, folder, _ in
            let head = try #require(try BackupManifest.read(folder).auditHead)
            try await open(location) { db in
                let trail = AuditTrail(db: db, scope: .commandLineOperator)
                #expect(try await trail.verify(against: head) == .holds(entries: head.seq))
                try await trail.record(
                    (1...3).map { AuditEvent(actor: "cli:test", action: "read", entity: "member", entityID: "\($0)") })
                #expect(try await trail.verify(against: head) == .holds(entries: head.seq + 3))
                // A head read off a printed report, with its number grouped as the page writes it, holds the same.
                let printed = try #require(AuditChainHead("\(head.seq):\(head.hash.uppercased())"))
                #expect(try await trail.verify(against: printed) == .holds(entries: head.seq + 3))
                #expect(try await trail.verify(against: .empty) == .holds(entries: head.seq + 3))
            }
            // The backup restored elsewhere holds against its own manifest.
            try await database.withLocation { target in
                try await DatabaseBackup.restore(target, from: folder, replace: false)
                let check = try await open(target) { db in
                    try await AuditTrail(db: db, scope: .commandLineOperator).verify(against: head)
                }
                #expect(check == .holds(entries: head.seq))
            }
        }
    }

    @Test(
        "an entry rewritten and the whole chain recomputed fails verify against the manifest",
        arguments: TestDatabase.all)
    func rewrittenFails(database: TestDatabase) async throws {
        try await withBackup(database) { location, _, manifest in
            let head = try #require(manifest.auditHead)
            try await open(location) { db in
                let trail = AuditTrail(db: db, scope: .commandLineOperator)
                try await trail.record(AuditEvent(actor: "cli:test", action: "read", entity: "member"))
                try await Self.rewrite(entry: 2, on: db)
                // The chain alone cannot tell: every hash was recomputed.
                #expect(try await trail.verify() == .intact(entries: head.seq + 1))
                let check = try await trail.verify(against: head)
                guard case .rewritten(let seq, let recorded, let found) = check else {
                    Issue.record("expected a rewritten trail, got \(check)")
                    return
                }
                #expect(seq == head.seq && recorded == head.hash && found != head.hash)
            }
        }
    }

    @Test(
        "a truncated trail fails verify against the manifest, also when entries were appended again",
        arguments: TestDatabase.all)
    func truncatedFails(database: TestDatabase) async throws {
        try await withBackup(database) { location, _, manifest in
            let head = try #require(manifest.auditHead)
            try await open(location) { db in
                let sql = try #require(db as? any SQLDatabase)
                let trail = AuditTrail(db: db, scope: .commandLineOperator)
                try #require(head.seq >= 3)
                try await sql.raw("DELETE FROM audit_entries WHERE seq >= \(bind: head.seq - 1)").run()
                #expect(try await trail.verify() == .intact(entries: head.seq - 2))
                #expect(
                    try await trail.verify(against: head) == .truncated(entries: head.seq - 2, recorded: head.seq))
                // New entries chained onto the cut trail reach the head's number again, but not its hash.
                try await trail.record(
                    (1...4).map { AuditEvent(actor: "cli:test", action: "read", entity: "member", entityID: "\($0)") })
                guard case .rewritten = try await trail.verify(against: head) else {
                    Issue.record("a trail cut and grown again must not hold against the head")
                    return
                }
            }
        }
    }

    @Test("an old manifest without a head still restores", arguments: TestDatabase.all)
    func oldManifestRestores(database: TestDatabase) async throws {
        try await withBackup(database) { location, folder, _ in
            // The manifest as a GanDan before issue 24 wrote it: no auditHead key.
            let path = folder + "/manifest.json"
            var object = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
            #expect(object.removeValue(forKey: "auditHead") != nil)
            try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
                .write(to: URL(fileURLWithPath: path))
            #expect(try BackupManifest.read(folder).auditHead == nil)
            let original = try await BackupTests.digests(location)
            try await database.withLocation { target in
                try await DatabaseBackup.restore(target, from: folder, replace: false)
                #expect(try await BackupTests.digests(target) == original)
            }
        }
    }

    @Test("a head is read as SEQ:HASH, with a grouped number or a capitalised hash, and nothing else")
    func parsing() {
        let hash = String(repeating: "3f2a", count: 16)
        #expect(AuditChainHead("1234:\(hash)") == AuditChainHead(seq: 1234, hash: hash))
        #expect(AuditChainHead("1.234:\(hash.uppercased())") == AuditChainHead(seq: 1234, hash: hash))
        #expect(AuditChainHead("1,234:\(hash)")?.description == "1234:\(hash)")
        #expect(AuditChainHead("1234") == nil)
        #expect(AuditChainHead("1234:\(hash.dropLast())") == nil)
        #expect(AuditChainHead("-1:\(hash)") == nil)
        #expect(AuditChainHead("١٢:\(hash)") == nil)
        #expect(AuditChainHead("12:\(hash.dropLast())g") == nil)
        #expect(AuditChainHead(":\(hash)") == nil)
    }
}
