import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("A village split on the web by a planner, with a reason (issue 18, rules.md R26, R27)")
struct VillageSplitPageTests {
    static func body(households: String) -> ByteBuffer {
        TreeEditPageTests.body([
            "code": "00001.05", "name": "Nà Coóc Trên", "on": "2022-01-01", "households": households,
            "poorHouseholds": "12", "reason": "NQ 40",
        ])
    }

    @Test(
        "the edit page offers the split; a wrong count is refused beside its field; the new village's page names the old village and how members may follow",
        arguments: TestDatabase.all)
    func split(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let naCooc = try #require(try await tree.unit(code: "00001.01", on: Fixtures.date("2019-03-15"))).id
            try await app.testing().test(.GET, "/units/\(naCooc)/edit", headers: users.planner.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("action=\"/units/\(naCooc)/split\""))
                #expect(res.body.string.contains("<h2>Tách thôn</h2>"))
                #expect(res.body.string.contains("name=\"code\" value=\"00001.\""))
            }
            try await app.testing().test(
                .POST, "/units/\(naCooc)/split", headers: TreeEditPageTests.form(users.planner),
                body: Self.body(households: "90")
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("chỉ có 80 hộ"))
                #expect(res.body.string.contains("value=\"Nà Coóc Trên\""), "what was typed is shown again")
            }
            #expect(try await tree.unit(code: "00001.05", on: Fixtures.date("2022-01-01")) == nil)
            let body = Self.body(households: "30")
            try await app.testing().test(
                .POST, "/units/\(naCooc)/split", headers: TreeEditPageTests.form(users.secretary), body: body
            ) { res in
                #expect(res.status == .forbidden || res.status == .notFound)
            }
            var location = ""
            try await app.testing().test(
                .POST, "/units/\(naCooc)/split", headers: TreeEditPageTests.form(users.planner), body: body
            ) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            let new = try #require(try await tree.unit(code: "00001.05", on: Fixtures.date("2022-01-01")))
            #expect(location == "/units/\(new.id)")
            try await app.testing().test(.GET, location, headers: users.planner.bearer) { res in
                #expect(res.body.string.contains("Tách từ <a href=\"/units/\(naCooc)"))
                #expect(res.body.string.contains("01/01/2022"))
                #expect(res.body.string.contains("Chi bộ thôn Nà Coóc: Đảng viên sống ở thôn mới"))
                #expect(res.body.string.contains("href=\"/units/\(new.parentID!)/cells/new\""))
            }
            try await app.testing().test(.GET, "\(location)?lang=en", headers: users.viewer.bearer) { res in
                #expect(res.body.string.contains("Split from"))
                #expect(!res.body.string.contains("/cells/new"), "a viewer is not offered to found a cell")
            }
        }
    }
}
