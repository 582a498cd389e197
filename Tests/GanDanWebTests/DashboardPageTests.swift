import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("Dashboard pages and API: every figure leads to its list (rules.md A1–A3, R26, R30)")
struct DashboardPageTests {
    /// The seeded tree with a district directive, its plan approved on 25-4-2019 and one citizen's feedback.
    static func placed(_ app: Application) async throws -> (district: UUID, commune: UUID, cell: UUID) {
        let tree = OrganisationTree(db: app.store, scope: .everything)
        let day = Fixtures.date("2019-03-15")
        let district = try #require(try await tree.unit(code: "001", on: day)).id
        let commune = try #require(try await tree.unit(code: "00001", on: day)).id
        let cell = try #require(try await tree.organisation(code: "CB-00001.01")).id
        _ = try await Directives(db: app.store, scope: .everything).create(
            title: "Giải thể chi bộ cơ quan xã", legalBasis: "KL 38", deadline: Fixtures.date("2019-04-30"),
            unitID: district, plannedOn: day, actor: .system)
        let plans = PlacementPlans(db: app.store, scope: .everything)
        let plan = try await plans.propose(unitID: district, on: Fixtures.date("2019-04-01"), actor: .system)
        _ = try await plans.approve(
            plan.id, version: plan.version, decisionDate: Fixtures.date("2019-04-25"), actor: .system)
        _ = try await FeedbackBook(db: app.store, scope: .everything).record(
            cellID: cell,
            CitizenFeedback(
                receivedOn: Fixtures.date("2019-05-02"), receivedBy: "Hoàng Văn Tài", topic: .infrastructure,
                summary: "Đường vào bản sạt lở"), actor: .system)
        return (district, commune, cell)
    }

