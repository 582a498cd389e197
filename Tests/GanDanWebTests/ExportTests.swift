import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanStorage

/// Every list and report as CSV or XLSX with `?format=`: the page's own data and scope, audited.
@Suite("Exports: CSV and XLSX of each list and report, in the user's scope, audited (rules.md R30)")
struct ExportTests {
    static func exportEntries(_ app: Application) async throws -> [AuditEntryRecord] {
        try await AuditEntryRecord.query(on: app.store).filter(\.$action == "export").sort(\.$seq).all()
    }

    @Test(
        "a cell's roll as CSV: BOM, the page's rows, an ASCII file name, one audit entry; outside the scope 404",
        arguments: TestDatabase.all)
    func cellRoll(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let inside = try #require(try await tree.organisation(code: "CB-00001.01")).id
            let outside = try #require(try await tree.organisation(code: "CB-00002.01")).id
            let village = try #require(try await tree.unit(code: "00001.01", on: Fixtures.date("2019-03-15"))).id
            try await app.testing().test(.GET, "/cells/\(inside)?date=2019-03-15", headers: users.viewer.bearer) {
                res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("format=csv"))
                #expect(res.body.string.contains("Xuất XLSX"))
            }
            try await app.testing().test(
                .GET, "/cells/\(inside)?date=2019-03-15&format=csv", headers: users.viewer.bearer
            ) { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.subType == "csv")
                #expect(
                    res.headers.first(name: .contentDisposition)
                        == #"attachment; filename="chi-bo-thon-na-cooc-2019-03-15.csv""#)
                let data = Data(res.body.readableBytesView)
                #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
                let lines = String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
                #expect(lines.first == "#,Họ và tên,Năm sinh,Giới tính,Tư cách,Chức vụ")
                #expect(lines[1].hasPrefix("1,Hoàng Văn Tài,1975,"))
                #expect(lines.count == 3, "one member and the final line break")
            }
            let entries = try await Self.exportEntries(app)
            #expect(entries.count == 1)
            let entry = try #require(entries.first)
            #expect(entry.actor == "viewer")
            #expect(entry.entity == "cell_roster")
            #expect(entry.entityID == inside.uuidString)
            #expect(entry.unitID == village)
            #expect(entry.after?.contains(#""format":"csv""#) == true)
            #expect(entry.after?.contains(#""rows":1"#) == true)

            for format in ["csv", "xlsx"] {
                try await app.testing().test(
                    .GET, "/cells/\(outside)?format=\(format)", headers: users.viewer.bearer
                ) { res in
                    #expect(res.status == .notFound)
                }
            }
            try await app.testing().test(.GET, "/cells/\(inside)?format=pdf", headers: users.viewer.bearer) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("format"))
            }
            try await app.testing().test(.GET, "/cells/\(inside)?format=csv") { res in
                #expect(res.status == .seeOther, "signed out: to the sign-in page, no file")
            }
            #expect(try await Self.exportEntries(app).count == 1, "refused exports write no export entry")
        }
    }

    @Test("the member list as XLSX holds every match in the user's scope, and no one else", arguments: TestDatabase.all)
    func memberListXLSX(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            func names(_ user: TestUser) async throws -> [String] {
                var rows: [[String]] = []
                try await app.testing().test(.GET, "/members?format=xlsx&date=2019-03-15", headers: user.bearer) {
                    res in
                    #expect(res.status == .ok)
                    #expect(res.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    #expect(res.headers.first(name: .contentDisposition)?.contains("dang-vien-2019-03-15.xlsx") == true)
                    rows = try WorkbookReader(Data(res.body.readableBytesView)).rows()
                }
                #expect(rows.first?.first == "Họ và tên")
                return rows.dropFirst().map { $0[0] }.sorted()
            }
            #expect(try await names(users.viewer) == ["Hoàng Văn Hoan", "Hoàng Văn Tài", "La Văn Đường"])
            #expect(try await names(users.secretary) == ["Hoàng Văn Tài"])
            #expect(try await names(users.admin).count == 5)
            let entries = try await Self.exportEntries(app)
            #expect(entries.map(\.entity) == ["member_list", "member_list", "member_list"])
            #expect(entries.map(\.actor) == ["viewer", "secretary", "admin"])
            #expect(entries.first?.after?.contains(#""rows":3"#) == true)
        }
    }

    @Test("every list and report page offers CSV and XLSX, and each answers a file", arguments: TestDatabase.all)
    func everyPage(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let day = Fixtures.date("2019-03-15")
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let commune = try #require(try await tree.unit(code: "00001", on: day)).id
            let village = try #require(try await tree.unit(code: "00001.01", on: day)).id
            let district = try #require(try await tree.unit(code: "001", on: day)).id
            let cell = try #require(try await tree.organisation(code: "CB-00001.01")).id
            let plan = try await PlacementPlans(db: app.store, scope: .everything).propose(
                unitID: commune, on: Fixtures.date("2019-04-01"), actor: .system)
            let directive = try await Directives(db: app.store, scope: .everything).create(
                title: "Giải thể", legalBasis: "test", deadline: Fixtures.date("2019-04-30"), unitID: commune,
                plannedOn: day, actor: .system)
            let pages = [
                "/members?", "/units/\(commune)?date=2019-03-15&", "/cells/\(cell)?date=2019-03-15&",
                "/cells/\(cell)/meetings?year=2019&", "/units/\(village)/households?year=2019&",
                "/units/\(village)/criteria?year=2019&", "/cells/\(cell)/feedback?", "/units/\(commune)/feedback?",
                "/cells/\(cell)/supervision?", "/units/\(commune)/supervision?", "/cells/\(cell)/candidates?",
                "/units/\(commune)/candidates?", "/cells/\(cell)/ratings?year=2019&",
                "/units/\(commune)/impact?placement=2019-04-25&", "/audit?", "/placement/plans/\(plan.id)?",
                "/placement/plans/\(plan.id)/decision?", "/charter/\(commune)?date=2019-04-01&",
                "/directives/\(directive)?date=2019-04-01&", "/units/\(commune)/summary?month=2019-06&",
                "/cells/\(cell)/report?month=2019-06&table=absences&", "/units/\(commune)/dashboard?as_of=2019-06-30&",
                "/units/\(district)/dashboard?as_of=2019-06-30&",
            ]
            // Issue 19 item 5 (rules.md A9): the impact page sets cells with a key leader against those without one.
            try await app.testing().test(
                .GET, "/units/\(commune)/impact?placement=2019-04-25", headers: users.admin.bearer
            ) { res in
                #expect(res.body.string.contains("Chi bộ có lãnh đạo chủ chốt về sinh hoạt"))
                #expect(res.body.string.contains("rà soát cuối năm trong từng kỳ"))
            }
            for page in pages {
                try await app.testing().test(.GET, page, headers: users.admin.bearer) { res in
                    #expect(res.status == .ok, "\(page)")
                    #expect(res.body.string.contains("format=csv"), "\(page) links its CSV")
                    #expect(res.body.string.contains("format=xlsx"), "\(page) links its XLSX")
                }
                try await app.testing().test(.GET, page + "format=csv", headers: users.admin.bearer) { res in
                    #expect(res.status == .ok, "\(page) as CSV")
                    #expect(Data(res.body.readableBytesView).prefix(3) == Data([0xEF, 0xBB, 0xBF]), "\(page) as CSV")
                }
                try await app.testing().test(.GET, page + "format=xlsx", headers: users.admin.bearer) { res in
                    #expect(res.status == .ok, "\(page) as XLSX")
                    let rows = try WorkbookReader(Data(res.body.readableBytesView)).rows()
                    #expect(!rows.isEmpty, "\(page) as XLSX has its header row")
                }
            }
            #expect(try await Self.exportEntries(app).count == pages.count * 2)
            // A secretary holds a cell: the commune's summary and impact report are outside, as files too.
            for page in [
                "/units/\(commune)/summary?format=csv", "/units/\(commune)/impact?placement=2019-04-25&format=xlsx",
            ] {
                try await app.testing().test(.GET, page, headers: users.secretary.bearer) { res in
                    #expect(res.status == .notFound, "\(page)")
                }
            }
            try await app.testing().test(
                .GET, "/cells/\(cell)/report?table=nothing&format=csv", headers: users.admin.bearer
            ) {
                res in
                #expect(res.status == .badRequest)
            }
        }
    }

    @Test(
        "the monthly report, the commune summary and the decision render as printable documents",
        arguments: TestDatabase.all)
    func printableReports(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let day = Fixtures.date("2019-03-15")
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let commune = try #require(try await tree.unit(code: "00001", on: day)).id
            let cell = try #require(try await tree.organisation(code: "CB-00001.01")).id
            let tai = try await app.member("Hoàng Văn Tài")
            let meetings = CellMeetings(db: app.store, scope: .everything)
            let meeting = try await meetings.plan(
                cellID: cell,
                MeetingPlanDraft(
                    kind: .regular, date: Fixtures.date("2019-06-05"), scheduledStart: TimeOfDay(hour: 7, minute: 30)!,
                    noticeSentOn: Fixtures.date("2019-06-03")), actor: .system)
            try await meetings.recordMinutes(
                meeting.id,
                MinutesEntry(
                    startTime: TimeOfDay("07:30")!, endTime: TimeOfDay("09:15")!,
                    attendance: [AttendanceEntry(memberID: tai, mark: .present)], chairID: tai, recorderID: tai,
                    agenda: ["Kiểm điểm tháng"], conclusion: "Thống nhất"), actor: .system)

            try await app.testing().test(.GET, "/cells/\(cell)/report?month=2019-06", headers: users.viewer.bearer) {
                res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("Báo cáo tháng của chi bộ"))
                #expect(html.contains("ĐẢNG CỘNG SẢN VIỆT NAM"))
                #expect(html.contains("05/06/2019"))
                #expect(html.contains("105 phút"))
                #expect(html.contains("1/1"))
                #expect(html.contains("T/M CHI BỘ"))
                #expect(html.contains("table=absences"))
            }
            try await app.testing().test(
                .GET, "/cells/\(cell)/report?month=2019-06&format=csv", headers: users.viewer.bearer
            ) { res in
                let text = String(decoding: Data(res.body.readableBytesView).dropFirst(3), as: UTF8.self)
                #expect(text.contains("2019-06-05,Sinh hoạt thường kỳ") || text.contains("2019-06-05,"))
                #expect(text.contains(",105,1,1,"))
            }
            try await app.testing().test(.GET, "/cells/\(cell)/report?month=June", headers: users.viewer.bearer) {
                res in
                #expect(res.status == .badRequest)
            }
            try await app.testing().test(
                .GET, "/units/\(commune)/summary?from=2019-06&to=2019-06", headers: users.viewer.bearer
            ) { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("Chi bộ thôn Nà Coóc") && html.contains("Chi bộ thôn Nà Làng"))
                #expect(html.contains("Cộng"))
                #expect(html.contains("T/M ĐẢNG ỦY"))
                #expect(html.contains("100 %"))
            }
            try await app.testing().test(
                .GET, "/units/\(commune)/summary?from=2019-06&to=2019-06&format=xlsx", headers: users.viewer.bearer
            ) { res in
                let rows = try WorkbookReader(Data(res.body.readableBytesView)).rows()
                #expect(rows.count == 4, "header, two village cells, totals")
                #expect(rows.last?.first == "Cộng")
                #expect(rows[1][0] == "Chi bộ thôn Nà Coóc")
                #expect(rows[1][3] == "1", "one meeting held")
                #expect(rows[1][4] == "100.0" || rows[1][4] == "100")
            }
            try await app.testing().test(
                .GET, "/units/\(commune)/summary?from=2019-07&to=2019-06", headers: users.viewer.bearer
            ) { res in
                #expect(res.status == .badRequest)
            }
            let plan = try await PlacementPlans(db: app.store, scope: .everything).propose(
                unitID: commune, on: Fixtures.date("2019-04-01"), actor: .system)
            try await app.testing().test(.GET, "/placement/plans/\(plan.id)/decision", headers: users.planner.bearer) {
                res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("T/M ĐẢNG ỦY"))
                #expect(html.contains("ĐẢNG ỦY XÃ THANH TƯƠNG"), "the commune committee issues the decision")
                // A printed paper cites no internal rule code.
                #expect(!html.contains("rules.md"))
            }
            try await app.testing().test(
                .GET, "/placement/plans/\(plan.id)/decision?format=csv", headers: users.planner.bearer
            ) { res in
                let lines = String(decoding: Data(res.body.readableBytesView).dropFirst(3), as: UTF8.self)
                    .components(separatedBy: "\r\n").filter { !$0.isEmpty }
                #expect(lines.count == plan.decisions.count + 1)
            }
        }
    }
}
