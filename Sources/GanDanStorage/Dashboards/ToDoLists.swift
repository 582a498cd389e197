import FluentKit
import Foundation
import GanDanCore
import SQLKit

/// The to-do list of cells on a day: this month's meeting, tasks and feedback due, the quarter's thematic topic,
/// members near the absence flag and candidates' deadlines (issue 20).
///
/// Read in a fixed number of queries whatever the number of cells (one of each kind per 10,000 cells, plus the tree for a unit),
/// never one per cell. Only cells in `scope` are listed (rules.md R30).
public struct ToDoLists: Sendable {
    let db: any Database
    let scope: AccessScope
    let feedbackSettings: FeedbackSettings
    let calendar: WorkingCalendar
    let meetingSettings: MeetingSettings
    let horizon: ToDoHorizon
    let congressTerm: CongressTerm

    public init(
        db: any Database, scope: AccessScope, feedbackSettings: FeedbackSettings = .standard,
        calendar: WorkingCalendar = .vietnam, meetingSettings: MeetingSettings = .standard,
        horizon: ToDoHorizon = .standard, congressTerm: CongressTerm = .standard
    ) {
        self.db = db
        self.scope = scope
        self.feedbackSettings = feedbackSettings
        self.calendar = calendar
        self.meetingSettings = meetingSettings
        self.horizon = horizon
        self.congressTerm = congressTerm
    }

    /// The to-do list of these cells (a secretary's), those outside the scope or not in force on the day left out.
    public func cells(_ ids: [UUID], on date: CivilDate) async throws -> ToDoList {
        var records: [OrganisationRecord] = []
        for chunk in ids.filter(scope.contains(organisation:)).chunked(10_000) {
            records += try await OrganisationRecord.query(on: db).filter(\.$id ~~ chunk).inForce(on: date).all()
        }
        let cells = try records.filter { try $0.decode(\.$kind, as: OrganisationKind.self).isCell }
            .sorted { ($0.nameSort, $0.code) < ($1.nameSort, $1.code) }
        return try await list(cells.map { (try $0.requireID(), $0.name) }, on: date)
    }

    /// The to-do list of every cell under `unit` in the scope (a planner's); nil when the unit did not exist on the
    /// day or lies outside the scope.
    public func unit(_ unit: UUID, on date: CivilDate) async throws -> ToDoList? {
        guard scope.contains(unit: unit), let tree = try await DashboardTree.load(root: unit, on: date, db: db) else {
            return nil
        }
        let aboveCommune = (tree.kinds[unit]?.level ?? 3) < 3
        let cells = try tree.organisations.values.filter {
            try $0.decode(\.$kind, as: OrganisationKind.self).isCell && scope.contains(organisation: $0.requireID())
        }
        .sorted { ($0.nameSort, $0.code) < ($1.nameSort, $1.code) }
        return try await list(
            cells.map { cell in
                var name = cell.name
                // Above a commune, a cell is named with its commune (rules.md R27).
                if aboveCommune, let commune = tree.commune(of: cell.unitID) {
                    name = CellNaming.withCommune(
                        cell.name, communeKind: tree.kinds[commune], communeName: tree.units[commune]?.name)
                }
                return (try cell.requireID(), name)
            }, on: date)
    }

    func list(_ all: [(id: UUID, name: String)], on date: CivilDate) async throws -> ToDoList {
        let waiting = try await awaitingDissolution(all.map(\.id), on: date)
        let cells = all.filter { !waiting.contains($0.id) }
        let ids = cells.map(\.id)
        let meetings = try await meetingFacts(ids, on: date)
        let topics = try await quartersWithTopic(ids, on: date)
        let tasks = try await taskCounts(ids, on: date)
        let feedback = try await feedbackCounts(ids, on: date)
        let absences = try await membersNearAbsenceFlag(ids, on: date)
        let candidates = try await candidateDeadlines(ids, on: date)
        let transfers = try await transferCounts(ids, on: date)
        let congresses = try await lastCongresses(ids, on: date)
        let quarter = YearMonth(date).quarter
        return ToDoList(
            asOf: date,
            cells: cells.map { cell in
                let facts = meetings[cell.id] ?? MeetingFacts()
                var todo = CellToDo(
                    cellID: cell.id, cellName: cell.name, meeting: facts.state,
                    tasksDueSoon: tasks[cell.id]?.soon ?? 0, tasksOverdue: tasks[cell.id]?.overdue ?? 0,
                    feedbackDueSoon: feedback[cell.id]?.soon ?? 0, feedbackOverdue: feedback[cell.id]?.overdue ?? 0,
                    thematicTopicMissing: !facts.thematicHeldThisQuarter && !(topics[cell.id] ?? []).contains(quarter),
                    membersNearAbsenceFlag: absences[cell.id] ?? 0,
                    candidateDeadlines: candidates[cell.id]?.count ?? 0,
                    nextCandidateDeadline: candidates[cell.id]?.next,
                    transfersWaiting: transfers[cell.id]?.waiting ?? 0,
                    transfersOverdue: transfers[cell.id]?.overdue ?? 0)
                todo.congress = congressTerm.standing(lastHeld: congresses[cell.id], on: date)
                todo.nextCongress = congresses[cell.id].map(congressTerm.next(after:))
                return todo
            })
    }

