import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("A secretary's meeting pages and the meetings API (rules.md R8–R11, A7)")
struct MeetingPageTests {
    static func location(_ response: TestingHTTPResponse) -> String {
        response.headers.first(name: .location) ?? ""
    }

    @Test(
        "a secretary plans a meeting, records minutes with two tasks, then corrects them", arguments: TestDatabase.all)
    func recordAndCorrect(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cell = try await app.organisation("CB-00001.01")
            let tai = try await app.member("Hoàng Văn Tài")
            var headers = users.secretary.bearer
            headers.contentType = .urlEncodedForm
            var meeting = ""
            try await app.testing().test(
                .POST, "/cells/\(cell)/meetings", headers: headers,
                body: ByteBuffer(string: "kind=regular&date=2019-06-05&time=07:30&noticeSentOn=2019-06-04")
            ) { res in
                #expect(res.status == .seeOther)
                meeting = Self.location(res)
            }
            #expect(meeting.hasSuffix("/minutes"))
            try await app.testing().test(.GET, meeting, headers: users.secretary.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("name=\"att[\(tai)]\""))
            }
            func minutes(end: String, conclusion: String, reason: String? = nil) -> ByteBuffer {
                var fields = [
                    "start=07:30", "end=\(end)", "att[\(tai)]=present", "chair=\(tai)", "recorder=\(tai)",
                    "agenda=Ki%E1%BB%83m%20%C4%91i%E1%BB%83m%20th%C3%A1ng",
                    "task[0][description]=Gi%C3%BAp%20h%E1%BB%99%20ngh%C3%A8o", "task[0][kind]=poorHouseholds",
                    "task[0][assignee]=\(tai)", "task[0][due]=2019-07",
                    "task[1][description]=V%E1%BB%87%20sinh%20m%C3%B4i%20tr%C6%B0%E1%BB%9Dng",
                    "task[1][kind]=ruralCriterion", "task[1][assignee]=\(tai)", "task[1][due]=2019-07",
                    "votesFor=1", "conclusion=\(conclusion)",
                ]
                if let reason { fields.append("correctionReason=\(reason)") }
                return ByteBuffer(string: fields.joined(separator: "&"))
            }
            try await app.testing().test(
                .POST, meeting, headers: headers, body: minutes(end: "07:00", conclusion: "nguoc")
            ) {
                res in
                #expect(res.status == .unprocessableEntity)
            }
            try await app.testing().test(
                .POST, meeting, headers: headers, body: minutes(end: "09:15", conclusion: "Thong%20nhat%20lan%201")
            ) { res in
                #expect(res.status == .seeOther)
            }
            let page = String(meeting.dropLast("/minutes".count))
            try await app.testing().test(.GET, page, headers: users.secretary.bearer) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("BIÊN BẢN SINH HOẠT CHI BỘ"))
                #expect(html.contains("Thong nhat lan 1"))
                #expect(html.contains("Giúp hộ nghèo"))
                #expect(html.contains("Vệ sinh môi trường"))
                #expect(html.contains("2016-2020 #17"))
            }
            try await app.testing().test(
                .POST, meeting, headers: headers, body: minutes(end: "09:20", conclusion: "Thong%20nhat%20lan%202")
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("phải nêu lý do sửa"))
            }
            try await app.testing().test(
                .POST, meeting, headers: headers,
                body: minutes(end: "09:20", conclusion: "Thong%20nhat%20lan%202", reason: "Sua%20gio%20ket%20thuc")
            ) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, page, headers: users.secretary.bearer) { res in
                #expect(res.body.string.contains("Thong nhat lan 2"))
                #expect(res.body.string.contains("Sua gio ket thuc"))
            }
            try await app.testing().test(.GET, page + "?version=1", headers: users.secretary.bearer) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Thong nhat lan 1"))
                #expect(res.body.string.contains("Đây là bản cũ"))
            }
            try await app.testing().test(.GET, "/cells/\(cell)/meetings?year=2019", headers: users.viewer.bearer) {
                res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("05/06/2019"))
                #expect(res.body.string.contains("<svg"))
                #expect(!res.body.string.contains(#"action="/cells/\#(cell)/meetings""#))
            }
            #expect(
                try await CellMeetings(db: app.store, scope: .everything).tasks(of: cell, openOnly: true).count == 2)
        }
    }

    @Test(
        "a 60-minute meeting called the same day is saved, flagged in plain words and listed on the commune dashboard",
        arguments: TestDatabase.all)
    func shortMeetingFlagged(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let cell = try #require(try await tree.organisation(code: "CB-00001.01")).id
            let commune = try #require(try await tree.unit(code: "00001", on: CivilDate.on(2019, 6, 5))).id
            let tai = try await app.member("Hoàng Văn Tài")
            var headers = users.secretary.bearer
            headers.contentType = .urlEncodedForm
            var form = ""
            try await app.testing().test(
                .POST, "/cells/\(cell)/meetings", headers: headers,
                body: ByteBuffer(string: "kind=regular&date=2019-06-05&time=07:30&noticeSentOn=2019-06-05")
            ) { res in
                #expect(res.status == .seeOther)
                form = Self.location(res)
            }
            let fields = [
                "start=07:30", "end=08:30", "att[\(tai)]=present", "chair=\(tai)", "recorder=\(tai)",
                "agenda=Ki%E1%BB%83m%20%C4%91i%E1%BB%83m", "votesFor=1", "conclusion=Thong%20nhat",
            ]
            try await app.testing().test(
                .POST, form, headers: headers, body: ByteBuffer(string: fields.joined(separator: "&"))
            ) { res in
                #expect(res.status == .seeOther)
            }
            let page = String(form.dropLast("/minutes".count))
            try await app.testing().test(.GET, page, headers: users.secretary.bearer) { res in
                let html = res.body.string
                #expect(html.contains("Họp ngắn: 60 phút, ít hơn 90 phút tối thiểu"))
                #expect(html.contains("Báo họp muộn"))
                #expect(!html.contains("rules.md"))
            }
            try await app.testing().test(
                .GET, "/units/\(commune)/dashboard?as_of=2019-06-30", headers: users.planner.bearer
            ) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains(#"data-figure="flaggedMeetings">1<"#))
                #expect(html.contains(#"href="\#(page)""#))
                #expect(html.contains("Họp ngắn: 60 phút"))
            }
        }
    }

    @Test(
        "the API takes minutes as snake_case JSON and returns tasks with their assignees", arguments: TestDatabase.all)
    func api(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cell = try await app.organisation("CB-00001.01")
            let tai = try await app.member("Hoàng Văn Tài")
            var headers = users.planner.bearer
            headers.contentType = .json
            var meetingID = ""
            try await app.testing().test(
                .POST, "/api/cells/\(cell)/meetings", headers: headers,
                body: ByteBuffer(
                    string:
                        #"{"kind": "combined", "date": "2019-06-05", "scheduled_start": "07:30", "topic": "Trồng lê"}"#)
            ) { res in
                #expect(res.status == .created)
                let json = try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]
                meetingID = json?["id"] as? String ?? ""
                #expect(json?["notice_warning"] as? String == "The day notice was sent is not recorded")
            }
            let body = """
                {"start_time": "07:30", "end_time": "09:40", "chair_id": "\(tai)", "recorder_id": "\(tai)",
                 "attendance": [{"member_id": "\(tai)", "mark": "present"}], "conclusion": "Mở rộng trồng lê",
                 "tasks": [{"kind": "persuasion", "description": "Vận động 12 hộ trồng lê", "assignee_ids": ["\(tai)"],
                            "due": "2019-07", "persuasion": {"households_target": 12, "households_persuaded": 0,
                            "area_planted_hectares": 0}}]}
                """
            try await app.testing().test(
                .PUT, "/api/meetings/\(meetingID)/minutes", headers: headers, body: ByteBuffer(string: body)
            ) { res in
                #expect(res.status == .ok)
                let text = res.body.string
                #expect(text.contains(#""assignee_ids":[""#))
                #expect(text.contains(#""households_target":12"#))
                #expect(text.contains(#""status":"held""#))
            }
            try await app.testing().test(.GET, "/api/cells/\(cell)/tasks?status=open", headers: users.viewer.bearer) {
                res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Vận động 12 hộ trồng lê"))
            }
            try await app.testing().test(
                .PUT, "/api/meetings/\(meetingID)/minutes", headers: headers,
                body: ByteBuffer(string: #"{"start_time": "7h", "end_time": "25:00"}"#)
            ) { res in
                #expect(res.status == .badRequest)
            }
        }
    }
}
