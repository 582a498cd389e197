import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("The member's record corrected and its status changes recorded on the web (issue 18, rules.md R28)")
struct MemberRegistryPageTests {
    static func form(_ user: TestUser) -> HTTPHeaders {
        var headers = user.bearer
        headers.contentType = .urlEncodedForm
        return headers
    }

    @Test(
        "a planner corrects a name with its reason and records a death; a secretary may not; outside the commune, no one",
        arguments: TestDatabase.all)
    func pages(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let tai = try await app.member("Hoàng Văn Tài")
            let thu = try await app.member("Ma Thị Thu")
            let page = "/members/\(tai)/registry"
            try await app.testing().test(.GET, page, headers: users.planner.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("name=\"reason\""))
                #expect(res.body.string.contains("value=\"Hoàng Văn Tài\""))
                #expect(res.body.string.contains("name=\"idem\""), "kept as a draft and saved once like the long forms")
            }
            try await app.testing().test(.GET, "/members/\(tai)", headers: users.planner.bearer) { res in
                #expect(res.body.string.contains("href=\"\(page)\""))
            }
            try await app.testing().test(.GET, "/members/\(tai)", headers: users.secretary.bearer) { res in
                #expect(!res.body.string.contains("href=\"\(page)\""))
            }
            let rename = ByteBuffer(string: "fullName=Ho%C3%A0ng+V%C4%83n+T%C3%A0i+Em&reason=")
            try await app.testing().test(.GET, page, headers: users.secretary.bearer) { res in
                #expect(res.status == .forbidden)
            }
            try await app.testing().test(
                .POST, "/members/\(tai)/correct", headers: Self.form(users.secretary), body: rename
            ) { res in
                #expect(res.status == .forbidden, "the cell's secretary keeps contacts; the committee above the record")
            }
            try await app.testing().test(
                .POST, "/members/\(thu)/correct", headers: Self.form(users.planner), body: rename
            ) { res in
                #expect(res.status == .notFound, "a member of another commune is not the planner's")
            }
            // Without a reason: refused, what was typed shown again, nothing written.
            try await app.testing().test(
                .POST, "/members/\(tai)/correct", headers: Self.form(users.planner), body: rename
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("value=\"Hoàng Văn Tài Em\""))
                let said = res.body.string
                #expect(said.contains("Cần ghi lý do") || said.contains("Please give the reason"))
            }
            try await app.testing().test(
                .POST, "/members/\(tai)/correct", headers: Self.form(users.planner),
                body: ByteBuffer(string: "fullName=Ho%C3%A0ng+V%C4%83n+T%C3%A0i+Em&reason=Theo+l%C3%BD+l%E1%BB%8Bch")
            ) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/members/\(tai)")
            }
            try await app.testing().test(
                .POST, "/members/\(tai)/status", headers: Self.form(users.planner),
                body: ByteBuffer(string: "status=deceased&since=2024-05-02&reason=Gi%E1%BA%A5y+b%C3%A1o+t%E1%BB%AD")
            ) { res in
                #expect(res.status == .seeOther)
            }
            let detail = try #require(
                try await MemberDirectory(db: app.store, scope: .everything).detail(
                    tai, on: Fixtures.date("2024-05-01")))
            #expect(detail.summary.fullName == "Hoàng Văn Tài Em")
            #expect(detail.party.status == .deceased)
            #expect(detail.party.statusSince == Fixtures.date("2024-05-02"))
            let audited = try await AuditTrail(db: app.store, scope: .everything).entries()
                .filter {
                    $0.entity == "member" && $0.entityID == tai.uuidString && $0.action != "read"
                        && $0.action != "create"
                }
            #expect(Set(audited.map(\.action)) == ["correct", "status"])
            #expect(audited.allSatisfy { $0.actor == "planner" })
        }
    }

    @Test(
        "a planner gives a member a post and ends it on the page; a second holder of a one-holder post is refused in words",
        arguments: TestDatabase.all)
    func posts(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let duong = try await app.member("La Văn Đường")
            let committee = try await app.organisation("DB-00001")
            let page = "/members/\(duong)/registry"
            try await app.testing().test(.GET, page, headers: users.planner.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("<option value=\"\(committee)\">Đảng bộ xã Thanh Tương</option>"))
                #expect(res.body.string.contains("value=\"peoplesCommitteeChairman\""))
            }
            // Hoàng Văn Hoan chairs the People's Committee: a second chairman is refused, nothing written.
            let second = "kind=peoplesCommitteeChairman&organisation=\(committee)&from=2019-03-01&source=appointment"
            try await app.testing().test(
                .POST, "/members/\(duong)/posts", headers: Self.form(users.planner), body: ByteBuffer(string: second)
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Hoàng Văn Hoan"))
            }
            let vice = "kind=peoplesCommitteeViceChairman&organisation=\(committee)&from=2019-03-01&source=election"
            try await app.testing().test(
                .POST, "/members/\(duong)/posts", headers: Self.form(users.secretary), body: ByteBuffer(string: vice)
            ) { res in
                #expect(res.status == .notFound, "a member of the agency cell is outside a village secretary's cell")
            }
            try await app.testing().test(
                .POST, "/members/\(duong)/posts", headers: Self.form(users.planner), body: ByteBuffer(string: vice)
            ) { res in
                #expect(res.status == .seeOther)
            }
            let held = try await PostWriter(db: app.store, scope: .everything).posts(
                of: duong, today: CivilDate.today())
            #expect(held.map(\.kind) == [.peoplesCommitteeViceChairman])
            let post = try #require(held.first).id
            try await app.testing().test(.GET, page, headers: users.planner.bearer) { res in
                #expect(res.body.string.contains("name=\"post\" value=\"\(post)\""))
            }
            try await app.testing().test(
                .POST, "/members/\(duong)/posts/end", headers: Self.form(users.planner),
                body: ByteBuffer(string: "post=\(post)&until=2021-06-30&reason=Chuy%E1%BB%83n+c%C3%B4ng+t%C3%A1c")
            ) { res in
                #expect(res.status == .seeOther)
            }
            let ended = try await PostWriter(db: app.store, scope: .everything).posts(
                of: duong, today: CivilDate.today())
            #expect(ended.map(\.validity.until) == [Fixtures.date("2021-06-30")])
        }
    }
}
