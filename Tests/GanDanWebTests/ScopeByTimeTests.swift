import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanStorage

/// Scope by time (issue 21 item 5, rules.md R30): a member is seen only while on a roll in the user's scope on the
/// date viewed; one who moved away is seen as of a day they were there, with what was recorded by then.
@Suite("A member who left a commune is not the commune's to read today (issue 21)")
struct ScopeByTimeTests {
    /// The seeded tree with one more member of cell CB-00001.01 (Nà Coóc, the secretary's cell), with a phone,
    /// citizen ID and party card.
    static let dataset: OrganisationDataset = {
        var dataset = seededTree
        var member = Fixtures.member(
            "Lục Văn Rời", cell: "CB-00001.01", born: "1980-02-03", admitted: "2005-01-01", official: "2006-01-01",
            citizenID: "000000000009", village: "00001.01")
        member.phone = "0912000111"
        member.cardNumber = "09000001"
        dataset.members.append(member)
        return dataset
    }()

    static let leftOn = Fixtures.date("2019-06-01")
    static let newPhone = "0987000999"

    /// Moves Lục Văn Rời to Bản Tùn (commune 00002) on 2019-06-01; his phone changes after he left.
    static func moveAway(_ app: Application) async throws -> UUID {
        let id = try await app.member("Lục Văn Rời")
        let cell = try #require(
            try await OrganisationTree(db: app.store, scope: .everything).organisation(code: "CB-00002.01"))
        try await MembershipWriter(db: app.store, scope: .everything).transfer(
            id, to: cell.id, on: leftOn, kind: .official)
        try await MemberWriter(db: app.store, scope: .everything).updateContact(
            id, MemberContactChange(phone: newPhone), on: CivilDate.today(), actor: .system)
        return id
    }

    @Test(
        "today, the planner and the secretary of his old cell get 404 for his page and his API record",
        arguments: TestDatabase.all)
    func goneToday(database: TestDatabase) async throws {
        try await withSeededApp(database, Self.dataset) { app, users in
            let id = try await Self.moveAway(app)
            for user in [users.planner, users.secretary, users.viewer] {
                for path in ["/members/\(id)", "/api/members/\(id)", "/members/\(id)?date=2019-06-01"] {
                    try await app.testing().test(.GET, path, headers: user.bearer) { res in
                        #expect(res.status == .notFound, "\(path) as \(user.name)")
                        #expect(!res.body.string.contains("000000000009"), "\(path) as \(user.name)")
                        #expect(!res.body.string.contains(Self.newPhone), "\(path) as \(user.name)")
                    }
                }
            }
            // The administrator sees the whole record, today's cell and phone included, as before.
            try await app.testing().test(.GET, "/members/\(id)", headers: users.admin.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Chi bộ thôn Bản Tùn"))
                #expect(res.body.string.contains(Self.newPhone))
                #expect(res.body.string.contains("09000001"))
            }
        }
    }

    @Test(
        "as of a day he was in the cell, they see his record as it then stood: no later cell, no later phone",
        arguments: TestDatabase.all)
    func asOfThen(database: TestDatabase) async throws {
        try await withSeededApp(database, Self.dataset) { app, users in
            let id = try await Self.moveAway(app)
            for user in [users.planner, users.secretary] {
                try await app.testing().test(.GET, "/members/\(id)?date=2019-05-31", headers: user.bearer) { res in
                    let page = res.body.string
                    #expect(res.status == .ok, "as \(user.name)")
                    #expect(page.contains("Lục Văn Rời") && page.contains("000000000009") && page.contains("09000001"))
                    #expect(page.contains("0912000111"), "the phone as recorded while he was there")
                    #expect(page.contains("Chi bộ thôn Nà Coóc"))
                    #expect(!page.contains("Bản Tùn"), "his later cell, as \(user.name)")
                    #expect(!page.contains(Self.newPhone), "his later phone, as \(user.name)")
                }
                try await app.testing().test(.GET, "/api/members/\(id)?date=2019-05-31", headers: user.bearer) {
                    res in
                    #expect(res.status == .ok)
                    let body = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any]
                    #expect(body?["citizen_id"] as? String == "000000000009")
                    #expect(body?["phone"] as? String == "0912000111")
                    let cells = (body?["memberships"] as? [[String: Any]])?.compactMap { $0["organisation_name"] }
                    #expect(cells as? [String] == ["Chi bộ thôn Nà Coóc"])
                    #expect(!res.body.string.contains("Bản Tùn") && !res.body.string.contains(Self.newPhone))
                }
            }
        }
    }

    @Test(
        "his old commune's member list, search, export and API list him as of a day he was there, not today",
        arguments: TestDatabase.all)
    func lists(database: TestDatabase) async throws {
        try await withSeededApp(database, Self.dataset) { app, users in
            _ = try await Self.moveAway(app)
            let today = [
                "/members?q=roi", "/members?format=csv", "/api/members?q=roi", "/members?q=000000000009",
                "/api/members?q=09000001", "/api/members?q=\(Self.newPhone)&date=2019-05-31",
            ]
            let then = ["/members?q=roi&date=2019-05-31", "/members?format=csv&date=2019-05-31"]
            for user in [users.planner, users.secretary] {
                for path in today {
                    try await app.testing().test(.GET, path, headers: user.bearer) { res in
                        #expect(res.status == .ok, "\(path) as \(user.name)")
                        #expect(!res.body.string.contains("Lục Văn Rời"), "\(path) as \(user.name)")
                    }
                }
                for path in then {
                    try await app.testing().test(.GET, path, headers: user.bearer) { res in
                        #expect(res.body.string.contains("Lục Văn Rời"), "\(path) as \(user.name)")
                        #expect(!res.body.string.contains("Bản Tùn"), "\(path) as \(user.name)")
                    }
                }
            }
            try await app.testing().test(.GET, "/api/members?q=roi", headers: users.admin.bearer) { res in
                #expect(res.body.string.contains("Chi bộ thôn Bản Tùn"))
            }
        }
    }

    @Test(
        "the import check calls an identity registered outside the commune 'elsewhere', names no place, and is audited",
        arguments: TestDatabase.all)
    func importCheck(database: TestDatabase) async throws {
        try await withSeededApp(database, Self.dataset) { app, users in
            _ = try await Self.moveAway(app)
            let commune = try #require(
                try await OrganisationTree(db: app.store, scope: .everything).unit(code: "00001", on: CivilDate.today())
            ).id
            // Line 2: his citizen ID and card; line 3: the name and birth date of Ma Thị Thu (Bản Tùn); line 4: the
            // citizen ID of La Văn Đường, a member of the commune itself.
            let file = """
                full_name,birth_date,sex,admitted_on,official_on,cell_code,citizen_id,card_number
                Lục Văn Khác,1990-01-01,Nam,2010-01-01,2011-01-01,CB-00001.01,000000000009,09000001
                Ma Thị Thu,1975-05-05,Nữ,2010-01-01,2011-01-01,CB-00001.01,,
                La Văn Đường,1975-05-05,Nam,2000-01-01,2001-01-01,CQ-00001,000000000002,
                """
            var location = ""
            try await app.testing().test(
                .POST, "/units/\(commune)/import", headers: ImportPageTests.headers(users.planner, multipart: true),
                body: ImportPageTests.multipart(kind: "members", name: "m.csv", content: file)
            ) { res in
                location = res.headers.first(name: .location) ?? ""
            }
            let mapping =
                "col_full_name=0&col_birth_date=1&col_sex=2&col_admitted_on=3&col_official_on=4&col_cell_code=5"
                + "&col_citizen_id=6&col_card_number=7"
            for step in ["check", "errors"] {
                let request: (HTTPMethod, String, ByteBuffer?) =
                    step == "check"
                    ? (.POST, location + "/check", ByteBuffer(string: mapping)) : (.GET, location + "/errors.csv", nil)
                try await app.testing().test(
                    request.0, request.1, headers: ImportPageTests.headers(users.planner), body: request.2
                ) { res in
                    let text = res.body.string
                    #expect(res.status == .ok, "\(step)")
                    #expect(text.contains("nơi khác") && !text.contains("elsewhere"), "\(step): in the page's language")
                    for place in ["Bản Tùn", "CB-00002", "Năng Khả", "Lục Văn Rời"] {
                        #expect(!text.contains(place), "\(step) names \(place)")
                    }
                    #expect(text.contains("000000000002 đã có trong hồ sơ"), "inside the commune, as before")
                }
            }
            let audit = try await AuditEntryRecord.query(on: app.store).filter(\.$action == "check").all()
            #expect(audit.count == 2, "one entry per check")
            for entry in audit {
                #expect(entry.actor == "planner" && entry.unitID == commune)
                #expect(entry.entity == "member_identities")
                #expect(entry.after?.contains(#""rows":3"#) == true)
            }
        }
    }

    @Test(
        "a commune that ended (as districts did on 1-7-2025) opens on its dashboard as of a day it stood, for a planner above it, and not after",
        arguments: TestDatabase.all)
    func endedUnitDashboard(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, _ in
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let day = Fixtures.date("2019-03-15")
            let district = try #require(try await tree.unit(code: "001", on: day)).id
            let commune = try #require(try await tree.unit(code: "00002", on: day)).id
            let village = try #require(try await tree.unit(code: "00002.01", on: day)).id
            let ended = Fixtures.date("2020-01-01")
            let writer = UnitWriter(db: app.store, scope: .everything)
            try await writer.close(village, on: ended)
            try await writer.close(commune, on: ended)
            let users = UserDirectory(db: app.store)
            let account = try await users.create(
                username: "planner.district", displayName: "Huyện", passwordHash: "x",
                grants: [RoleGrant(role: .planner, unitID: district)])
            let token = try await users.createToken(for: account.id, name: "tests").token
            let headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            for path in ["/units/\(commune)/dashboard", "/api/units/\(commune)/dashboard"] {
                try await app.testing().test(.GET, path + "?as_of=2019-06-01", headers: headers) { res in
                    #expect(res.status == .ok, "\(path) as of a day it stood")
                    #expect(res.body.string.contains("Năng Khả"))
                }
                try await app.testing().test(.GET, path + "?as_of=2021-01-01", headers: headers) { res in
                    #expect(res.status == .notFound, "\(path) after it ended")
                }
            }
        }
    }
}
