import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

/// Issue 18 item 3: a cell's committee and term on the page, and the charter list one step from recording the
/// committee's appointment (rules.md A5, R2, R3, R5, R6).
@Suite("A cell's committee and congresses on the pages (rules.md A5, R3, R6)")
struct CellCommitteePageTests {
    /// The seeded tree with eight more members in Nà Coóc's cell: nine full members with its secretary from
    /// 1-1-2020, when Đặng Thị Lụa becomes a full member.
    static var dataset: OrganisationDataset {
        var dataset = seededTree
        let names = [
            "Nông Văn Bảy", "Hà Thị Ca", "Lý Văn Dân", "Bàn Thị Én", "Triệu Văn Giáp", "Quan Thị Hoa",
            "Ma Văn Kiên",
        ]
        dataset.members += names.enumerated().map { index, name in
            Fixtures.member(name, cell: "CB-00001.01", citizenID: String(format: "0000000001%02d", index))
        }
        dataset.members.append(
            Fixtures.member(
                "Đặng Thị Lụa", cell: "CB-00001.01", admitted: "2019-01-01", official: "2020-01-01",
                citizenID: "000000000199"))
        return dataset
    }

    static func form(_ users: TestUser) -> HTTPHeaders {
        var headers = users.bearer
        headers.contentType = .urlEncodedForm
        return headers
    }

    @Test(
        "a cell that reached 9 full members is one step from recording its appointed committee; then it is listed as having one",
        arguments: TestDatabase.all)
    func appointment(database: TestDatabase) async throws {
        try await withSeededApp(database, Self.dataset) { app, users in
            let cell = try await app.organisation("CB-00001.01")
            let commune = try #require(
                try await OrganisationTree(db: app.store, scope: .everything).unit(
                    code: "00001", on: Fixtures.date("2020-04-01"))
            ).id
            let charter = "/charter/\(commune)?date=2020-04-01"
            let page = "/cells/\(cell)/cell-committee"
            try await app.testing().test(.GET, charter, headers: users.planner.bearer) { res in
                let html = res.body.string
                #expect(html.contains("href=\"\(page)?source=appointment\""))
                #expect(html.contains("Chi bộ đã có chi ủy (0)"))
            }
            try await app.testing().test(.GET, page + "?source=appointment", headers: users.planner.bearer) { res in
                let html = res.body.string
                #expect(res.status == .ok)
                #expect(html.contains("Chi bộ đủ số đảng viên chính thức để có chi ủy."))
                #expect(html.contains("Hoàng Văn Tài</a> · Bí thư chi bộ"))
                #expect(html.contains("value=\"appointment\" checked"))
            }
            let kien = try await app.member("Ma Văn Kiên")
            let seat = ByteBuffer(
                string: "member=\(kien)&kind=cellCommitteeMember&from=2020-04-01&source=appointment&reason=QĐ+15")
            try await app.testing().test(.POST, page, headers: Self.form(users.secretary), body: seat) { res in
                #expect(res.status == .forbidden, "the committee above appoints, not the cell's secretary")
            }
            try await app.testing().test(.POST, page, headers: Self.form(users.planner), body: seat) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, charter, headers: users.planner.bearer) { res in
                #expect(res.body.string.contains("Chi bộ đã có chi ủy (1)"))
            }
            try await app.testing().test(.GET, page, headers: users.secretary.bearer) { res in
                let html = res.body.string
                #expect(html.contains("Ma Văn Kiên</a> · Chi ủy viên · Từ 01/04/2020 · Chỉ định"))
                #expect(!html.contains("action=\"\(page)\""), "the secretary reads; no form")
            }
        }
    }

    @Test(
        "a committee member before the cell had 9 full members, or a congress not yet held, is refused beside its field; a congress sets the next one due",
        arguments: TestDatabase.all)
    func refusalsAndCongress(database: TestDatabase) async throws {
        try await withSeededApp(database, Self.dataset) { app, users in
            let cell = try await app.organisation("CB-00001.01")
            let page = "/cells/\(cell)/cell-committee"
            let kien = try await app.member("Ma Văn Kiên")
            let early = ByteBuffer(
                string: "member=\(kien)&kind=cellCommitteeMember&from=2019-06-01&source=appointment")
            try await app.testing().test(.POST, page, headers: Self.form(users.planner), body: early) { res in
                let html = res.body.string
                #expect(res.status == .unprocessableEntity)
                #expect(html.contains("class=\"field-error\""))
                #expect(html.contains("có 8 đảng viên chính thức"))
                #expect(
                    html.contains("<option value=\"\(kien)\" selected>Ma Văn Kiên</option>"), "what was chosen stays")
            }
            let future = ByteBuffer(string: "heldOn=\(CivilDate.today().adding(days: 5).iso)")
            try await app.testing().test(
                .POST, "/cells/\(cell)/congresses", headers: Self.form(users.planner), body: future
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("chưa đến"))
            }
            let held = ByteBuffer(string: "heldOn=2020-03-15&note=QĐ+20-QĐ/ĐU")
            try await app.testing().test(
                .POST, "/cells/\(cell)/congresses", headers: Self.form(users.planner), body: held
            ) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, page + "?date=2022-06-01", headers: users.secretary.bearer) { res in
                let html = res.body.string
                #expect(html.contains("15/03/2020 · QĐ 20-QĐ/ĐU"))
                #expect(html.contains("15/09/2022"))
                #expect(html.contains("15/03/2022 – 15/03/2023"))
                #expect(html.contains("Đã đến kỳ đại hội."))
            }
            try await app.testing().test(
                .POST, "/cells/\(cell)/congresses", headers: Self.form(users.planner), body: held
            ) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("Đã ghi đại hội của Chi bộ thôn Nà Coóc ngày 15/03/2020."))
            }
        }
    }
}