    /// Agency cells whose members were placed by `date` and that await their dissolution day (rules.md A1, R14):
    /// nobody is left on their roll, so they have no meeting or task to do.
    func awaitingDissolution(_ cells: [UUID], on date: CivilDate) async throws -> Set<UUID> {
        var result: Set<UUID> = []
        for chunk in cells.chunked(10_000) {
            for row in try await DissolutionRecord.query(on: db).filter(\.$organisationID ~~ chunk)
                .filter(\.$placedOn <= date.iso).all()
            {
                if try row.status(on: date) == .placed { result.insert(row.organisationID) }
            }
        }
        return result
    }

    /// What the meetings of a cell's quarter so far say: the month's monthly meeting and whether a thematic one was
    /// held this quarter (rules.md R7, R9).
    struct MeetingFacts {
        var plannedDays: [CivilDate] = []
        var heldWithoutMinutes: [CivilDate] = []
        var heldWithMinutes: [CivilDate] = []
        var thematicHeldThisQuarter = false

        var state: MonthMeetingState {
            if let day = heldWithMinutes.min() { return .done(day) }
            if let day = heldWithoutMinutes.min() { return .minutesMissing(day) }
            if let day = plannedDays.min() { return .planned(day) }
            return .notPlanned
        }
    }

    /// Each cell's meetings from the quarter's first day to the month's last: one query per 10,000 cells.
    func meetingFacts(_ cells: [UUID], on date: CivilDate) async throws -> [UUID: MeetingFacts] {
        let month = YearMonth(date)
        let quarterStart = YearMonth(year: month.year, month: (month.quarter - 1) * 3 + 1) ?? month
        let monthEnd = month.adding(months: 1).firstDay.adding(days: -1)
        var result: [UUID: MeetingFacts] = [:]
        for chunk in cells.chunked(10_000) {
            for record in try await MeetingRecord.query(on: db).filter(\.$organisationID ~~ chunk)
                .filter(\.$body == MeetingBody.cell.rawValue).filter(\.$status != MeetingStatus.cancelled.rawValue)
                .filter(\.$date >= quarterStart.firstDay.iso).filter(\.$date <= monthEnd.iso).all()
            {
                let day = try record.date(\.$date)
                let kind = try record.decode(\.$kind, as: MeetingKind.self)
                let status = try record.decode(\.$status, as: MeetingStatus.self)
                var facts = result[record.organisationID] ?? MeetingFacts()
                if status == .held, kind != .regular, day <= date { facts.thematicHeldThisQuarter = true }
                if YearMonth(day) == month, kind.countsAsMonthly {
                    switch status {
                    case .held where record.currentVersion > 0: facts.heldWithMinutes.append(day)
                    case .held: facts.heldWithoutMinutes.append(day)
                    case .planned: facts.plannedDays.append(day)
                    case .cancelled: break
                    }
                }
                result[record.organisationID] = facts
            }
        }
        return result
    }

    /// The quarters of the day's year with a thematic topic planned, per cell (rules.md R9): one query.
    func quartersWithTopic(_ cells: [UUID], on date: CivilDate) async throws -> [UUID: Set<Int>] {
        var result: [UUID: Set<Int>] = [:]
        for chunk in cells.chunked(10_000) {
            for record in try await ThematicTopicRecord.query(on: db).filter(\.$organisationID ~~ chunk)
                .filter(\.$year == date.year).all()
            {
                guard let month = YearMonth(record.month) else {
                    throw StorageError.corrupt(table: ThematicTopicRecord.schema, column: "month", value: record.month)
                }
                result[record.organisationID, default: []].insert(month.quarter)
            }
        }
        return result
    }

    /// Open tasks per cell whose month ends within the horizon, or has ended (rules.md A7): one query.
    func taskCounts(_ cells: [UUID], on date: CivilDate) async throws -> [UUID: (soon: Int, overdue: Int)] {
        let sql = try db.sqlDatabase()
        let latestMonth = YearMonth(date.adding(days: horizon.taskDays))
        var result: [UUID: (soon: Int, overdue: Int)] = [:]
        for chunk in cells.chunked(10_000) {
            var query = CommuneDashboard.openTasksQuery(
                select: "t.organisation_id AS cell, t.due_month AS due", cells: chunk, on: date, group: false)
            query.appendInterpolation(unsafeRaw: " AND t.due_month <= ")
            query.appendInterpolation(bind: latestMonth.iso)
            for row in try await sql.raw(query).all() {
                let cell = try row.decode(column: "cell", as: UUID.self)
                let text = try row.decode(column: "due", as: String.self)
                guard let due = YearMonth(text) else {
                    throw StorageError.corrupt(table: MemberTaskRecord.schema, column: "due_month", value: text)
                }
                let lastDay = due.adding(months: 1).firstDay.adding(days: -1)
                var counts = result[cell] ?? (0, 0)
                if lastDay < date { counts.overdue += 1 } else { counts.soon += 1 }
                result[cell] = counts
            }
        }
        return result
    }

