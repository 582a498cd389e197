import FluentKit
import Foundation
import GanDanCore

/// One absence from a meeting in the month: who, when, excused or not and why (rules.md R12).
public struct AbsenceLine: Codable, Sendable, Hashable {
    public var member: NamedID
    public var date: CivilDate
    public var excused: Bool
    public var reason: String?
}

/// One step of a candidate's pipeline reached in the month (rules.md R21–R23).
public struct CandidateStepLine: Codable, Sendable, Hashable {
    public var candidate: NamedID
    public var step: PipelineStep
    public var date: CivilDate
}

/// A cell's month: meetings, tasks assigned and reviewed at them, feedback that moved, candidates' steps and
/// absences, as the monthly report to the commune committee lists them.
public struct CellMonthReport: Codable, Sendable, Hashable {
    public var cell: NamedID
    public var unitID: UUID
    public var month: YearMonth
    /// Every meeting dated in the month (held, planned or called off), oldest first.
    public var meetings: [MeetingSummary]
    /// Tasks assigned at the month's meetings.
    public var tasksAssigned: [TaskView]
    /// Tasks reviewed at the month's meetings.
    public var tasksReviewed: [TaskView]
    /// Feedback received, forwarded, answered or reported back in the month.
    public var feedback: [FeedbackView]
    public var candidateSteps: [CandidateStepLine]
    public var absences: [AbsenceLine]
}

/// One village cell's figures for a period, one row of the commune summary.
public struct CellPeriodRow: Codable, Sendable, Hashable {
    public var cell: NamedID
    /// Members on the roll at the end of the period (full, probationary, suspended) and full members (R1).
    public var members: Int
    public var fullMembers: Int
    public var meetingsHeld: Int
    public var expected: Int
    public var present: Int
    public var tasksDone: Int
    public var tasksTotal: Int
    public var feedbackReceived: Int
    public var feedbackAnswered: Int
    /// Feedback still open past its deadline at the end of the period.
    public var feedbackOverdue: Int

    /// Present ÷ expected over the period's held meetings, 0–100; nil without meetings.
    public var attendanceRate: Double? { expected > 0 ? Double(present) * 100 / Double(expected) : nil }

    static func + (lhs: CellPeriodRow, rhs: CellPeriodRow) -> CellPeriodRow {
        var sum = lhs
        sum.members += rhs.members
        sum.fullMembers += rhs.fullMembers
        sum.meetingsHeld += rhs.meetingsHeld
        sum.expected += rhs.expected
        sum.present += rhs.present
        sum.tasksDone += rhs.tasksDone
        sum.tasksTotal += rhs.tasksTotal
        sum.feedbackReceived += rhs.feedbackReceived
        sum.feedbackAnswered += rhs.feedbackAnswered
        sum.feedbackOverdue += rhs.feedbackOverdue
        return sum
    }
}

/// A commune's village cells over a period of whole months, with the totals.
public struct CommuneSummary: Codable, Sendable, Hashable {
    public var unitID: UUID
    public var from: YearMonth
    /// The last month included.
    public var through: YearMonth
    public var rows: [CellPeriodRow]
    public var totals: CellPeriodRow
}

/// The monthly cell report and the commune summary, read in a few batched queries per report (not one per
/// row), within the reader's scope, the same on SQLite and PostgreSQL.
public struct MonthlyReports: Sendable {
    let db: any Database
    let scope: AccessScope
    let policy: MeetingPolicy
    let charter: CharterSettings
    /// The working days behind feedback and admission deadlines (rules.md R23).
    let calendar: WorkingCalendar

    public init(
        db: any Database, scope: AccessScope, policy: MeetingPolicy = .standard,
        charter: CharterSettings = .standard, calendar: WorkingCalendar = .vietnam
    ) {
        self.db = db
        self.scope = scope
        self.policy = policy
        self.charter = charter
        self.calendar = calendar
    }

