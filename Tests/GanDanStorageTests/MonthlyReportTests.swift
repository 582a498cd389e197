import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing

/// The monthly cell report and the commune summary, on both databases.
@Suite("Monthly cell report and commune summary in storage")
struct MonthlyReportTests {
    typealias Cell = MeetingTests.Cell

    /// June: a meeting (Ma Văn Bình excused) assigning a task, feedback received, a candidate listed;
    /// July: a meeting (Hoàng Thị Cúc absent without excuse) reviewing the task done, the feedback answered.
    /// The exempt member stays away from both, excused: 4 expected, 3 present each time (rules.md R4).
    static func history(_ db: any Database) async throws -> Cell {
        let cell = try await MeetingTests.loadCell(db)
        let meetings = CellMeetings(db: db, scope: .everything)
        let june = try await MeetingTests.plan(meetings, cell, "2019-06-05")
        let task = MemberTaskDraft(
            kind: .other, description: "Vận động dọn vệ sinh đường thôn", assigneeIDs: [cell["Ma Văn Bình"].uuidString],
            due: YearMonth("2019-07")!)
        try await meetings.recordMinutes(
            june,
            MeetingTests.entry(cell, absent: ["Ma Văn Bình": .excused, "Triệu Văn Ếch": .excused], tasks: [task]),
            actor: .system)
        let assigned = try #require(try await meetings.tasks(of: cell.id).first)
        let july = try await MeetingTests.plan(meetings, cell, "2019-07-05")
        try await meetings.recordMinutes(
            july,
            MeetingTests.entry(
                cell, absent: ["Hoàng Thị Cúc": .unexcused, "Triệu Văn Ếch": .excused],
                reviews: [MemberTaskReview(taskID: assigned.id.uuidString, status: .done, outcome: "Đã xong")]),
            actor: .system)
        let book = FeedbackBook(db: db, scope: .everything)
        let item = try await book.record(
            cellID: cell.id,
            CitizenFeedback(
                receivedOn: Fixtures.date("2019-06-10"), receivedBy: "Lương Văn Ấn", topic: .land,
                summary: "Đường vào bản hỏng"), actor: .system)
        _ = try await book.apply(
            .forward(on: Fixtures.date("2019-06-12"), to: .communePeoplesCommittee, detail: nil), to: item.id,
            actor: .system)
        _ = try await book.apply(
            .answer(on: Fixtures.date("2019-07-02"), text: "Xã sẽ sửa"), to: item.id, actor: .system)
        _ = try await CandidateRegister(db: db, scope: .everything).add(
            cellID: cell.id,
            CandidateDraft(
                fullName: "Ma Văn Chiến", birthDate: Fixtures.date("2000-01-01"), education: "12/12",
                listedOn: Fixtures.date("2019-06-01")), actor: .system)
        return cell
    }

    @Test(
        "a cell's month lists its meetings, tasks assigned and reviewed, feedback, candidates' steps and absences",
        arguments: TestDatabase.all)
    func cellMonth(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let cell = try await Self.history(db)
            let reports = MonthlyReports(db: db, scope: .everything)
            let june = try #require(try await reports.cellMonth(cellID: cell.id, month: YearMonth("2019-06")!))
            #expect(june.meetings.map(\.date) == [Fixtures.date("2019-06-05")])
            #expect(june.meetings.first?.present == 3)
            #expect(june.meetings.first?.expected == 4)
            #expect(june.tasksAssigned.map(\.description) == ["Vận động dọn vệ sinh đường thôn"])
            #expect(june.tasksReviewed.isEmpty)
            #expect(june.feedback.map(\.feedback.summary) == ["Đường vào bản hỏng"])
            #expect(june.candidateSteps.map(\.step) == [.listed])
            #expect(june.absences.map(\.member.name) == ["Ma Văn Bình", "Triệu Văn Ếch"])
            #expect(june.absences.first?.excused == true)
            #expect(june.absences.first?.reason == "Ốm")

            let july = try #require(try await reports.cellMonth(cellID: cell.id, month: YearMonth("2019-07")!))
            #expect(july.tasksAssigned.isEmpty)
            #expect(july.tasksReviewed.map(\.status) == [.done])
            #expect(july.feedback.map(\.stage) == [.answered], "answered in July, so it is July's too")
            #expect(july.candidateSteps.isEmpty)
            #expect(july.absences.map(\.member.name) == ["Hoàng Thị Cúc", "Triệu Văn Ếch"])
            #expect(july.absences.first?.excused == false)

            let august = try #require(try await reports.cellMonth(cellID: cell.id, month: YearMonth("2019-08")!))
            #expect(august.meetings.isEmpty && august.absences.isEmpty && august.feedback.isEmpty)

            let other = try #require(
                try await OrganisationTree(db: db, scope: .everything).organisation(code: "CB-00001.02")
            ).id
            let outside = MonthlyReports(db: db, scope: .restricted(units: [], organisations: [other]))
            #expect(try await outside.cellMonth(cellID: cell.id, month: YearMonth("2019-06")!) == nil)
        }
    }

    @Test(
        "the commune summary has one row per village cell with its figures, and totals that add up",
        arguments: TestDatabase.all)
    func communeSummary(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let cell = try await Self.history(db)
            let commune = try #require(
                try await OrganisationTree(db: db, scope: .everything).unit(
                    code: "00001", on: Fixtures.date("2019-07-01")))
            let summary = try await MonthlyReports(db: db, scope: .everything).communeSummary(
                unitID: commune.id, from: YearMonth("2019-06")!, through: YearMonth("2019-07")!)
            #expect(summary.rows.map(\.cell.name) == ["Chi bộ thôn Nà Coóc", "Chi bộ thôn Nà Làng"])
            let row = try #require(summary.rows.first { $0.cell.id == cell.id })
            #expect(row.members == 5, "full (the exempt one included) and probationary members (rules.md R4)")
            #expect(row.fullMembers == 4)
            #expect(row.meetingsHeld == 2)
            #expect(row.expected == 8)
            #expect(row.present == 6)
            #expect(row.attendanceRate == 75)
            #expect(row.tasksTotal == 1)
            #expect(row.tasksDone == 1)
            #expect(row.feedbackReceived == 1)
            #expect(row.feedbackAnswered == 1)
            #expect(row.feedbackOverdue == 0)
            let empty = try #require(summary.rows.first { $0.cell.id != cell.id })
            #expect(empty.meetingsHeld == 0 && empty.attendanceRate == nil)
            #expect(summary.totals.meetingsHeld == 2)
            #expect(summary.totals.members == summary.rows.map(\.members).reduce(0, +))

            let june = try await MonthlyReports(db: db, scope: .everything).communeSummary(
                unitID: commune.id, from: YearMonth("2019-06")!, through: YearMonth("2019-06")!)
            #expect(june.totals.meetingsHeld == 1)
            #expect(june.totals.tasksDone == 0)
            let nobody = try await MonthlyReports(db: db, scope: .nothing).communeSummary(
                unitID: commune.id, from: YearMonth("2019-06")!, through: YearMonth("2019-07")!)
            #expect(nobody.rows.isEmpty)
        }
    }
}