    /// Feedback per cell due within the horizon or overdue, judged as the feedback book judges it (rules.md A8):
    /// one query for the items still waiting on a stage.
    func feedbackCounts(_ cells: [UUID], on date: CivilDate) async throws -> [UUID: (soon: Int, overdue: Int)] {
        let book = FeedbackBook(db: db, scope: .storageInternal, settings: feedbackSettings, calendar: calendar)
        let latest = date.adding(days: horizon.feedbackDays)
        var result: [UUID: (soon: Int, overdue: Int)] = [:]
        for chunk in cells.chunked(10_000) {
            for record in try await FeedbackRecord.query(on: db).filter(\.$organisationID ~~ chunk)
                .filter(\.$receivedOn <= date.iso).unanswered(asOf: date).all()
            {
                let view = try book.view(record, on: date)
                var counts = result[record.organisationID] ?? (0, 0)
                if view.overdue {
                    counts.overdue += 1
                } else if let due = view.due, due <= latest {
                    counts.soon += 1
                } else {
                    continue
                }
                result[record.organisationID] = counts
            }
        }
        return result
    }

    /// Members per cell with at least one unexcused absence fewer than the removal flag in the day's year, up to the
    /// day (rules.md R12): one query for the year's unexcused absences recorded in these cells.
    func membersNearAbsenceFlag(_ cells: [UUID], on date: CivilDate) async throws -> [UUID: Int] {
        let near = meetingSettings.absenceWarningCount
        let counted: [String] = [PartyStanding.full.rawValue, PartyStanding.probationary.rawValue]
        var days: [UUID: [UUID: Set<String>]] = [:]
        for chunk in cells.chunked(10_000) {
            for row in try await AttendanceRecordRow.query(on: db).filter(\.$organisationID ~~ chunk)
                .filter(\.$status == AttendanceMark.unexcused.rawValue).filter(\.$standing ~~ counted)
                .filter(\.$date >= "\(date.year)-01-01").filter(\.$date <= date.iso).all()
            {
                days[row.organisationID, default: [:]][row.memberID, default: []].insert(row.date)
            }
        }
        return days.mapValues { members in members.values.filter { $0.count >= near }.count }
    }

    /// Candidates per cell whose next pipeline deadline falls within the horizon or has passed (rules.md R23), with
    /// the earliest: one query.
    func candidateDeadlines(_ cells: [UUID], on date: CivilDate) async throws -> [UUID: (count: Int, next: CivilDate)] {
        let latest = date.adding(days: horizon.candidateDays)
        var result: [UUID: (count: Int, next: CivilDate)] = [:]
        for chunk in cells.chunked(10_000) {
            for record in try await CandidateRecord.query(on: db).filter(\.$organisationID ~~ chunk)
                .filter(\.$nextDue != nil).filter(\.$nextDue <= latest.iso).all()
            {
                guard let text = record.nextDue, let due = CivilDate(text) else {
                    throw StorageError.corrupt(
                        table: CandidateRecord.schema, column: "next_due", value: record.nextDue ?? "")
                }
                let known = result[record.organisationID]
                result[record.organisationID] = ((known?.count ?? 0) + 1, min(known?.next ?? due, due))
            }
        }
        return result
    }

    /// Official transfers waiting per receiving cell, and how many are past their deadline (rules.md R13, R14): one
    /// query per 10,000 cells.
    func transferCounts(_ cells: [UUID], on date: CivilDate) async throws -> [UUID: (waiting: Int, overdue: Int)] {
        var result: [UUID: (waiting: Int, overdue: Int)] = [:]
        for chunk in cells.chunked(10_000) {
            for record in try await MemberTransfers.pendingQuery(chunk, db: db).filter(\.$sentOn <= date.iso).all() {
                let deadline = try record.date(\.$deadline)
                var counts = result[record.toCellID] ?? (0, 0)
                counts.waiting += 1
                if let deadline, deadline < date { counts.overdue += 1 }
                result[record.toCellID] = counts
            }
        }
        return result
    }

    /// Each cell's latest congress on or before the day (rules.md R6): one query per 10,000 cells.
    func lastCongresses(_ cells: [UUID], on date: CivilDate) async throws -> [UUID: CivilDate] {
        var result: [UUID: CivilDate] = [:]
        for chunk in cells.chunked(10_000) {
            for record in try await CellCongressRecord.query(on: db).filter(\.$organisationID ~~ chunk)
                .filter(\.$heldOn <= date.iso).all()
            {
                let day = try record.date(\.$heldOn)
                result[record.organisationID] = max(result[record.organisationID] ?? day, day)
            }
        }
        return result
    }
}
