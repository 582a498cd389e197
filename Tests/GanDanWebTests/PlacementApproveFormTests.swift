import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import GanDanWeb
import Testing
import VaporTesting

@testable import GanDanStorage

@Suite("The approve form keeps a draft and a key: a retried approval answers as the first, never approves twice")
struct PlacementApproveFormTests {
    /// Posts the approve form with idempotency key `key`; the status, the body and where it led.
    static func approve(_ app: Application, _ users: TestUsers, _ plan: PlacementPlan, key: String) async throws
        -> (status: HTTPStatus, body: String, location: String?)
    {
        var headers = users.admin.bearer
        headers.contentType = .urlEncodedForm
        var result: (HTTPStatus, String, String?) = (.ok, "", nil)
        try await app.testing().test(
            .POST, "/placement/plans/\(plan.id)/approve", headers: headers,
            body: ByteBuffer(string: "idem=\(key)&version=\(plan.version)&decisionDate=2019-04-25")
        ) { res in result = (res.status, res.body.string, res.headers.first(name: .location)) }
        return result
    }

    /// How many approvals the audit trail holds for `plan`.
    static func approvals(_ app: Application, _ plan: PlacementPlan) async throws -> Int {
        try await AuditTrail(db: app.store, scope: .everything).entries()
            .filter { $0.action == "approve" && $0.entityID == plan.id.uuidString }.count
    }

    @Test(
        "the same approval sent twice with one key writes one decision; another key is told the plan's state",
        arguments: TestDatabase.all)
    func retried(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let (plan, _, _) = try await PlacementPhaseTests.drafted(app)
            let key = UUID().uuidString.lowercased()
            let first = try await Self.approve(app, users, plan, key: key)
            #expect(first.status == .seeOther || first.status == .found)
            let transfers = try await MembershipRecord.query(on: app.store).filter(\.$transferKind == "internal")
                .count()
            #expect(transfers == plan.decisions.count)
            let again = try await Self.approve(app, users, plan, key: key)
            #expect(again.status == first.status && again.location == first.location)
            #expect(try await Self.approvals(app, plan) == 1)
            #expect(
                try await MembershipRecord.query(on: app.store).filter(\.$transferKind == "internal").count()
                    == transfers)
            let other = try await Self.approve(app, users, plan, key: UUID().uuidString.lowercased())
            #expect(other.status == .conflict)
            #expect(other.body.contains("Phương án này đã được admin phê duyệt (quyết định ngày 25/04/2019)"))
            #expect(!other.body.contains("already"))
            #expect(try await Self.approvals(app, plan) == 1)
        }
    }

    @Test(
        "the form keeps a draft and a key, and tells the settings' number of working days, which the check applies",
        arguments: TestDatabase.all)
    func settingsNumber(database: TestDatabase) async throws {
        let charter = CharterSettings(placementWorkingDays: 20)
        try await database.withLocation { location in
            try await withApp(configure: { app in
                try await configure(app, Settings(database: location, charter: charter, bcryptCost: 4))
            }) { app in
                _ = try await DatasetWriter(db: app.store, scope: .everything).write(seededTree)
                let users = try await TestUsers.create(on: app)
                let (plan, thanhTuong, _) = try await PlacementPhaseTests.drafted(app)
                try await app.testing().test(
                    .GET, "/placement/plans/\(plan.id)?date=2019-04-01", headers: users.admin.bearer
                ) { res in
                    let html = res.body.string
                    let form = html.components(separatedBy: "/approve\"").dropFirst().first ?? ""
                    #expect(form.hasPrefix(" data-draft=\"\(users.admin.account.id.uuidString.lowercased())\""))
                    #expect(form.contains("name=\"idem\""))
                    #expect(html.contains("chậm nhất 20 ngày làm việc sau ngày quyết định"))
                    #expect(!html.contains("30 ngày làm việc"))
                }
                // The 21st working day is one too many under this setting.
                let day = WorkingCalendar.vietnam.adding(workingDays: 21, to: Fixtures.date("2019-04-25"))
                let (status, html) = try await PlacementPhaseTests.approve(
                    app, users, plan, commune: thanhTuong, placedOn: day.iso)
                #expect(status == .unprocessableEntity)
                #expect(html.contains("quá 20 ngày làm việc"))
                let directive = try #require(try await DirectiveRecord.query(on: app.store).first()?.requireID())
                try await app.testing().test(.GET, "/directives/\(directive)", headers: users.admin.bearer) { res in
                    #expect(res.body.string.contains("Hạn chuyển sinh hoạt (20 ngày làm việc)"))
                }
            }
        }
    }

    @Test("a commune not in the plan is a 404 told in the page's language", arguments: TestDatabase.all)
    func unknownCommune(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let (plan, _, _) = try await PlacementPhaseTests.drafted(app)
            let stranger = UUID()
            for address in ["decision", "papers/decision"] {
                try await app.testing().test(
                    .GET, "/placement/plans/\(plan.id)/\(address)?unit=\(stranger)", headers: users.admin.bearer
                ) { res in
                    #expect(res.status == .notFound)
                    #expect(res.body.string.contains("không phải một xã của phương án này"), "\(address)")
                }
            }
        }
    }
}
