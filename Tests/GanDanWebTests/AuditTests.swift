import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import SQLKit
import Testing
import VaporTesting

@testable import GanDanStorage

@Suite("The audit trail: every write recorded, tampering detected")
struct AuditTests {
    @Test("a write produces an entry with who, what, before and after, and the request id", arguments: TestDatabase.all)
    func writeIsAudited(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let tai = try await app.member("Hoàng Văn Tài")
            var headers = users.secretary.bearer
            headers.contentType = .json
            var requestID: String?
            try await app.testing().test(
                .PATCH, "/api/members/\(tai)", headers: headers, body: ByteBuffer(string: #"{"phone":"0912 345 678"}"#)
            ) { res in
                #expect(res.status == .ok)
                requestID = res.headers.first(name: "X-Request-Id")
            }
            let entry = try #require(
                try await AuditEntryRecord.query(on: app.store).filter(\.$action == "update").filter(
                    \.$entity == "member"
                )
                .first())
            #expect(entry.actor == "secretary")
            #expect(entry.entityID == tai.uuidString)
            #expect(entry.before?.contains("\"phone\"") == false)
            #expect(entry.after?.contains("0912 345 678") == true)
            #expect(entry.requestID?.isEmpty == false)
            #expect(entry.requestID == requestID)
            #expect(
                try await AuditTrail(db: app.store, scope: .everything).verify()
                    == .intact(entries: try await AuditEntryRecord.query(on: app.store).count()))
        }
    }

    @Test("editing, deleting or reordering a past entry makes verify fail and name it", arguments: TestDatabase.all)
    func tampering(database: TestDatabase) async throws {
        for tamper in ["edit", "delete", "swap"] {
            try await database.withDatabase { db in
                _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
                let count = try await AuditEntryRecord.query(on: db).count()
                #expect(count == 9)
                #expect(try await AuditTrail(db: db, scope: .everything).verify() == .intact(entries: 9))
                let sql = db as! any SQLDatabase
                switch tamper {
                case "edit":
                    try await sql.raw("UPDATE audit_entries SET actor = 'someone else' WHERE seq = 4").run()
                    #expect(
                        try await AuditTrail(db: db, scope: .everything).verify()
                            == .broken(seq: 4, reason: "entry 4 was changed after it was written"))
                case "delete":
                    try await sql.raw("DELETE FROM audit_entries WHERE seq = 6").run()
                    #expect(
                        try await AuditTrail(db: db, scope: .everything).verify()
                            == .broken(seq: 6, reason: "entry 6 is missing (the next entry is 7)"))
                default:
                    try await sql.raw("UPDATE audit_entries SET seq = 100 WHERE seq = 3").run()
                    try await sql.raw("UPDATE audit_entries SET seq = 3 WHERE seq = 5").run()
                    try await sql.raw("UPDATE audit_entries SET seq = 5 WHERE seq = 100").run()
                    let result = try await AuditTrail(db: db, scope: .everything).verify()
                    #expect(result == .broken(seq: 3, reason: "entry 3 does not follow entry 2"))
                }
            }
        }
    }

    @Test("an auditor reads the trail of their subtree only", arguments: TestDatabase.all)
    func auditorScope(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            // Member creations are audited per cell by member id (rules.md R30): look for Ma Thị Thu's id.
            let outside = try #require(
                try await MemberRecord.query(on: app.store).filter(\.$fullName == "Ma Thị Thu").first()?.id?.uuidString)
            try await app.testing().test(.GET, "/api/audit", headers: users.auditor.bearer) { res in
                #expect(res.status == .ok)
                let entries =
                    try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [[String: Any]] ?? []
                #expect(!entries.isEmpty)
                #expect(!res.body.string.contains(outside))
                #expect(!res.body.string.contains("Năng Khả"))
            }
            try await app.testing().test(.GET, "/api/audit", headers: users.admin.bearer) { res in
                #expect(res.body.string.contains(outside))
            }
        }
    }
}
