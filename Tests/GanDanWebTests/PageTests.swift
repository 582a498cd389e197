import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("Pages: light, bilingual, as of a date (rules.md R26, R29)")
struct PageTests {
    @Test("the home page lists provinces and a unit page its children and cells", arguments: TestDatabase.all)
    func treePages(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let day = Fixtures.date("2019-03-15")
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let commune = try #require(try await tree.unit(code: "00001", on: day))
            try await app.testing().test(.GET, "/?date=2019-03-15", headers: users.admin.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Tỉnh Tỉnh Mẫu") || res.body.string.contains("Tỉnh Mẫu"))
                #expect(res.body.string.contains("Tiếng Việt"))
                #expect(res.body.string.contains("English"))
            }
            try await app.testing().test(.GET, "/units/\(commune.id)?date=2019-03-15", headers: users.admin.bearer) {
                res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("Xã Thanh Tương"))
                #expect(html.contains("Thôn Nà Coóc") && html.contains("19 km"))
                #expect(html.contains("Chi bộ cơ quan xã Thanh Tương"))
                #expect(html.contains("Yếu kém"))
                #expect(html.contains("name=\"viewport\""))
            }
        }
    }

    @Test("English is one click away and is remembered", arguments: TestDatabase.all)
    func english(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            try await app.testing().test(.GET, "/members?lang=en", headers: users.admin.bearer) { res in
                #expect(res.body.string.contains("Members"))
                #expect(res.body.string.contains("<html lang=\"en\">"))
                #expect(res.headers.setCookie?["lang"]?.string == "en")
            }
            try await app.testing().test(
                .GET, "/members", headers: ["Cookie": "lang=en", "Authorization": "Bearer \(users.admin.token)"],
                afterResponse: { res in #expect(res.body.string.contains("Full name")) })
        }
    }

    @Test("a cell page shows its roll, counts and secretary", arguments: TestDatabase.all)
    func cellPage(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cell = try #require(
                try await OrganisationTree(db: app.store, scope: .everything).organisation(code: "CQ-00001"))
            try await app.testing().test(.GET, "/cells/\(cell.id)?date=2019-03-15", headers: users.admin.bearer) {
                res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("Hoàng Văn Hoan") && html.contains("La Văn Đường"))
                #expect(!html.contains("Hoàng Văn Tài"))
                #expect(html.contains("Cán bộ chủ chốt"))
                #expect(html.contains("Dưới 3 đảng viên chính thức"))
            }
        }
    }

    @Test("member search finds \"duong\" and a member page shows the dated cells", arguments: TestDatabase.all)
    func memberPages(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            try await app.testing().test(.GET, "/members?q=duong", headers: users.admin.bearer) { res in
                #expect(res.body.string.contains("La Văn Đường"))
                #expect(!res.body.string.contains("Hoàng Văn Hoan"))
            }
            let hoan = try #require(
                try await MemberDirectory(db: app.store, scope: .everything).search(
                    .init(text: "hoan", date: Fixtures.date("2019-03-15"))
                )
                .items.first { $0.fullName == "Hoàng Văn Hoan" })
            try await app.testing().test(.GET, "/members/\(hoan.id)", headers: users.admin.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("000000000001"))
                #expect(res.body.string.contains("Chủ tịch UBND"))
            }
        }
    }
}
