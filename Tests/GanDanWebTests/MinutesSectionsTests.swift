import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanStorage
@testable import GanDanWeb

/// The minutes form in six parts, each with its Save (issue 20 item 5): minutes without a conclusion are kept as the
/// meeting's unfinished draft, not recorded; the criterion is picked by name; last month's agenda and the votes are
/// offered; every save says "saved" with the time.
@Suite("The minutes form in parts: drafts kept on the server, suggestions, a saved notice")
struct MinutesSectionsTests {
    /// A regular meeting of the test cell on `day`, planned with notice two days before.
    static func plan(_ app: Application, cell: UUID, on day: String) async throws -> UUID {
        try await CellMeetings(db: app.store, scope: .everything).plan(
            cellID: cell,
            MeetingPlanDraft(
                kind: .regular, date: Fixtures.date(day), scheduledStart: TimeOfDay(hour: 7, minute: 30)!,
                noticeSentOn: Fixtures.date(day).adding(days: -2)), actor: .system
        ).id
    }

    static func post(_ app: Application, _ path: String, _ fields: [String], headers: HTTPHeaders) async throws
        -> (status: HTTPStatus, location: String)
    {
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(
            .POST, path, headers: headers, body: ByteBuffer(string: fields.joined(separator: "&"))
        ) { res in result = (res.status, res.headers.first(name: .location) ?? "") }
        return result
    }

    static func page(_ app: Application, _ path: String, headers: HTTPHeaders) async throws -> String {
        var html = ""
        try await app.testing().test(.GET, path, headers: headers) { res in
            #expect(res.status == .ok, "\(path)")
            html = res.body.string
        }
        return html
    }

