import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("The to-do list of a cell and of the cells under a unit (issue 20; rules.md R7, R9, R12, R23, A7, A8)")
struct ToDoListTests {
    static func d(_ text: String) -> CivilDate { Fixtures.date(text) }

    static var tree: OrganisationDataset {
        var dataset = Fixtures.tree
        dataset.members = [
            Fixtures.member("Hoàng Văn Tài", cell: "CB-00001.01", village: "00001.01"),
            Fixtures.member("Lý Văn Một", cell: "CB-00001.01", village: "00001.01"),
        ]
        return dataset
    }

    @Test(
        "a secretary's month: the meeting not planned, then planned, held without minutes, and done",
        arguments: TestDatabase.all)
    func monthMeeting(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.tree)
            let cell = try #require(
                try await OrganisationTree(db: db, scope: .everything).organisation(code: "CB-00001.01"))
            let lists = ToDoLists(db: db, scope: .everything)
            func state() async throws -> MonthMeetingState? {
                try await lists.cells([cell.id], on: Self.d("2019-05-20")).cells.first?.meeting
            }
            // A thematic meeting alone is not the month's meeting (rules.md R7, R9); April's does not count in May.
            _ = try await DashboardTests.meeting(db, cell: cell.id, on: "2019-05-03", kind: .thematic)
            _ = try await DashboardTests.meeting(db, cell: cell.id, on: "2019-04-10")
            #expect(try await state() == .notPlanned)
            _ = try await DashboardTests.meeting(db, cell: cell.id, on: "2019-05-25", status: .planned)
            #expect(try await state() == .planned(Self.d("2019-05-25")))
            let held = try await DashboardTests.meeting(db, cell: cell.id, on: "2019-05-18")
            try await MeetingRecord.query(on: db).filter(\.$id == held).set(\.$currentVersion, to: 0).update()
            #expect(try await state() == .minutesMissing(Self.d("2019-05-18")))
            try await MeetingRecord.query(on: db).filter(\.$id == held).set(\.$currentVersion, to: 1).update()
            #expect(try await state() == .done(Self.d("2019-05-18")))
            // The thematic meeting held in the quarter covers it (rules.md R9).
            #expect(
                try await lists.cells([cell.id], on: Self.d("2019-05-20")).cells.first?.thematicTopicMissing == false)
        }
    }

    @Test(
        "tasks, feedback, the topic, absences and candidates are counted when due; a planner sees them counted",
        arguments: TestDatabase.all)
    func counts(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.tree)
            let tree = OrganisationTree(db: db, scope: .everything)
            let cell = try #require(try await tree.organisation(code: "CB-00001.01")).id
            let commune = try #require(try await tree.unit(code: "00001", on: Self.d("2019-05-28"))).id
            let day = Self.d("2019-05-28")
            let april = try await DashboardTests.meeting(db, cell: cell, on: "2019-04-10")
            // Past its month, due this month (ends within 7 days), due in July (not yet), reviewed (done).
            for (position, month) in ["2019-04", "2019-05", "2019-07"].enumerated() {
                try await Self.task(db, cell: cell, meeting: april, position: position, due: month)
            }
            try await DashboardTests.task(db, cell: cell, meeting: april, position: 9, reviewedAt: april)
            // Overdue feedback: received early in May, never moved on (5 working days, rules.md A8).
            _ = try await FeedbackBook(db: db, scope: .everything).record(
                cellID: cell,
                CitizenFeedback(
                    receivedOn: Self.d("2019-05-02"), receivedBy: "Hoàng Văn Tài", topic: .infrastructure,
                    summary: "Đường vào bản sạt lở"), actor: .system)
            // Two unexcused absences this year for Tài, one for Một, one last year for Một (rules.md R12).
            let tai = try await Self.memberID(db, "Hoàng Văn Tài")
            let mot = try await Self.memberID(db, "Lý Văn Một")
            for (member, date) in [(tai, "2019-02-10"), (tai, "2019-03-10"), (mot, "2019-03-10"), (mot, "2018-11-10")] {
                try await Self.absence(db, cell: cell, member: member, on: date)
            }
            // A candidate whose next step is due in a week, another whose step is months away.
            try await Self.candidate(db, cell: cell, name: "Ma Văn Năm", nextDue: "2019-06-04")
            try await Self.candidate(db, cell: cell, name: "Ma Văn Sáu", nextDue: "2019-09-30")

            let lists = ToDoLists(db: db, scope: .everything)
            let list = try await lists.cells([cell], on: day)
            let todo = try #require(list.cells.first)
            #expect(todo.meeting == .notPlanned)
            #expect(todo.tasksOverdue == 1 && todo.tasksDueSoon == 1)
            #expect(todo.feedbackOverdue == 1 && todo.feedbackDueSoon == 0)
            #expect(todo.thematicTopicMissing)
            #expect(todo.membersNearAbsenceFlag == 1)
            #expect(todo.candidateDeadlines == 1 && todo.nextCandidateDeadline == Self.d("2019-06-04"))
            #expect(!list.isEmpty)

            // A topic planned for June covers the second quarter (rules.md R9).
            let topic = ThematicTopicRecord()
            topic.id = UUID()
            topic.organisationID = cell
            topic.year = 2019
            topic.month = "2019-06"
            topic.title = "Học tập và làm theo tư tưởng Hồ Chí Minh"
            try await topic.create(on: db)
            #expect(try await lists.cells([cell], on: day).cells.first?.thematicTopicMissing == false)

            // The planner of the commune: the same, counted over its cells, in the same fixed reads.
            let unit = try #require(try await lists.unit(commune, on: day))
            let totals = unit.totals
            #expect(totals.cells == unit.cells.count && totals.cells >= 2)
            #expect(totals.tasksOverdue == 1 && totals.feedbackOverdue == 1 && totals.candidateDeadlines == 1)
            #expect(totals.meetingNotPlanned == totals.cells)
            let lines = ToDoLines.unit(commune, totals, on: day)
            #expect(lines.contains { $0.text.vi == "1 nhiệm vụ đã quá hạn" && $0.path.hasSuffix("/dashboard") })
            #expect(lines.contains { $0.path == "/units/\(commune.uuidString)/feedback" })

            // Outside the scope: nothing (rules.md R30).
            let narrow = ToDoLists(db: db, scope: .restricted(units: [commune], organisations: []))
            #expect(try await narrow.cells([cell], on: day).cells.isEmpty)
            #expect(try await narrow.unit(commune, on: day)?.cells.isEmpty == true)
            #expect(try await ToDoLists(db: db, scope: .nothing).unit(commune, on: day) == nil)
        }
    }

    @Test(
        "a cell's congress shows when its window opens and, past its latest day, as overdue; none recorded, no line",
        arguments: TestDatabase.all)
    func congress(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Self.tree)
            let tree = OrganisationTree(db: db, scope: .everything)
            let cell = try #require(try await tree.organisation(code: "CB-00001.01")).id
            let commune = try #require(try await tree.unit(code: "00001", on: Self.d("2019-05-28"))).id
            _ = try await CellCommittees(db: db, scope: .everything).recordCongress(
                cell, CongressForm(heldOn: "2016-01-10"), today: Self.d("2016-01-10"), actor: .system)
            let lists = ToDoLists(db: db, scope: .everything)
            // Thirty months on, due 10-7-2018, held from 10-1-2018 to 10-1-2019 (rules.md R6).
            let before = try #require(try await lists.cells([cell], on: Self.d("2017-12-31")).cells.first)
            #expect(before.congress == .notYetDue)
            #expect(!ToDoLines.cell(before, on: Self.d("2017-12-31")).contains { $0.path.hasSuffix("/cell-committee") })
            let open = try #require(try await lists.cells([cell], on: Self.d("2018-03-01")).cells.first)
            #expect(open.congress == .due)
            #expect(
                ToDoLines.cell(open, on: Self.d("2018-03-01")).contains {
                    $0.text.vi == "Đã đến kỳ đại hội chi bộ (chậm nhất 10/01/2019)" && !$0.urgent
                        && $0.path == "/cells/\(cell.uuidString)/cell-committee"
                })
            let late = try #require(try await lists.cells([cell], on: Self.d("2019-05-28")).cells.first)
            #expect(late.congress == .overdue)
            #expect(
                ToDoLines.cell(late, on: Self.d("2019-05-28")).contains {
                    $0.text.vi == "Đại hội chi bộ đã quá hạn (hạn chót 10/01/2019)" && $0.urgent
                })
            // A congress recorded later is not seen as of an earlier day (rules.md R26).
            _ = try await CellCommittees(db: db, scope: .everything).recordCongress(
                cell, CongressForm(heldOn: "2019-06-15"), today: Self.d("2019-06-15"), actor: .system)
            #expect(try await lists.cells([cell], on: Self.d("2019-05-28")).cells.first?.congress == .overdue)
            #expect(try await lists.cells([cell], on: Self.d("2019-06-20")).cells.first?.congress == .notYetDue)
            // The planner sees the overdue cell counted; the cell with no congress recorded adds no line.
            let unit = try #require(try await lists.unit(commune, on: Self.d("2019-05-28")))
            #expect(unit.totals.congressOverdue == 1 && unit.totals.congressDue == 0)
            #expect(unit.cells.filter { $0.congress == .unknown }.count == unit.cells.count - 1)
            #expect(
                ToDoLines.unit(commune, unit.totals, on: Self.d("2019-05-28")).contains {
                    $0.text.vi == "1 chi bộ đã quá hạn đại hội" && $0.urgent
                })
        }
    }

    static func memberID(_ db: any Database, _ name: String) async throws -> UUID {
        try #require(
            try await MemberDirectory(db: db, scope: .everything).search(.init(text: name, date: d("2019-05-01")))
                .items.first { $0.fullName == name }
        ).id
    }

    static func task(_ db: any Database, cell: UUID, meeting: UUID, position: Int, due: String) async throws {
        let record = MemberTaskRecord()
        record.id = UUID()
        record.organisationID = cell
        record.meetingID = meeting
        record.position = position
        record.kind = MemberTaskKind.other.rawValue
        record.description = "Vận động hộ dân trồng lê"
        record.dueMonth = due
        record.status = MemberTaskStatus.open.rawValue
        try await record.create(on: db)
    }

    static func absence(_ db: any Database, cell: UUID, member: UUID, on date: String) async throws {
        let meeting = try await DashboardTests.meeting(db, cell: cell, on: date)
        let row = AttendanceRecordRow()
        row.id = UUID()
        row.meetingID = meeting
        row.organisationID = cell
        row.memberID = member
        row.date = date
        row.standing = PartyStanding.full.rawValue
        row.status = AttendanceMark.unexcused.rawValue
        try await row.create(on: db)
    }

    static func candidate(_ db: any Database, cell: UUID, name: String, nextDue: String) async throws {
        let record = CandidateRecord()
        record.id = UUID()
        record.organisationID = cell
        record.fullName = name
        record.nameSort = name
        record.candidate = "{}"
        record.pipeline = "{}"
        record.nextDue = nextDue
        record.createdBy = "tests"
        record.createdAt = Date()
        try await record.create(on: db)
    }
}
