import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

/// rules.md R7: the grassroots committee meets twice a year and its standing body monthly, recorded on the meeting
/// pages, and flagged on the commune dashboard.
@Suite("A grassroots committee's meeting pages and the commune dashboard's flags (rules.md R7)")
struct CommitteeMeetingPageTests {
    /// The seeded tree with a party secretary of Thanh Tương's committee in its agency cell.
    static var dataset: OrganisationDataset {
        var dataset = seededTree
        dataset.members.append(
            Fixtures.member(
                "Ma Văn Bí", citizenID: "000000000009",
                posts: [PostDraft(kind: .partySecretary, organisationCode: "DB-00001", validity: Fixtures.since)]))
        return dataset
    }

    @Test(
        "rules.md R7: a planner records the standing body's meeting; the pages flag the meetings missed",
        arguments: TestDatabase.all)
    func pages(database: TestDatabase) async throws {
        try await withSeededApp(database, Self.dataset) { app, users in
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let committee = try #require(try await tree.organisation(code: "DB-00001")).id
            let commune = try #require(try await tree.unit(code: "00001", on: Fixtures.date("2019-03-15"))).id
            // Nothing held in 2019: at the year's end both flags show, on the committee's page and the dashboard.
            try await app.testing().test(
                .GET, "/committees/\(committee)/meetings?year=2019&date=2019-12-31", headers: users.viewer.bearer
            ) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("Hội nghị Đảng bộ, họp Đảng ủy · Đảng bộ xã Thanh Tương"))
                #expect(html.contains("0 / 2"))
                #expect(html.contains("Đảng bộ họp chưa đủ số lần"))
                #expect(html.contains("01/2019, 02/2019"))
                #expect(!html.contains("<form class=\"stack\""), "a viewer gets no form")
            }
            try await app.testing().test(
                .GET, "/units/\(commune)/dashboard?as_of=2019-12-31", headers: users.viewer.bearer
            ) { res in
                let html = res.body.string
                #expect(html.contains("data-committee=\"Đảng bộ xã Thanh Tương\""))
                #expect(html.contains("Đảng bộ họp chưa đủ số lần"))
                #expect(html.contains("/committees/\(committee)/meetings?date=2019-12-31&amp;year=2019"))
            }
            // The planner plans the standing body's January meeting; the minutes form lists its roll.
            var minutesPath = ""
            var headers = users.planner.bearer
            headers.contentType = .urlEncodedForm
            try await app.testing().test(
                .POST, "/committees/\(committee)/meetings", headers: headers,
                body: ByteBuffer(
                    string: "body=standingBody&kind=regular&date=2019-01-08&time=07:30&noticeSentOn=2019-01-05")
            ) { res in
                #expect(res.status == .seeOther)
                minutesPath = res.headers.first(name: .location) ?? ""
            }
            #expect(minutesPath.hasSuffix("/minutes"))
            try await app.testing().test(.GET, minutesPath, headers: users.planner.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("aria-label=\"Ma Văn Bí\""))
                #expect(!res.body.string.contains("aria-label=\"Hoàng Văn Tài\""), "a cell member is not on it")
            }
            let secretary = try await app.member("Ma Văn Bí")
            let fields = [
                "start=07:30", "end=09:15", "att[\(secretary)]=present", "chair=\(secretary)", "recorder=\(secretary)",
                "agenda=Ki%E1%BB%83m%20%C4%91i%E1%BB%83m%20th%C3%A1ng", "votesFor=1", "conclusion=Thong%20nhat",
            ]
            try await app.testing().test(
                .POST, minutesPath, headers: headers, body: ByteBuffer(string: fields.joined(separator: "&"))
            ) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(
                .GET, "/committees/\(committee)/meetings?year=2019&date=2019-02-15", headers: users.viewer.bearer
            ) { res in
                let html = res.body.string
                #expect(html.contains("Họp Đảng ủy"))
                #expect(html.contains("Đảng ủy họp đủ các tháng"))
            }
            // A cell's secretary does not see the committee; the API lists the meeting with its body.
            try await app.testing().test(
                .GET, "/committees/\(committee)/meetings", headers: users.secretary.bearer
            ) { res in
                #expect(res.status == .notFound)
            }
            try await app.testing().test(
                .GET, "/api/committees/\(committee)/meetings", headers: users.viewer.bearer
            ) { res in
                #expect(res.status == .ok)
                let list = try #require(
                    try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [[String: Any]])
                #expect(list.map { $0["body"] as? String } == ["standingBody"])
                #expect(list.first?["status"] as? String == "held")
            }
        }
    }

    @Test(
        "rules.md R7: a plan the form does not offer is refused in plain words, field by field; nothing is planned",
        arguments: TestDatabase.all)
    func badPlan(database: TestDatabase) async throws {
        try await withSeededApp(database, Self.dataset) { app, users in
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let committee = try #require(try await tree.organisation(code: "DB-00001")).id
            var headers = users.planner.bearer
            headers.contentType = .urlEncodedForm
            try await app.testing().test(
                .POST, "/committees/\(committee)/meetings", headers: headers,
                body: ByteBuffer(string: "body=cell&kind=party&date=2019-02-30&time=25:99")
            ) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("Hình thức"))
                #expect(html.contains("hãy chọn một mục trong danh sách"))
                #expect(html.contains("“2019-02-30” không phải là ngày từ 01/01/1900 đến 31/12/2100"))
                #expect(html.contains("“25:99” không phải là giờ trong ngày, ví dụ 07:30"))
                #expect(!html.contains(">cell<") && !html.contains(">party<"), "no raw value is shown as the reason")
            }
            try await app.testing().test(
                .GET, "/api/committees/\(committee)/meetings", headers: users.viewer.bearer
            ) { res in
                #expect(res.body.string == "[]")
            }
        }
    }
}
