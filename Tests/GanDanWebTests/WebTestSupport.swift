import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import GanDanWeb
import Testing
import VaporTesting

/// A signed-in test user and their API token.
struct TestUser: Sendable {
    var name: String
    var account: UserAccount
    var token: String

    var bearer: HTTPHeaders { ["Authorization": "Bearer \(token)"] }
}

/// One user per role: administrator; planner, viewer and auditor of commune 00001; secretary of cell CB-00001.01.
struct TestUsers: Sendable {
    var admin: TestUser
    var planner: TestUser
    var secretary: TestUser
    var viewer: TestUser
    var auditor: TestUser

    var all: [TestUser] { [admin, planner, secretary, viewer, auditor] }

    static let password = "correct horse battery"

    static func create(on app: Application) async throws -> TestUsers {
        let tree = OrganisationTree(db: app.store, scope: .everything)
        let day = Fixtures.date("2019-03-15")
        let commune = try await tree.unit(code: "00001", on: day)!.id
        let cell = try await tree.organisation(code: "CB-00001.01")!.id
        let hash = try app.password.hash(password)
        func make(_ name: String, _ grant: RoleGrant) async throws -> TestUser {
            let users = UserDirectory(db: app.store)
            let account = try await users.create(username: name, displayName: name, passwordHash: hash, grants: [grant])
            let token = try await users.createToken(for: account.id, name: "tests").token
            return TestUser(name: name, account: account, token: token)
        }
        return TestUsers(
            admin: try await make("admin", RoleGrant(role: .administrator)),
            planner: try await make("planner", RoleGrant(role: .planner, unitID: commune)),
            secretary: try await make("secretary", RoleGrant(role: .secretary, organisationID: cell)),
            viewer: try await make("viewer", RoleGrant(role: .viewer, unitID: commune)),
            auditor: try await make("auditor", RoleGrant(role: .auditor, unitID: commune)))
    }
}

/// Runs `body` against the app configured by `configure(app, settings)` on a fresh database holding `dataset`,
/// with one user per role.
func withSeededApp(
    _ database: TestDatabase, _ dataset: OrganisationDataset = seededTree,
    _ body: (Application, TestUsers) async throws -> Void
) async throws {
    try await database.withLocation { location in
        try await withApp(configure: { app in
            try await configure(app, Settings(database: location, bcryptCost: 4))
        }) { app in
            _ = try await DatasetWriter(db: app.store, scope: .everything).write(dataset)
            try await body(app, try await TestUsers.create(on: app))
        }
    }
}

/// The small fixture tree with a few members, and a second commune (00002) outside the test users' scope.
let seededTree: OrganisationDataset = {
    var dataset = Fixtures.twoCommunes
    let since = Fixtures.since
    dataset.organisations += [
        OrganisationDraft(
            code: "CQ-00002", kind: .communeAgencyCell, name: "Chi bộ cơ quan xã Năng Khả", unitCode: "00002",
            parentCode: "DB-00002", validity: since)
    ]
    dataset.members = [
        Fixtures.member(
            "Hoàng Văn Hoan", citizenID: "000000000001",
            posts: [PostDraft(kind: .peoplesCommitteeChairman, organisationCode: "DB-00001", validity: since)]),
        Fixtures.member("La Văn Đường", citizenID: "000000000002"),
        Fixtures.member(
            "Hoàng Văn Tài", cell: "CB-00001.01",
            posts: [PostDraft(kind: .cellSecretary, organisationCode: "CB-00001.01", validity: since)]),
        Fixtures.member("Ma Thị Thu", cell: "CB-00002.01", village: "00002.01"),
        Fixtures.member("Nông Văn Khả", cell: "CQ-00002", village: "00002.01"),
    ]
    return dataset
}()

extension Application {
    /// The id of the party organisation with `code` in the seeded tree.
    func organisation(_ code: String) async throws -> UUID {
        try #require(try await OrganisationTree(db: store, scope: .everything).organisation(code: code)).id
    }

    func member(_ name: String) async throws -> UUID {
        try await MemberDirectory(db: store, scope: .everything).search(
            .init(text: name, date: Fixtures.date("2019-03-15"))
        ).items
            .first { $0.fullName == name }!.id
    }
}

/// Runs `body` against the app configured on an empty SQLite database, for what needs no data.
func withEmptyApp(metricsToken: String? = nil, _ body: (Application) async throws -> Void) async throws {
    try await TestDatabase.sqlite.withLocation { location in
        try await withApp(
            configure: { app in
                try await configure(app, Settings(database: location, bcryptCost: 4, metricsToken: metricsToken))
            }, body)
    }
}