    /// The `href` of the figure link `name` in the row marked `row`.
    static func link(_ html: String, row: String, figure: String) -> String? {
        guard let start = html.range(of: row) else { return nil }
        let rest = html[start.upperBound...]
        guard let anchor = rest.range(of: "data-figure=\"\(figure)\" href=\"") else { return nil }
        let tail = rest[anchor.upperBound...]
        guard let end = tail.firstIndex(of: "\"") else { return nil }
        return String(tail[..<end]).replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The number shown by that link.
    static func value(_ html: String, row: String, figure: String) -> Int? {
        guard let start = html.range(of: row) else { return nil }
        let rest = html[start.upperBound...]
        guard let anchor = rest.range(of: "data-figure=\"\(figure)\" href=\"") else { return nil }
        let tail = rest[anchor.upperBound...]
        guard let open = tail.firstIndex(of: ">"), let close = tail.firstIndex(of: "<") else { return nil }
        return Int(tail[tail.index(after: open)..<close].trimmingCharacters(in: .whitespaces))
    }

    static func count(_ html: String, _ marker: String) -> Int {
        html.components(separatedBy: marker).count - 1
    }

    @Test(
        "R27: the printed placement decision of a district names each receiving cell with its commune",
        arguments: TestDatabase.all)
    func decisionNamesCommune(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let (district, _, _) = try await Self.placed(app)
            let plan = try #require(
                try await PlacementPlans(db: app.store, scope: .everything).plans().first { $0.unitID == district })
            try await app.testing().test(
                .GET, "/placement/plans/\(plan.id)/decision", headers: users.admin.bearer
            ) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("(xã Thanh Tương)"))
                #expect(
                    !html.contains("Chi bộ thôn Nà Làng (") || html.contains("Chi bộ thôn Nà Làng (xã Thanh Tương)"))
            }
        }
    }

    @Test(
        "the district page: figures as of a day link to member lists holding exactly those", arguments: TestDatabase.all
    )
    func district(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let (district, commune, _) = try await Self.placed(app)
            var movedLink: String?
            var moved: Int?
            try await app.testing().test(
                .GET, "/units/\(district)/dashboard?as_of=2019-04-25", headers: users.admin.bearer
            ) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("Bảng theo dõi") && html.contains("Huyện Mẫu"))
                #expect(html.contains("type=\"date\" name=\"as_of\" value=\"2019-04-25\""))
                let row = "data-commune=\"Thanh Tương\""
                movedLink = Self.link(html, row: row, figure: "moved")
                moved = Self.value(html, row: row, figure: "moved")
                #expect(Self.value(html, row: row, figure: "leadersMoved") == 1)
                #expect(Self.link(html, row: row, figure: "dissolved")?.hasPrefix("/directives/") == true)
            }
            #expect(moved == 2)
            let link = try #require(movedLink)
            #expect(
                link.contains("date=2019-04-25") && link.contains("unit=\(commune)") && link.contains("figure=moved"))
            try await app.testing().test(.GET, link, headers: users.admin.bearer) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(Self.count(html, "<tr><td><a href=\"/members/") == moved)
                #expect(html.contains("Hoàng Văn Hoan") && html.contains("La Văn Đường"))
                #expect(!html.contains("Hoàng Văn Tài"))
            }
            // The day before, nobody had moved.
            try await app.testing().test(
                .GET, "/units/\(district)/dashboard?as_of=2019-04-24", headers: users.admin.bearer
            ) { res in
                #expect(Self.value(res.body.string, row: "data-commune=\"Thanh Tương\"", figure: "moved") == 0)
            }
            // English second, same figures.
            try await app.testing().test(
                .GET, "/units/\(district)/dashboard?as_of=2019-04-25&lang=en", headers: users.admin.bearer
            ) { res in
                #expect(res.body.string.contains("Dashboard") && res.body.string.contains("Members moved / to move"))
            }
        }
    }

    @Test("cells at a glance and the JSON; overdue feedback leads to the overdue items", arguments: TestDatabase.all)
    func commune(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let (_, commune, cell) = try await Self.placed(app)
            var overdueLink: String?
            try await app.testing().test(
                .GET, "/units/\(commune)/dashboard?as_of=2019-05-15", headers: users.viewer.bearer
            ) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("Các chi bộ trong nháy mắt"))
                let row = "data-cell=\"Chi bộ thôn Nà Coóc\""
                #expect(Self.value(html, row: row, figure: "overdueFeedback") == 1)
                overdueLink = Self.link(html, row: row, figure: "overdueFeedback")
                #expect(Self.link(html, row: row, figure: "size") == "/cells/\(cell)?date=2019-05-15")
            }
            let link = try #require(overdueLink)
            try await app.testing().test(.GET, link, headers: users.viewer.bearer) { res in
                #expect(res.status == .ok)
                #expect(Self.count(res.body.string, "<li class=\"feedback overdue\">") == 1)
                #expect(Self.count(res.body.string, "<li class=\"feedback") == 1)
            }
            // Before the deadline to forward it, nothing is overdue and the filtered list is empty.
            try await app.testing().test(
                .GET, "/cells/\(cell)/feedback?date=2019-05-06&overdue=1", headers: users.viewer.bearer
            ) { res in
                #expect(Self.count(res.body.string, "<li class=\"feedback") == 0)
            }
            try await app.testing().test(
                .GET, "/api/units/\(commune)/dashboard?as_of=2019-05-15", headers: users.viewer.bearer
            ) { res in
                #expect(res.status == .ok)
                let json = try #require(
                    try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
                #expect(json["view"] as? String == "commune")
                let report = try #require(json["commune"] as? [String: Any])
                #expect(report["as_of"] as? String == "2019-05-15")
                #expect(report["overdue_feedback"] as? Int == 1)
                let cells = try #require(report["cells"] as? [[String: Any]])
                // The agency cell was dissolved on 25 April: only the village cells remain.
                #expect(cells.count == 2)
                #expect(cells.allSatisfy { $0["full_members"] != nil && $0["open_tasks"] != nil })
            }
            try await app.testing().test(
                .GET, "/api/units/\(commune)/dashboard?as_of=2019-04-01", headers: users.viewer.bearer
            ) { res in
                let json = try #require(
                    try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
                #expect((json["commune"] as? [String: Any])?["cells"].flatMap { $0 as? [Any] }?.count == 3)
            }
        }
    }

    @Test("outside the scope is refused; a bad date is a 400", arguments: TestDatabase.all)
    func scope(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let (district, commune, _) = try await Self.placed(app)
            let other = try #require(
                try await OrganisationTree(db: app.store, scope: .everything).unit(
                    code: "00002", on: Fixtures.date("2019-05-01")))
            for path in [
                "/units/\(district)/dashboard", "/units/\(other.id)/dashboard", "/api/units/\(other.id)/dashboard",
            ] {
                try await app.testing().test(.GET, path + "?as_of=2019-05-01", headers: users.viewer.bearer) { res in
                    #expect(res.status == .notFound, "\(path)")
                }
            }
            try await app.testing().test(
                .GET, "/members?date=2019-05-01&unit=\(other.id)&figure=moved", headers: users.viewer.bearer
            ) { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(
                .GET, "/units/\(commune)/dashboard?as_of=2019-13-01", headers: users.viewer.bearer
            ) { res in
                #expect(res.status == .badRequest)
            }
            try await app.testing().test(.GET, "/units/\(commune)/dashboard?as_of=2019-05-01") { res in
                #expect(res.status == .seeOther)
            }
        }
    }
}
