import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanStorage
@testable import GanDanWeb

/// A minutes form opened before another save (kept offline, another device) and sent late (issue 20): the page shows
/// the stored minutes beside what was typed, in the page's language, and writes nothing until she chooses.
@Suite("Minutes sent late meet minutes saved meanwhile: the conflict page")
struct MinutesConflictPageTests {
    @Test(
        "minutes typed on a form opened before another save come back beside the stored ones, nothing written",
        arguments: TestDatabase.all)
    func conflictPage(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cell = try await app.organisation("CB-00001.01")
            let meetings = CellMeetings(db: app.store, scope: .everything)
            let day = Fixtures.date("2019-06-05")
            let meeting = try await meetings.plan(
                cellID: cell,
                MeetingPlanDraft(
                    kind: .regular, date: day, scheduledStart: TimeOfDay(hour: 7, minute: 30)!,
                    noticeSentOn: Fixtures.date("2019-06-03")), actor: .system
            ).id
            let roster = try await CellDirectory(db: app.store, scope: .everything).roster(of: cell, on: day)
            let marks = roster.map { "att[\($0.member.id)]=present" }.joined(separator: "&")
            // The planner's device saves the minutes first.
            try await meetings.recordMinutes(
                meeting,
                MinutesEntry(
                    startTime: TimeOfDay("07:30")!, endTime: TimeOfDay("09:15")!,
                    attendance: roster.map { AttendanceEntry(memberID: $0.member.id, mark: .present, reason: nil) },
                    chairID: roster.first?.member.id, recorderID: roster.last?.member.id,
                    conclusion: "Bản máy kia"), actor: Actor(name: "planner"))
            var headers = users.secretary.bearer
            headers.contentType = .urlEncodedForm
            // The secretary's form was opened on no minutes yet (version 0), typed offline, sent when the signal returned.
            let typed =
                "basedOn=0&idem=\(UUID().uuidString)&start=07:30&end=09:15&chair=\(roster.first!.member.id)"
                + "&recorder=\(roster.last!.member.id)&\(marks)&conclusion=B%E1%BA%A3n+ngo%E1%BA%A1i+tuy%E1%BA%BFn"
            for (language, sentence) in [
                (Language.vi, "Biên bản này đã được lưu ở nơi khác sau khi bạn mở trang"),
                (.en, "These minutes were saved elsewhere after you opened this page"),
            ] {
                var sent = headers
                sent.add(name: .cookie, value: "lang=\(language.rawValue)")
                try await app.testing().test(
                    .POST, "/meetings/\(meeting)/minutes", headers: sent, body: ByteBuffer(string: typed)
                ) { res in
                    #expect(res.status == .conflict)
                    let html = res.body.string
                    #expect(html.contains(sentence))
                    #expect(html.contains("<td>Bản máy kia</td><td>Bản ngoại tuyến</td>"))
                    #expect(html.contains(">Bản ngoại tuyến</textarea>"), "what she typed stays in the form")
                    #expect(html.contains(#"name="basedOn" value="1""#), "Save now keeps hers over version 1")
                    #expect(html.contains(#"<a href="/meetings/\#(meeting)">"#))
                    let offences = PageCrawlTests.visibleText(html).flatMap {
                        PageCrawlTests.offences(in: $0, vietnamese: language == .vi)
                    }
                    #expect(offences.isEmpty, "\(offences)")
                }
            }
            #expect(try await meetings.detail(meeting)?.body?.minutes.conclusion == "Bản máy kia")
            #expect(try await MinutesVersionRecord.query(on: app.store).count() == 1)
            // She keeps hers: based on the stored version, with the reason, it is saved as a correction.
            let kept =
                typed.replacingOccurrences(of: "basedOn=0", with: "basedOn=1")
                + "&correctionReason=Gi%E1%BB%AF+b%E1%BA%A3n+ghi+t%E1%BA%A1i+bu%E1%BB%95i+h%E1%BB%8Dp"
            try await app.testing().test(
                .POST, "/meetings/\(meeting)/minutes", headers: headers, body: ByteBuffer(string: kept)
            ) { res in
                #expect(res.status == .seeOther, "\(res.body.string.prefix(2000))")
            }
            #expect(try await meetings.detail(meeting)?.body?.minutes.conclusion == "Bản ngoại tuyến")
        }
    }
}
