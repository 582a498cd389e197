import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanStorage

@Suite("Placement phase by phase: each commune's decision, placement dates, handover (rules.md A1, R13, R14, R27)")
struct PlacementPhaseTests {
    /// The seeded district with a directive and a draft plan of its two communes, proposed as of 1-4-2019.
    static func drafted(_ app: Application) async throws -> (plan: PlacementPlan, thanhTuong: UUID, nangKha: UUID) {
        let tree = OrganisationTree(db: app.store, scope: .everything)
        let day = Fixtures.date("2019-03-15")
        let district = try #require(try await tree.unit(code: "001", on: day)).id
        let thanhTuong = try #require(try await tree.unit(code: "00001", on: day)).id
        let nangKha = try #require(try await tree.unit(code: "00002", on: day)).id
        _ = try await Directives(db: app.store, scope: .everything).create(
            title: "Giải thể chi bộ cơ quan xã", legalBasis: "KL 38", deadline: Fixtures.date("2019-04-30"),
            unitID: district, plannedOn: day, actor: .system)
        let plan = try await PlacementPlans(db: app.store, scope: .everything).propose(
            unitID: district, on: Fixtures.date("2019-04-01"), actor: .system)
        return (plan, thanhTuong, nangKha)
    }

    /// The 30th working day after the decision of 25-4-2019: the last day for placing the members (rules.md R14).
    static let deadline = WorkingCalendar.vietnam.adding(workingDays: 30, to: Fixtures.date("2019-04-25"))

    /// Approves through the form, with a placement day for Thanh Tương, and a dissolution day when given.
    static func approve(
        _ app: Application, _ users: TestUsers, _ plan: PlacementPlan, commune: UUID, placedOn: String,
        dissolvedOn: String? = nil
    ) async throws -> (HTTPStatus, String) {
        var headers = users.admin.bearer
        headers.contentType = .urlEncodedForm
        var result: (HTTPStatus, String) = (.ok, "")
        let dissolution = dissolvedOn.map { "&dissolvedOn[\(commune)]=\($0)" } ?? ""
        try await app.testing().test(
            .POST, "/placement/plans/\(plan.id)/approve", headers: headers,
            body: ByteBuffer(
                string: "version=\(plan.version)&decisionDate=2019-04-25&placedOn[\(commune)]=\(placedOn)"
                    + dissolution)
        ) { res in result = (res.status, res.body.string) }
        return result
    }