    /// The cell's report for `month`, or nil when the cell is not a cell in the scope.
    public func cellMonth(cellID: UUID, month: YearMonth) async throws -> CellMonthReport? {
        let meetings = CellMeetings(db: db, scope: scope, policy: policy)
        guard let cell = try await meetings.cellRecord(cellID) else { return nil }
        let first = month.firstDay
        let next = month.adding(months: 1).firstDay
        let last = next.adding(days: -1)
        let held = try await meetings.meetings(of: cellID, from: first, until: next).sorted {
            ($0.date, $0.scheduledStart) < ($1.date, $1.scheduledStart)
        }
        let ids = held.map(\.id)
        var assigned: [TaskView] = []
        var reviewed: [TaskView] = []
        if !ids.isEmpty {
            // As the month's end saw them: a review in a later month is not yet made (rules.md R26).
            assigned = try await meetings.taskViews(
                MemberTaskRecord.query(on: db).filter(\.$meetingID ~~ ids), asOf: last)
            reviewed = try await meetings.taskViews(
                MemberTaskRecord.query(on: db).filter(\.$reviewedMeetingID ~~ ids.map { Optional($0) }))
        }
        func ordered(_ tasks: [TaskView]) -> [TaskView] {
            // Ties broken by who was assigned before the id, so the order reads the same in every database.
            tasks.sorted {
                ($0.meetingDate, $0.description, $0.assignees.map(\.name).joined(separator: ","), $0.id)
                    < ($1.meetingDate, $1.description, $1.assignees.map(\.name).joined(separator: ","), $1.id)
            }
        }
        let inMonth: (CivilDate?) -> Bool = { date in date.map { $0 >= first && $0 < next } ?? false }
        let feedback = try await FeedbackBook(db: db, scope: scope, calendar: calendar).list(cells: [cellID], on: last)
            .filter {
                let item = $0.feedback
                return inMonth(item.receivedOn) || inMonth(item.forwardedOn) || inMonth(item.answeredOn)
                    || inMonth(item.reportedBackOn)
            }.sorted { ($0.feedback.receivedOn, $0.id) < ($1.feedback.receivedOn, $1.id) }
        var steps: [CandidateStepLine] = []
        for candidate in try await CandidateRegister(db: db, scope: scope, calendar: calendar).list(
            cells: [cellID], on: last)
        {
            for step in PipelineStep.allCases {
                if let date = candidate.pipeline.date(of: step), inMonth(date) {
                    steps.append(
                        CandidateStepLine(
                            candidate: NamedID(id: candidate.id, name: candidate.fullName), step: step, date: date))
                }
            }
        }
        steps.sort {
            ($0.date, VietnameseText.personNameSortKey($0.candidate.name))
                < ($1.date, VietnameseText.personNameSortKey($1.candidate.name))
        }
        let rows = try await AttendanceRecordRow.query(on: db).filter(\.$organisationID == cellID)
            .filter(\.$date >= first.iso).filter(\.$date < next.iso)
            .filter(\.$status != AttendanceMark.present.rawValue).all()
        let names = try await meetings.memberNames(Array(Set(rows.map(\.memberID))))
        let absences = try rows.map { row -> AbsenceLine in
            AbsenceLine(
                member: NamedID(id: row.memberID, name: names[row.memberID] ?? ""), date: try row.date(\.$date),
                excused: row.status == AttendanceMark.excused.rawValue, reason: row.reason)
        }.sorted {
            ($0.date, VietnameseText.personNameSortKey($0.member.name))
                < ($1.date, VietnameseText.personNameSortKey($1.member.name))
        }
        return CellMonthReport(
            cell: NamedID(id: cellID, name: cell.name), unitID: cell.unitID, month: month, meetings: held,
            tasksAssigned: ordered(assigned), tasksReviewed: ordered(reviewed), feedback: feedback,
            candidateSteps: steps, absences: absences)
    }

