import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import SQLKit
import Testing
import VaporTesting

@Suite("Dates outside 1900-01-01 … 2100-12-31 are refused where they enter, never computed with (issue 21)")
struct DateRangeTests {
    /// The commune and cell of the seeded tree.
    static func places(_ app: Application) async throws -> (commune: UUID, cell: UUID) {
        let tree = OrganisationTree(db: app.store, scope: .everything)
        let commune = try #require(try await tree.unit(code: "00001", on: Fixtures.date("2019-03-15"))).id
        let cell = try #require(try await tree.organisation(code: "CB-00001.01")).id
        return (commune, cell)
    }

    /// Rows of `table` (no model is visible to tests).
    static func count(_ app: Application, _ table: String) async throws -> Int {
        let rows = try await (app.store as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").all()
        return try rows.first?.decode(column: "n", as: Int.self) ?? -1
    }

    @Test(
        "an extreme date, month or year in a query answers 400 instead of killing the server",
        arguments: TestDatabase.all)
    func extremeQueries(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let (commune, cell) = try await Self.places(app)
            let paths = [
                "/cells/\(cell)/meetings?date=9999-12-31", "/cells/\(cell)/meetings?date=0001-01-01",
                "/api/cells/\(cell)/quality?until=0001-01-01", "/api/cells/\(cell)/quality?from=9999-12-31",
                "/units/\(commune)/impact?placement=9999-12-31", "/api/units/\(commune)/impact?placement=0001-01-01",
                "/cells/\(cell)/report?month=9999-12", "/cells/\(cell)/report?month=0001-01",
                "/units/\(commune)/summary?from=9999-12", "/units/\(commune)/summary?to=0001-01",
                "/api/cells/\(cell)/thematic-plans/9999",
            ]
            for path in paths {
                try await app.testing().test(.GET, path, headers: users.admin.bearer) { res in
                    #expect(res.status == .badRequest, "\(path)")
                }
            }
            try await app.testing().test(
                .GET, "/cells/\(cell)/meetings?date=2100-12-31", headers: users.admin.bearer
            ) { res in
                #expect(res.status == .ok)
            }
        }
    }

    @Test("a decision dated 9999-12-31 is refused with 422 and the plan stays a draft", arguments: TestDatabase.all)
    func decisionDate(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let (commune, _) = try await Self.places(app)
            let plans = PlacementPlans(db: app.store, scope: .everything)
            let plan = try await plans.propose(unitID: commune, on: Fixtures.date("2019-04-01"), actor: .system)
            var headers = users.admin.bearer
            headers.contentType = .json
            try await app.testing().test(
                .POST, "/api/placement/plans/\(plan.id)/approve", headers: headers,
                body: ByteBuffer(string: #"{"decision_date": "9999-12-31", "version": \#(plan.version)}"#)
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("decision_date"))
            }
            let late = try #require(CivilDate(year: 9999, month: 12, day: 31))
            await #expect(throws: InputError.self) {
                _ = try await plans.approve(plan.id, version: plan.version, decisionDate: late, actor: .system)
            }
            #expect(try await plans.plan(plan.id)?.status == .draft)
            try await app.testing().test(.GET, "/units/\(commune)/impact", headers: users.admin.bearer) { res in
                #expect(res.status == .badRequest)  // no approved placement: nothing was stored
                #expect(res.body.string.contains("chưa có phương án bố trí nào được phê duyệt"))
            }
        }
    }

    @Test(
        "feedback received 9999-12-31 and a meeting on 0001-01-01 are refused and not stored",
        arguments: TestDatabase.all)
    func storedDates(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let (_, cell) = try await Self.places(app)
            var json = users.secretary.bearer
            json.contentType = .json
            try await app.testing().test(
                .POST, "/api/cells/\(cell)/feedback", headers: json,
                body: ByteBuffer(
                    string:
                        #"{"received_on": "9999-12-31", "received_by": "Hoàng Văn Tài", "topic": "environment", "summary": "Rác ven suối", "name_consent": false}"#
                )
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("received"))
            }
            var form = users.secretary.bearer
            form.contentType = .urlEncodedForm
            try await app.testing().test(
                .POST, "/cells/\(cell)/meetings", headers: form,
                body: ByteBuffer(string: "kind=regular&date=0001-01-01&time=07:30")
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("01/01/1900"))
            }
            try await app.testing().test(
                .POST, "/api/cells/\(cell)/meetings", headers: json,
                body: ByteBuffer(string: #"{"kind": "regular", "date": "0001-01-01", "scheduled_start": "07:30"}"#)
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("date"))
            }
            let early = try #require(CivilDate(year: 1, month: 1, day: 1))
            await #expect(throws: InputError.self) {
                _ = try await CellMeetings(db: app.store, scope: .everything).plan(
                    cellID: cell,
                    MeetingPlanDraft(
                        kind: .regular, date: early, scheduledStart: try #require(TimeOfDay("07:30")), topic: nil,
                        noticeSentOn: nil, documents: nil),
                    actor: .system)
            }
            await #expect(throws: InputError.self) {
                _ = try await FeedbackBook(db: app.store, scope: .everything).record(
                    cellID: cell,
                    CitizenFeedback(
                        receivedOn: try #require(CivilDate(year: 9999, month: 12, day: 31)),
                        receivedBy: "Hoàng Văn Tài",
                        topic: .infrastructure, summary: "Đường vào bản sạt lở"), actor: .system)
            }
            #expect(try await Self.count(app, "citizen_feedback") == 0)
            #expect(try await Self.count(app, "meetings") == 0)
        }
    }
}
