import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import SQLKit
import Testing
import VaporTesting

@testable import GanDanStorage

/// Reads, searches, exports and sign-ins are filed under the units they touched, so the auditor of a district sees
/// those of its members and the auditor of another district does not (issue 21, finding 7; rules.md R30).
@Suite("The audit trail names the units each read touched")
struct AuditUnitsTests {
    /// An entry as `/api/audit` lists it.
    struct Listed: Decodable {
        var actor: String
        var action: String
        var entity: String
        var entityID: String?
        var units: [UUID]

        enum CodingKeys: String, CodingKey {
            case actor, action, entity, units
            case entityID = "entity_id"
        }
    }

    /// The seeded tree with a second district (002, commune 00003) beside district 001.
    static let twoDistricts: OrganisationDataset = {
        var dataset = seededTree
        let since = Fixtures.since
        dataset.units += [
            UnitDraft(code: "002", kind: .district, name: "Huyện Khác", parentCode: "01", validity: since),
            UnitDraft(code: "00003", kind: .commune, name: "Xã Khác", parentCode: "002", validity: since),
        ]
        return dataset
    }()

    /// An auditor of the unit with `code`, with an API token.
    static func auditor(_ name: String, of code: String, _ app: Application) async throws -> TestUser {
        let unit = try #require(
            try await OrganisationTree(db: app.store, scope: .everything).unit(
                code: code, on: Fixtures.date("2019-03-15")))
        let users = UserDirectory(db: app.store)
        let account = try await users.create(
            username: name, displayName: name, passwordHash: try app.password.hash(TestUsers.password),
            grants: [RoleGrant(role: .auditor, unitID: unit.id)])
        return TestUser(
            name: name, account: account, token: try await users.createToken(for: account.id, name: "t").token)
    }

    /// The entries `user` reads at `/api/audit`.
    static func trail(_ app: Application, as user: TestUser) async throws -> [Listed] {
        var listed: [Listed] = []
        try await app.testing().test(.GET, "/api/audit", headers: user.bearer) { res in
            #expect(res.status == .ok)
            listed = try JSONDecoder().decode([Listed].self, from: Data(res.body.readableBytesView))
        }
        return listed
    }

    static func commune(_ app: Application) async throws -> UUID {
        try #require(
            try await OrganisationTree(db: app.store, scope: .everything).unit(
                code: "00001", on: Fixtures.date("2019-03-15"))?.id)
    }

    @Test(
        "a commune planner's sign-in, member page, search and export are seen by the district's auditor, not another's",
        arguments: TestDatabase.all)
    func memberReads(database: TestDatabase) async throws {
        try await withSeededApp(database, Self.twoDistricts) { app, users in
            let district = try await Self.auditor("district-auditor", of: "001", app)
            let elsewhere = try await Self.auditor("elsewhere-auditor", of: "002", app)
            let commune = try await Self.commune(app)
            // Hoàng Văn Hoan is on the roll of the commune's agency cell, which sits at the commune itself.
            let hoan = try await app.member("Hoàng Văn Hoan")
            let (cookie, csrf) = try await AuthTests.loginForm(app)
            try await AuthTests.post(
                app, "/login", "csrf=\(csrf)&username=planner&password=correct+horse+battery", cookie: cookie
            ) { res in #expect(res.status == .seeOther) }
            let planner = users.planner.bearer
            try await app.testing().test(.GET, "/members/\(hoan)?date=2019-03-15", headers: planner) { res in
                #expect(res.status == .ok)
            }
            try await app.testing().test(.GET, "/members?q=Hoan&date=2019-03-15", headers: planner) { res in
                #expect(res.status == .ok)
            }
            try await app.testing().test(.GET, "/members?format=csv&date=2019-03-15", headers: planner) { res in
                #expect(res.status == .ok)
            }
            try await app.testing().test(.GET, "/api/members/\(hoan)?date=2019-03-15", headers: planner) { res in
                #expect(res.status == .ok)
            }
            try await app.testing().test(.GET, "/api/members?q=Hoan&date=2019-03-15", headers: planner) { res in
                #expect(res.status == .ok)
            }
            let seen = try await Self.trail(app, as: district).filter { $0.actor == "planner" }
            let expected: [(action: String, entity: String)] = [
                ("login", "user"), ("read", "member"), ("read", "member_list"), ("export", "member_list"),
            ]
            for (action, entity) in expected {
                let entries = seen.filter { $0.action == action && $0.entity == entity }
                #expect(!entries.isEmpty, "the district's auditor sees the planner's \(action) of \(entity)")
                #expect(
                    entries.allSatisfy { $0.units.contains(commune) }, "\(action) \(entity) names the commune")
            }
            #expect(seen.filter { $0.action == "read" && $0.entity == "member" }.count == 2)
            #expect(seen.filter { $0.action == "read" && $0.entity == "member_list" }.count == 2)
            let other = try await Self.trail(app, as: elsewhere)
            #expect(other.filter { $0.actor == "planner" }.isEmpty, "another district's auditor sees none of them")
            #expect(other.allSatisfy { $0.units.isEmpty == false })
            // The commune's own auditor sees them too; the trail still verifies.
            let communeAuditor = try await Self.trail(app, as: users.auditor).filter { $0.actor == "planner" }
            #expect(communeAuditor.count == seen.count)
            let total = try await AuditEntryRecord.query(on: app.store).count()
            #expect(try await AuditTrail(db: app.store, scope: .everything).verify() == .intact(entries: total))
        }
    }

    @Test(
        "the placement plan page, its API and the printed decision write reads the district's auditor sees",
        arguments: TestDatabase.all)
    func planReads(database: TestDatabase) async throws {
        try await withSeededApp(database, Self.twoDistricts) { app, users in
            let district = try await Self.auditor("district-auditor", of: "001", app)
            let elsewhere = try await Self.auditor("elsewhere-auditor", of: "002", app)
            let commune = try await Self.commune(app)
            let plan = try await PlacementPlans(db: app.store, scope: .everything).propose(
                unitID: commune, on: Fixtures.date("2019-04-01"), actor: .system)
            for path in [
                "/placement/plans/\(plan.id)", "/api/placement/plans/\(plan.id)",
                "/placement/plans/\(plan.id)/decision",
            ] {
                try await app.testing().test(.GET, path, headers: users.planner.bearer) { res in
                    #expect(res.status == .ok, "\(path)")
                }
            }
            let reads = try await Self.trail(app, as: district).filter {
                $0.actor == "planner" && $0.action == "read" && $0.entityID == plan.id.uuidString
            }
            #expect(reads.filter { $0.entity == "placement_plan" }.count == 2)
            #expect(reads.filter { $0.entity == "placement_decision" }.count == 1)
            #expect(reads.allSatisfy { $0.units.contains(commune) })
            #expect(try await Self.trail(app, as: elsewhere).filter { $0.actor == "planner" }.isEmpty)
        }
    }

    @Test("an entry may not name a unit outside its writer's scope", arguments: TestDatabase.all)
    func writerScope(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            let inside = UUID()
            let outside = UUID()
            let trail = AuditTrail(db: db, scope: .restricted(units: [inside], organisations: []))
            let before = try await AuditEntryRecord.query(on: db).count()
            await #expect(throws: AuditTrail.UnitOutsideScope.self) {
                try await trail.record(
                    AuditEvent(actor: "someone", action: "read", entity: "member", units: [inside, outside]))
            }
            #expect(try await AuditEntryRecord.query(on: db).count() == before)
            try await trail.record(AuditEvent(actor: "someone", action: "read", entity: "member", units: [inside]))
            #expect(try await AuditEntryRecord.query(on: db).count() == before + 1)
        }
    }

    @Test(
        "a unit added to or removed from an entry's set makes verify fail and name the entry",
        arguments: TestDatabase.all)
    func setTampering(database: TestDatabase) async throws {
        for tamper in ["add", "remove"] {
            try await database.withDatabase { db in
                _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
                let units: Set<UUID> = [UUID(), UUID(), UUID()]
                try await AuditTrail(db: db, scope: .everything).record(
                    AuditEvent(actor: "someone", action: "read", entity: "member_list", units: units))
                #expect(try await AuditTrail(db: db, scope: .everything).verify() == .intact(entries: 10))
                let seen = try await AuditTrail(db: db, scope: .restricted(units: [units.first!], organisations: []))
                    .entries()
                #expect(seen.map(\.seq) == [10])
                #expect(seen.first?.units == [units.first!])
                let sql = db as! any SQLDatabase
                if tamper == "add" {
                    try await sql.raw(
                        "INSERT INTO audit_unit_sets (set_key, unit_id) SELECT set_key, \(bind: UUID()) FROM audit_unit_sets LIMIT 1"
                    ).run()
                } else {
                    try await sql.raw("DELETE FROM audit_unit_sets WHERE unit_id = \(bind: units.first!)").run()
                }
                #expect(
                    try await AuditTrail(db: db, scope: .everything).verify()
                        == .broken(seq: 10, reason: "the units of entry 10 were changed after it was written"))
            }
        }
    }
}