    @Test(
        "R27: the decision prints one paper per commune under its own party committee, cells named with the commune",
        arguments: TestDatabase.all)
    func perCommunePaper(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let (plan, thanhTuong, nangKha) = try await Self.drafted(app)
            #expect(plan.communes.count == 2)
            _ = try await PlacementPlans(db: app.store, scope: .everything).approve(
                plan.id, version: plan.version, decisionDate: Fixtures.date("2019-04-25"), actor: .system)
            let address = "/placement/plans/\(plan.id)/decision"
            try await app.testing().test(.GET, address, headers: users.admin.bearer) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.components(separatedBy: "<article class=\"decision report\"").count - 1 == 2)
                #expect(html.contains("ĐẢNG ỦY XÃ THANH TƯƠNG") && html.contains("ĐẢNG ỦY XÃ NĂNG KHẢ"))
                #expect(html.contains("ĐẢNG BỘ HUYỆN"))
                #expect(html.contains("Chi bộ cơ quan xã Năng Khả"))
                #expect(html.contains("\(address)?unit=\(nangKha)"))
                // Every receiving cell's heading names its commune.
                for heading in html.components(separatedBy: "<h2>").dropFirst() {
                    let line = heading.prefix { $0 != "<" }
                    #expect(line.contains("(xã Thanh Tương)") || line.contains("(xã Năng Khả)"), "\(line)")
                }
            }
            try await app.testing().test(.GET, "\(address)?unit=\(thanhTuong)", headers: users.admin.bearer) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.components(separatedBy: "<article class=\"decision report\"").count - 1 == 1)
                #expect(html.contains("ĐẢNG ỦY XÃ THANH TƯƠNG"))
                #expect(!html.contains("ĐẢNG ỦY XÃ NĂNG KHẢ") && !html.contains("Chi bộ thôn Bản Tùn"))
            }
            try await app.testing().test(.GET, "\(address)?unit=\(UUID())", headers: users.admin.bearer) {
                #expect($0.status == .notFound)
            }
            try await app.testing().test(.GET, "\(address)?format=csv", headers: users.admin.bearer) { res in
                let text = String(decoding: Data(res.body.readableBytesView).dropFirst(3), as: UTF8.self)
                let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
                #expect(lines.count == plan.decisions.count + 1)
                #expect(lines.dropFirst().allSatisfy { $0.contains("(xã ") })
                #expect(lines.contains { $0.hasPrefix("xã Năng Khả,") })
            }
        }
    }

    @Test(
        "R14: a placement day more than 30 working days after the decision is refused, the field named, nothing written",
        arguments: TestDatabase.all)
    func placementTooLate(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let (plan, thanhTuong, _) = try await Self.drafted(app)
            // The day after the 30th working day from 25-4-2019 is one too many.
            let tooLate = Self.deadline.adding(days: 1).iso
            let (status, html) = try await Self.approve(app, users, plan, commune: thanhTuong, placedOn: tooLate)
            #expect(status == .unprocessableEntity)
            #expect(html.contains("Ngày chuyển sinh hoạt"))
            #expect(html.contains("quá 30 ngày làm việc"))
            #expect(try await PlacementPlans(db: app.store, scope: .everything).plan(plan.id)?.status == .draft)
            #expect(try await MembershipRecord.query(on: app.store).filter(\.$transferKind == "internal").count() == 0)
            var json = users.admin.bearer
            json.contentType = .json
            try await app.testing().test(
                .POST, "/api/placement/plans/\(plan.id)/approve", headers: json,
                body: ByteBuffer(
                    string: #"{"decision_date":"2019-04-25","version":\#(plan.version),"#
                        + #""placed_on":{"\#(thanhTuong)":"\#(tooLate)"}}"#)
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("30"))
            }
            #expect(try await PlacementPlans(db: app.store, scope: .everything).plan(plan.id)?.status == .draft)
            let before = try await Self.approve(app, users, plan, commune: thanhTuong, placedOn: "2019-04-24")
            #expect(before.0 == .unprocessableEntity)
            #expect(before.1.contains("trước ngày quyết định"))
        }
    }

    @Test(
        "R14: the members are placed on the commune's day, the handover of records and seal is recorded and shown",
        arguments: TestDatabase.all)
    func handoverShown(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let (plan, thanhTuong, _) = try await Self.drafted(app)
            let last = Self.deadline
            let (status, _) = try await Self.approve(app, users, plan, commune: thanhTuong, placedOn: last.iso)
            #expect(status == .seeOther || status == .found)
            let cell = try await app.organisation("CQ-00001")
            let row = try #require(
                try await DissolutionRecord.query(on: app.store).filter(\.$organisationID == cell).first())
            #expect(row.decidedOn == "2019-04-25")
            #expect(row.placedOn == last.iso && row.dissolvedOn == last.iso)
            #expect(row.handoverOn == last.iso)
            #expect(row.handoverTo == (try await app.organisation("DB-00001")))
            let moved = try #require(plan.communes.first { $0.communeID == thanhTuong }?.proposal.decisions.first)
            let placed = try await MembershipRecord.query(on: app.store).filter(\.$memberID == moved.memberID)
                .filter(\.$organisationID == moved.toCellID).first()
            #expect(placed?.validFrom == last.iso)
            let directive = try #require(try await DirectiveRecord.query(on: app.store).first()?.requireID())
            try await app.testing().test(
                .GET, "/directives/\(directive)?date=2019-06-30", headers: users.admin.bearer
            ) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("Tiếp nhận hồ sơ, con dấu"))
                // The receiver is named as the committee, not the organisation.
                #expect(html.contains("Đảng ủy xã Thanh Tương, \(last.vietnamese)"))
                #expect(!html.contains("Đảng bộ xã Thanh Tương, "))
                #expect(html.contains("\(last.vietnamese) <span class=\"badge\">đúng hạn</span>"))
            }
            // As of a day before the placement, neither the placement nor the handover shows (rules.md R26).
            try await app.testing().test(
                .GET, "/directives/\(directive)?date=2019-05-15", headers: users.admin.bearer
            ) { res in
                #expect(!res.body.string.contains("xã Thanh Tương, \(last.vietnamese)"))
            }
        }
    }

    @Test(
        "A1, R14: a commune's agency cell shows decided, then placed, then dissolved on its own day with its handover",
        arguments: TestDatabase.all)
    func phaseByPhase(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let (plan, thanhTuong, _) = try await Self.drafted(app)
            // A dissolution before the members are placed is refused, the field named, nothing written.
            let early = try await Self.approve(
                app, users, plan, commune: thanhTuong, placedOn: "2019-05-06", dissolvedOn: "2019-05-03")
            #expect(early.0 == .unprocessableEntity)
            #expect(early.1.contains("Ngày giải thể chi bộ cơ quan"))
            #expect(early.1.contains("ngày giải thể 03/05/2019 trước ngày chuyển sinh hoạt 06/05/2019"))
            #expect(try await PlacementPlans(db: app.store, scope: .everything).plan(plan.id)?.status == .draft)

            let (status, _) = try await Self.approve(
                app, users, plan, commune: thanhTuong, placedOn: "2019-05-06", dissolvedOn: "2019-05-20")
            #expect(status == .seeOther || status == .found)
            let cell = try await app.organisation("CQ-00001")
            #expect(try await OrganisationRecord.find(cell, on: app.store)?.validUntil == "2019-05-20")
            let directive = try #require(try await DirectiveRecord.query(on: app.store).first()?.requireID())
            /// The agency cell's line of the directive page as of `day`.
            func line(_ day: String) async throws -> String {
                var row = ""
                try await app.testing().test(
                    .GET, "/directives/\(directive)?date=\(day)", headers: users.admin.bearer
                ) { res in
                    #expect(res.status == .ok)
                    row =
                        res.body.string.components(separatedBy: "<tr>")
                        .first { $0.contains("Chi bộ cơ quan xã Thanh Tương") } ?? ""
                }
                return row
            }
            let decided = try await line("2019-04-30")
            #expect(decided.contains("Đã quyết định, chưa bố trí") && decided.contains("25/04/2019"))
            #expect(!decided.contains("Đảng ủy xã Thanh Tương"))
            let placed = try await line("2019-05-10")
            #expect(placed.contains("Đã bố trí") && placed.contains("06/05/2019"))
            #expect(!placed.contains("Đảng ủy xã Thanh Tương"))
            let dissolved = try await line("2019-05-25")
            #expect(dissolved.contains("Đã giải thể") && dissolved.contains("20/05/2019"))
            #expect(dissolved.contains("Đảng ủy xã Thanh Tương, 20/05/2019"))
            // The placement day, not the dissolution day, keeps the 30 working days (rules.md R14).
            #expect(dissolved.contains("<span class=\"badge\">đúng hạn</span>"))
            // Emptied and awaiting its dissolution, the cell has nothing to do: it leaves the commune's to-do list.
            let lists = ToDoLists(db: app.store, scope: .everything)
            let before = try #require(try await lists.unit(thanhTuong, on: Fixtures.date("2019-04-30")))
            #expect(before.cells.contains { $0.cellID == cell })
            let waiting = try #require(try await lists.unit(thanhTuong, on: Fixtures.date("2019-05-10")))
            #expect(!waiting.cells.contains { $0.cellID == cell } && !waiting.cells.isEmpty)
            // Năng Khả, given no days, is placed and dissolved on the decision day.
            let other = try await app.organisation("CQ-00002")
            let row = try await DissolutionRecord.query(on: app.store).filter(\.$organisationID == other).first()
            #expect(row?.placedOn == "2019-04-25" && row?.dissolvedOn == "2019-04-25")
        }
    }
}