    @Test(
        "the form has six parts in the meeting's order, an index and a Save in each, in both languages",
        arguments: TestDatabase.all)
    func parts(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cell = try await app.organisation("CB-00001.01")
            let meeting = try await Self.plan(app, cell: cell, on: "2019-06-05")
            let roster = try await CellDirectory(db: app.store, scope: .everything).roster(
                of: cell, on: Fixtures.date("2019-06-05"))
            // Full members on the official roll vote; everyone is marked present on a new form.
            let present = roster.filter { $0.membership == .official && $0.member.standing?.countsAsFull == true }
                .count
            for (language, titles) in [
                (
                    Language.vi,
                    [
                        "Điểm danh, chủ trì, nội dung", "Kiểm điểm nhiệm vụ tháng trước",
                        "Thông tin, chủ trương cấp trên",
                        "Đánh giá tháng này", "Giao nhiệm vụ tháng tới", "Biểu quyết và kết luận",
                    ]
                ),
                (
                    .en,
                    [
                        "Attendance, chair, agenda", "Review of last month's tasks", "Policy relayed",
                        "Evaluation of the month", "New tasks", "Vote and conclusion",
                    ]
                ),
            ] {
                var headers = users.secretary.bearer
                headers.add(name: .cookie, value: "lang=\(language.rawValue)")
                let html = try await Self.page(app, "/meetings/\(meeting)/minutes", headers: headers)
                    .replacingOccurrences(of: "&#39;", with: "'")
                var from = html.startIndex
                for (index, title) in titles.enumerated() {
                    let heading = "<h2>\(index + 1). \(title)</h2>"
                    let found = try #require(html.range(of: heading, range: from..<html.endIndex), "\(heading)")
                    from = found.upperBound
                    #expect(html.contains(##"<a href="#s-"##) && html.contains(">\(title)</a>"))
                }
                // One form: a Save in any part sends everything typed in every part.
                let start = try #require(html.range(of: #"<form class="minutes-form"#))
                let end = try #require(html.range(of: "</form>", range: start.upperBound..<html.endIndex))
                let form = html[start.lowerBound..<end.upperBound]
                #expect(form.components(separatedBy: #"<button type="submit" name="section""#).count - 1 == 6)
                #expect(form.components(separatedBy: #"<section class="form-section""#).count - 1 == 6)
                // The criterion is picked by number and name from the set in force (2016–2020: environment is #17).
                #expect(html.contains(#"<select name="task[0][criterion]">"#))
                #expect(html.contains(#"<option value="17" selected>17. "#))
                #expect(!html.contains(#"type="number" min="1" name="task[0][criterion]""#))
                // Votes suggested from attendance.
                #expect(html.contains(#"name="votesFor" value="\#(present)""#))
                #expect(html.contains(#"name="votesAgainst" value="0""#))
                #expect(html.contains("data-votes-suggested"))
            }
            try await app.testing().test(.GET, "/styles.css") { res in
                #expect(res.body.string.contains(".attendee:has(input[value=excused]:checked) .reason"))
            }
        }
    }

    @Test(
        "minutes saved without a conclusion are a draft the form reopens with, not minutes; the final save records once",
        arguments: TestDatabase.all)
    func unfinishedDraft(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cell = try await app.organisation("CB-00001.01")
            let tai = try await app.member("Hoàng Văn Tài")
            let meeting = try await Self.plan(app, cell: cell, on: "2019-06-05")
            let meetings = CellMeetings(db: app.store, scope: .everything)
            var headers = users.secretary.bearer
            headers.contentType = .urlEncodedForm
            let form = "/meetings/\(meeting)/minutes"
            let typed = [
                "basedOn=0", "start=07:30", "end=", "att[\(tai)]=excused", "reason[\(tai)]=%C4%90i%20vi%E1%BB%87n",
                "chair=\(tai)", "policy=Ngh%E1%BB%8B%20quy%E1%BA%BFt%20huy%E1%BB%87n", "conclusion=",
                // The one voter of the cell was suggested in favour before being marked absent.
                "votesFor=1", "votesSuggested=1",
            ]
            let first = try await Self.post(
                app, form, typed + ["idem=\(UUID().uuidString)", "section=policy"], headers: headers)
            #expect(first.status == .seeOther)
            #expect(first.location == "\(form)?saved=1#s-policy")
            // Not minutes: no version, the meeting still planned, nothing counted.
            #expect(try await MinutesVersionRecord.query(on: app.store).count() == 0)
            let summary = try #require(try await meetings.meeting(meeting))
            #expect(summary.version == 0 && summary.status == .planned)
            #expect(try await AttendanceRecordRow.query(on: app.store).count() == 0)
            #expect(try await meetings.minutesDraft(meeting) != nil)
            let reopened = try await Self.page(app, "\(form)?saved=1", headers: users.secretary.bearer)
            #expect(reopened.contains("Nghị quyết huyện</textarea>"))
            #expect(reopened.contains(#"name="att[\#(tai)]" value="excused" checked"#))
            #expect(reopened.contains(#"name="reason[\#(tai)]" value="Đi viện""#))
            let saved = try #require(reopened.firstMatch(of: #/data-saved>Đã lưu lúc (\d\d/\d\d/\d{4} \d\d:\d\d)\./#))
            #expect(saved.1 == VietnamTime.text(try #require(try await meetings.minutesDraft(meeting)).savedAt))
            #expect(reopened.contains("data-unfinished"))
            // Left as suggested, "in favour" follows the attendance: the one voter is absent now.
            #expect(reopened.contains(#"name="votesFor" value="0""#) && reopened.contains("data-votes-suggested"))
            // Opened later without the flag: the draft is still there, without the "saved" line.
            let later = try await Self.page(app, form, headers: users.secretary.bearer)
            #expect(later.contains("Nghị quyết huyện</textarea>") && !later.contains("data-saved"))
            // The meeting page tells those who may write that the minutes are unfinished, and offers to go on;
            // a viewer is not told.
            let meetingPage = try await Self.page(app, "/meetings/\(meeting)", headers: users.secretary.bearer)
            #expect(meetingPage.contains("data-unfinished>Bản nháp chưa xong, lưu lúc \(saved.1)"))
            #expect(meetingPage.contains(">Viết tiếp biên bản</a>"))
            let viewed = try await Self.page(app, "/meetings/\(meeting)", headers: users.viewer.bearer)
            #expect(!viewed.contains("data-unfinished") && !viewed.contains("Viết tiếp biên bản"))
            // The final Save, with the conclusion, records the minutes once, even sent twice with its key.
            let final =
                typed.filter { !["end=", "conclusion=", "att[", "reason[", "votes"].contains(where: $0.hasPrefix) } + [
                    "votesFor=0", "votesSuggested=0",
                    "end=09:15", "att[\(tai)]=present", "recorder=\(tai)", "conclusion=Th%E1%BB%91ng%20nh%E1%BA%A5t",
                    "idem=\(UUID().uuidString)",
                    "section=vote",
                ]
            for _ in 0..<2 {
                let sent = try await Self.post(app, form, final, headers: headers)
                #expect(sent.status == .seeOther)
                #expect(sent.location == "/meetings/\(meeting)?saved=1")
            }
            #expect(try await MinutesVersionRecord.query(on: app.store).count() == 1)
            #expect(try await meetings.minutesDraft(meeting) == nil)
            let minutes = try #require(try await meetings.detail(meeting)?.body?.minutes)
            #expect(minutes.policyRelayed == "Nghị quyết huyện")
            #expect(minutes.votes.first?.inFavour == 1, "0 left as suggested becomes the voter marked present now")
            var english = users.secretary.bearer
            english.add(name: .cookie, value: "lang=en")
            let recorded = try await Self.page(app, "/meetings/\(meeting)?saved=1", headers: english)
            let time = try #require(try await meetings.detail(meeting)?.versions.first?.recordedAt)
            #expect(recorded.contains("data-saved>Saved at \(VietnamTime.text(time)).</p>"))
            let afterwards = try await Self.page(app, "/meetings/\(meeting)", headers: english)
            #expect(!afterwards.contains("data-saved") && !afterwards.contains("data-unfinished"))
        }
    }

    @Test(
        "a new form offers the agenda of last month's minutes, marked as such; a kept draft is shown as typed",
        arguments: TestDatabase.all)
    func lastMonthsAgenda(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cell = try await app.organisation("CB-00001.01")
            let tai = try await app.member("Hoàng Văn Tài")
            let meetings = CellMeetings(db: app.store, scope: .everything)
            let may = try await Self.plan(app, cell: cell, on: "2019-05-06")
            let roster = try await CellDirectory(db: app.store, scope: .everything).roster(
                of: cell, on: Fixtures.date("2019-05-06"))
            try await meetings.recordMinutes(
                may,
                MinutesEntry(
                    startTime: TimeOfDay("07:30")!, endTime: TimeOfDay("09:15")!,
                    attendance: roster.map { AttendanceEntry(memberID: $0.member.id, mark: .present, reason: nil) },
                    chairID: tai, recorderID: tai, agenda: ["Kiểm điểm nhiệm vụ", "Thu đảng phí"],
                    conclusion: "Thống nhất"), actor: .system)
            let june = try await Self.plan(app, cell: cell, on: "2019-06-05")
            let html = try await Self.page(app, "/meetings/\(june)/minutes", headers: users.secretary.bearer)
            #expect(html.contains(">Kiểm điểm nhiệm vụ\nThu đảng phí</textarea>"))
            #expect(html.contains("data-agenda-from>Lấy từ biên bản họp ngày 06/05/2019"))
            var headers = users.secretary.bearer
            headers.contentType = .urlEncodedForm
            let sent = try await Self.post(
                app, "/meetings/\(june)/minutes",
                [
                    "basedOn=0", "start=07:30", "agenda=Ch%E1%BB%89%20m%E1%BB%99t%20vi%E1%BB%87c", "idem=\(UUID())",
                    "votesFor=2", "votesSuggested=1",
                ],
                headers: headers)
            #expect(sent.status == .seeOther)
            let again = try await Self.page(app, "/meetings/\(june)/minutes", headers: users.secretary.bearer)
            #expect(again.contains(">Chỉ một việc</textarea>"))
            #expect(!again.contains("data-agenda-from"))
            #expect(again.contains(#"name="votesFor" value="2""#) && !again.contains("data-votes-suggested"), "typed")
        }
    }
}
