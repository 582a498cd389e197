import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

/// rules.md R11: the upper-level committee member assigned to the cell is a person of the registry with dated
/// assignments; the notice records each person told and how; the dashboard shows cells whose meetings lacked them.
@Suite("The assigned committee member, the notice and the dashboard on the pages (rules.md R11)")
struct CommitteeMemberPageTests {
    /// The seeded tree with a member of Thanh Tương's party committee, in its agency cell.
    static var dataset: OrganisationDataset {
        var dataset = seededTree
        dataset.members.append(
            Fixtures.member(
                "Ma Văn Bí", citizenID: "000000000009",
                posts: [PostDraft(kind: .partyCommitteeMember, organisationCode: "DB-00001", validity: Fixtures.since)])
        )
        return dataset
    }

    static func form(_ users: TestUser) -> HTTPHeaders {
        var headers = users.bearer
        headers.contentType = .urlEncodedForm
        return headers
    }

    @Test(
        "rules.md R11: a planner assigns the member; the secretary records who was told and how; the dashboard counts",
        arguments: TestDatabase.all)
    func pages(database: TestDatabase) async throws {
        try await withSeededApp(database, Self.dataset) { app, users in
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let cell = try #require(try await tree.organisation(code: "CB-00001.01")).id
            let commune = try #require(try await tree.unit(code: "00001", on: Fixtures.date("2019-03-15"))).id
            let bi = try await app.member("Ma Văn Bí")
            let tai = try await app.member("Hoàng Văn Tài")
            let assignPage = "/cells/\(cell)/committee-member"
            try await app.testing().test(.GET, assignPage + "?date=2019-01-01", headers: users.planner.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Chưa phân công cấp ủy viên phụ trách"))
                #expect(res.body.string.contains("<option value=\"\(bi)\">Ma Văn Bí</option>"))
            }
            let assign = ByteBuffer(string: "action=assign&memberID=\(bi)&date=2019-01-01")
            try await app.testing().test(.POST, assignPage, headers: Self.form(users.secretary), body: assign) { res in
                #expect(res.status == .forbidden, "the committee above assigns, not the cell's secretary")
            }
            try await app.testing().test(.POST, assignPage, headers: Self.form(users.planner), body: assign) { res in
                #expect(res.status == .seeOther)
            }
            // The same member again is refused with the reason in the page's language, not the generic 409 sentence.
            let again = ByteBuffer(string: "action=assign&memberID=\(bi)&date=2019-02-01")
            try await app.testing().test(.POST, assignPage, headers: Self.form(users.planner), body: again) { res in
                #expect(res.status == .conflict)
                #expect(res.body.string.contains("Cấp ủy viên này đang phụ trách Chi bộ"))
                #expect(!res.body.string.contains("already assigned"))
            }
            try await app.testing().test(.GET, assignPage, headers: users.secretary.bearer) { res in
                #expect(res.body.string.contains("<strong data-current>Ma Văn Bí</strong>"))
                #expect(!res.body.string.contains("method=\"post\" action=\"\(assignPage)\""), "no form: reads only")
            }

            // The secretary plans June's meeting, then records the notice on the meeting's page.
            var minutes = ""
            try await app.testing().test(
                .POST, "/cells/\(cell)/meetings", headers: Self.form(users.secretary),
                body: ByteBuffer(string: "kind=regular&date=2019-06-05&time=07:30")
            ) { res in
                minutes = res.headers.first(name: .location) ?? ""
            }
            let page = String(minutes.dropLast("/minutes".count))
            try await app.testing().test(.GET, page, headers: users.secretary.bearer) { res in
                let html = res.body.string
                #expect(html.contains("Ghi việc thông báo họp"))
                #expect(html.contains("name=\"method[\(bi)]\""))
                #expect(html.contains("name=\"method[\(tai)]\""))
                #expect(html.contains("<option value=\"loudspeaker\">Loa truyền thanh</option>"))
            }
            let outsider = try await app.member("Ma Thị Thu")
            try await app.testing().test(
                .POST, page + "/notice", headers: Self.form(users.secretary),
                body: ByteBuffer(string: "noticeSentOn=2019-06-03&method[\(outsider)]=phone")
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("không có trong danh sách"))
            }
            try await app.testing().test(
                .POST, page + "/notice", headers: Self.form(users.secretary),
                body: ByteBuffer(string: "noticeSentOn=2019-06-03&method[\(bi)]=phone&method[\(tai)]=loudspeaker")
            ) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, page, headers: users.viewer.bearer) { res in
                let html = res.body.string
                #expect(html.contains("Ma Văn Bí <small>(cấp ủy viên phụ trách)</small> · Gọi điện thoại"))
                #expect(html.contains("Hoàng Văn Tài · Loa truyền thanh"))
            }
            try await app.testing().test(.GET, minutes, headers: users.secretary.bearer) { res in
                #expect(res.body.string.contains("name=\"committeeMember\" value=\"\(bi)\""))
            }

            // Minutes without the committee member: the dashboard counts the meeting; corrected, it does not.
            func record(_ extra: String) -> ByteBuffer {
                ByteBuffer(
                    string: "start=07:30&end=09:15&att[\(tai)]=present&chair=\(tai)&recorder=\(tai)"
                        + "&agenda=Kiem%20diem&votesFor=1&conclusion=Thong%20nhat\(extra)")
            }
            try await app.testing().test(.POST, minutes, headers: Self.form(users.secretary), body: record("")) { res in
                #expect(res.status == .seeOther)
            }
            let dashboard = "/units/\(commune)/dashboard?as_of=2019-06-30"
            try await app.testing().test(.GET, dashboard, headers: users.viewer.bearer) { res in
                let html = res.body.string
                #expect(
                    DashboardPageTests.value(
                        html, row: "data-cell=\"Chi bộ thôn Nà Coóc\"", figure: "withoutCommitteeMember") == 1)
                #expect(html.contains("<span data-figure=\"cellsWithoutCommitteeMember\">1</span>"))
                #expect(html.contains("cấp ủy viên phụ trách: Ma Văn Bí"))
            }
            try await app.testing().test(.GET, page, headers: users.viewer.bearer) { res in
                #expect(res.body.string.contains("<strong>không dự họp</strong>"))
            }
            try await app.testing().test(
                .POST, minutes, headers: Self.form(users.secretary),
                body: record("&committeeMember=\(bi)&correctionReason=Bo%20sung")
            ) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, dashboard, headers: users.viewer.bearer) { res in
                #expect(res.body.string.contains("<span data-figure=\"cellsWithoutCommitteeMember\">0</span>"))
            }
            try await app.testing().test(.GET, "/api/cells/\(cell)/committee-members", headers: users.viewer.bearer) {
                res in
                #expect(res.status == .ok)
                let list = try #require(
                    try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [[String: Any]])
                #expect(list.count == 1)
                #expect((list.first?["member"] as? [String: Any])?["name"] as? String == "Ma Văn Bí")
            }
        }
    }
}