    /// One row per village cell under `unitID` (in the scope) for the months `from` through `through`, and totals.
    /// Members are counted at the end of the period; meetings, tasks and feedback over it (rules.md R1, A8).
    public func communeSummary(unitID: UUID, from: YearMonth, through: YearMonth) async throws -> CommuneSummary {
        let start = from.firstDay
        let end = through.adding(months: 1).firstDay
        let last = end.adding(days: -1)
        let tree = OrganisationTree(db: db, scope: scope)
        let units = try await OrganisationTree(db: db, scope: .storageInternal).subtree(of: unitID, on: last)
        let cells = try await tree.organisations(atUnits: units, on: last).filter {
            $0.kind == .villageCell && scope.contains(organisation: $0.id)
        }
        let figures = try await ImpactReports(db: db, scope: scope).figures(cells: cells, from: start, until: end)
        let summaries = try await CellDirectory(db: db, scope: scope).summaries(of: cells, on: last, settings: charter)
        let counts = Dictionary(summaries.map { ($0.cell.id, $0.counts) }, uniquingKeysWith: { first, _ in first })
        let tasks = try await taskCounts(cells: cells.map(\.id), from: start, until: end)
        var overdue: [UUID: Int] = [:]
        for item in try await FeedbackBook(db: db, scope: scope, calendar: calendar).list(
            cells: cells.map(\.id), on: last, openOnly: true)
        where item.overdue {
            overdue[item.cellID, default: 0] += 1
        }
        let rows = cells.map { cell -> CellPeriodRow in
            let figure = figures[cell.id] ?? PeriodFigures(from: start, until: end)
            let count = counts[cell.id]
            return CellPeriodRow(
                cell: NamedID(id: cell.id, name: cell.name), members: count?.total ?? 0, fullMembers: count?.full ?? 0,
                meetingsHeld: figure.meetings, expected: figure.expected, present: figure.present,
                tasksDone: tasks[cell.id]?.done ?? 0, tasksTotal: tasks[cell.id]?.total ?? 0,
                feedbackReceived: figure.feedbackReceived,
                feedbackAnswered: figure.feedbackAnswered, feedbackOverdue: overdue[cell.id] ?? 0)
        }.sorted { VietnameseText.sortKey($0.cell.name) < VietnameseText.sortKey($1.cell.name) }
        let zero = CellPeriodRow(
            cell: NamedID(id: unitID, name: ""), members: 0, fullMembers: 0, meetingsHeld: 0, expected: 0, present: 0,
            tasksDone: 0, tasksTotal: 0, feedbackReceived: 0, feedbackAnswered: 0, feedbackOverdue: 0)
        return CommuneSummary(
            unitID: unitID, from: from, through: through, rows: rows, totals: rows.reduce(zero, +))
    }

    /// Per cell: tasks assigned at the held meetings of the period, and of those, the ones reviewed as done at
    /// a meeting before the period ended (a task done later is not done yet in this period's report).
    func taskCounts(cells: [UUID], from: CivilDate, until: CivilDate) async throws -> [UUID: (done: Int, total: Int)] {
        var meetings: [MeetingRecord] = []
        for chunk in cells.chunked(500) {
            meetings += try await MeetingRecord.query(on: db)
                .filter(\.$organisationID ~~ chunk)
                .filter(\.$date >= from.iso).filter(\.$date < until.iso)
                .filter(\.$status == MeetingStatus.held.rawValue).all()
        }
        let ids = meetings.compactMap(\.id)
        var tasks: [MemberTaskRecord] = []
        for chunk in ids.chunked(500) {
            tasks += try await MemberTaskRecord.query(on: db)
                .filter(\.$meetingID ~~ chunk).all()
        }
        let reviewIDs = Array(Set(tasks.compactMap(\.reviewedMeetingID)))
        var reviewDates: [UUID: String] = [:]
        for chunk in reviewIDs.chunked(500) {
            for meeting in try await MeetingRecord.query(on: db)
                .filter(\.$id ~~ chunk).all()
            {
                reviewDates[try meeting.requireID()] = meeting.date
            }
        }
        var counts: [UUID: (done: Int, total: Int)] = [:]
        for task in tasks {
            var count = counts[task.organisationID] ?? (0, 0)
            count.total += 1
            if task.status == MemberTaskStatus.done.rawValue,
                let reviewed = task.reviewedMeetingID.flatMap({ reviewDates[$0] }), reviewed < until.iso
            {
                count.done += 1
            }
            counts[task.organisationID] = count
        }
        return counts
    }
}
