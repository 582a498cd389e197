import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing

/// Accounts managed through one writer, by administrators everywhere and planners in their subtree (issue 18).
@Suite("Account administration: adding users, roles, disabling, reset codes and own passwords (issue 18)")
struct AccountAdministrationTests {
    /// The fixture tree, with a second commune (00002) outside the planner's commune 00001.
    static var dataset: OrganisationDataset {
        var dataset = Fixtures.tree
        dataset.units.append(
            UnitDraft(code: "00002", kind: .commune, name: "Năng Khả", parentCode: "001", validity: Fixtures.since))
        return dataset
    }

    struct Place {
        var commune: UUID
        var village: UUID
        var other: UUID
        var cell: UUID
        var planner: AccessScope
    }

    static func seed(_ db: any Database) async throws -> Place {
        _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
        let tree = OrganisationTree(db: db, scope: .everything)
        let day = CivilDate.today()
        let commune = try #require(try await tree.unit(code: "00001", on: day)).id
        let account = try await UserDirectory(db: db).create(
            username: "planner", displayName: "", passwordHash: "h",
            grants: [RoleGrant(role: .planner, unitID: commune)])
        let planner = try await ScopeResolver(db: db).scope(for: account, roles: [.planner], on: day)
        return Place(
            commune: commune, village: try #require(try await tree.unit(code: "00001.01", on: day)).id,
            other: try #require(try await tree.unit(code: "00002", on: day)).id,
            cell: try #require(try await tree.organisation(code: "CB-00001.01")).id, planner: planner)
    }

    static let admin = Actor(name: "admin", requestID: "r1")

    @Test(
        "an administrator adds a user and grants a role; each change is audited under the units concerned",
        arguments: TestDatabase.all)
    func addAndGrant(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let place = try await Self.seed(db)
            let administration = AccountAdministration(db: db, scope: .everything)
            let grant = try await administration.grant(.viewer, placeCode: "00001.01", on: CivilDate.today())
            let added = try await administration.addWithResetCode(
                username: "Lan.Nguyen", displayName: "Nguyễn Thị Lan", passwordHash: "h", grants: [grant],
                actor: Self.admin)
            #expect(added.account.username == "lan.nguyen")
            let secretary = try await administration.grant(.secretary, placeCode: "CB-00001.01", on: CivilDate.today())
            try await administration.grant(secretary, to: added.account.id, actor: Self.admin)
            let stored = try #require(try await UserDirectory(db: db).account(added.account.id))
            #expect(Set(stored.grants) == [RoleGrant(role: .viewer, unitID: place.village), secretary])
            let entries = try await AuditTrail(db: db, scope: .everything).entries().filter { $0.entity == "user" }
            #expect(entries.map(\.action) == ["grant", "issue-reset-code", "create"])
            #expect(entries.allSatisfy { $0.entityID == added.account.id.uuidString && $0.actor == "admin" })
            #expect(entries.first?.units == [place.village])
            // The commune's auditor sees the entries: they name a unit of the commune.
            let auditor = AuditTrail(db: db, scope: place.planner)
            #expect(try await auditor.entries().filter { $0.entity == "user" }.count == 3)
            // A taken user name is refused on its field and writes nothing.
            await #expect(throws: AccountRefusal.self) {
                try await administration.add(
                    username: "lan.nguyen", displayName: "", passwordHash: "h", grants: [grant], actor: Self.admin)
            }
            #expect(
                try await AuditTrail(db: db, scope: .everything).entries().filter { $0.entity == "user" }.count == 3)
        }
    }

    @Test(
        "a planner manages only their subtree: no administrator role, no place outside, no administrator's account",
        arguments: TestDatabase.all)
    func plannerLimits(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let place = try await Self.seed(db)
            let everything = AccountAdministration(db: db, scope: .everything)
            let boss = try await everything.add(
                username: "boss", displayName: "", passwordHash: "h", grants: [RoleGrant(role: .administrator)],
                actor: Self.admin)
            let elsewhere = try await everything.add(
                username: "elsewhere", displayName: "", passwordHash: "h",
                grants: [RoleGrant(role: .viewer, unitID: place.other)], actor: Self.admin)
            let planner = AccountAdministration(db: db, scope: place.planner)
            let actor = Actor(name: "planner")
            await #expect(throws: AccountRefusal.roleAboveOwn) {
                _ = try await planner.grant(.administrator, placeCode: nil, on: CivilDate.today())
            }
            await #expect(throws: AccountRefusal.roleAboveOwn) {
                _ = try await planner.grant(.auditor, placeCode: "00001", on: CivilDate.today())
            }
            await #expect(throws: AccountRefusal.placeUnknown) {
                _ = try await planner.grant(.viewer, placeCode: "00002", on: CivilDate.today())
            }
            await #expect(throws: AccountRefusal.self) {
                try await planner.add(
                    username: "sneaky", displayName: "", passwordHash: "h",
                    grants: [RoleGrant(role: .viewer, unitID: place.other)], actor: actor)
            }
            await #expect(throws: StorageError.self) { try await planner.setDisabled(boss.id, true, actor: actor) }
            await #expect(throws: StorageError.self) {
                _ = try await planner.issueResetCode(for: elsewhere.id, actor: actor)
            }
            let mine = try await planner.add(
                username: "mine", displayName: "", passwordHash: "h",
                grants: [try await planner.grant(.secretary, placeCode: "CB-00001.01", on: CivilDate.today())],
                actor: actor)
            #expect(try await planner.accounts().map(\.username) == ["mine", "planner"])
            try await planner.setDisabled(mine.id, true, actor: actor)
            #expect(try await UserDirectory(db: db).account(mine.id)?.disabled == true)
            #expect(try await UserDirectory(db: db).credentials(username: "sneaky") == nil)
        }
    }

    @Test(
        "nobody disables the last active administrator, or revokes their role, nor disables their own account",
        arguments: TestDatabase.all)
    func lastAdministrator(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await Self.seed(db)
            let administration = AccountAdministration(db: db, scope: .everything)
            let admin = try await administration.add(
                username: "admin", displayName: "", passwordHash: "h", grants: [RoleGrant(role: .administrator)],
                actor: .system)
            let other = try await administration.add(
                username: "second", displayName: "", passwordHash: "h", grants: [RoleGrant(role: .administrator)],
                actor: .system)
            await #expect(throws: AccountRefusal.ownAccount) {
                try await administration.setDisabled(admin.id, true, actor: Self.admin)
            }
            try await administration.setDisabled(other.id, true, actor: Self.admin)
            await #expect(throws: AccountRefusal.lastAdministrator) {
                try await administration.setDisabled(admin.id, true, actor: .cli)
            }
            await #expect(throws: AccountRefusal.lastAdministrator) {
                try await administration.revoke(RoleGrant(role: .administrator), from: admin.id, actor: .cli)
            }
            #expect(try await UserDirectory(db: db).account(admin.id)?.grants == [RoleGrant(role: .administrator)])
        }
    }

    @Test(
        "a reset code works once, not after it expires; using it ends every session and token",
        arguments: TestDatabase.all)
    func resetCode(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let place = try await Self.seed(db)
            let administration = AccountAdministration(db: db, scope: .everything)
            let user = try await administration.add(
                username: "lan", displayName: "", passwordHash: "old",
                grants: [RoleGrant(role: .viewer, unitID: place.village)],
                actor: Self.admin)
            let directory = UserDirectory(db: db)
            let token = try await directory.createToken(for: user.id, name: "t").token
            let session = try await SessionStore(db: db).create([SessionStore.userKey: user.id.uuidString])
            let issued = try await administration.issueResetCode(for: user.id, actor: Self.admin)
            #expect(issued.expiresAt.timeIntervalSinceNow > 23 * 3600)
            await #expect(throws: AccountRefusal.codeInvalid) {
                try await directory.redeemResetCode(
                    username: "lan", code: "AAAA-BBBB-CCCC", hash: "new", requestID: nil)
            }
            try await directory.redeemResetCode(
                username: "LAN", code: issued.code.lowercased().replacingOccurrences(of: "-", with: " "), hash: "new",
                requestID: nil)
            #expect(try await directory.credentials(username: "lan")?.passwordHash == "new")
            #expect(try await directory.account(forToken: token) == nil)
            #expect(try await SessionStore(db: db).read(session) == nil)
            await #expect(throws: AccountRefusal.codeInvalid) {
                try await directory.redeemResetCode(username: "lan", code: issued.code, hash: "again", requestID: nil)
            }
            let late = try await administration.issueResetCode(
                for: user.id, actor: Self.admin, now: Date().addingTimeInterval(-25 * 3600))
            await #expect(throws: AccountRefusal.codeInvalid) {
                try await directory.redeemResetCode(username: "lan", code: late.code, hash: "late", requestID: nil)
            }
            #expect(try await directory.credentials(username: "lan")?.passwordHash == "new")
            let actions = try await AuditTrail(db: db, scope: .everything).entries().map(\.action)
            #expect(actions.filter { $0 == "reset-password" }.count == 1)
        }
    }

    @Test(
        "one's own new password ends the other sessions and the tokens, and keeps the session it was made in",
        arguments: TestDatabase.all)
    func ownPassword(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let place = try await Self.seed(db)
            let user = try await AccountAdministration(db: db, scope: .everything).add(
                username: "lan", displayName: "", passwordHash: "old",
                grants: [RoleGrant(role: .secretary, organisationID: place.cell)], actor: Self.admin)
            let sessions = SessionStore(db: db)
            let current = try await sessions.create([SessionStore.userKey: user.id.uuidString])
            let other = try await sessions.create([SessionStore.userKey: user.id.uuidString])
            let directory = UserDirectory(db: db)
            let token = try await directory.createToken(for: user.id, name: "t").token
            try await directory.changeOwnPassword(
                user.id, hash: "new", keepingSession: current, actor: Actor(name: "lan"))
            #expect(try await sessions.read(current) != nil)
            #expect(try await sessions.read(other) == nil)
            #expect(try await directory.account(forToken: token) == nil)
            let entry = try #require(try await AuditTrail(db: db, scope: .everything).entries().first)
            #expect(entry.action == "change-password" && entry.actor == "lan" && entry.units == [place.village])
        }
    }
}
