import FluentKit
import Foundation
import GanDanCore

extension CellMeetings {
    /// The cell's (or committee's) tasks, open ones first, then by due month (rules.md A7).
    public func tasks(of cellID: UUID, openOnly: Bool = false) async throws -> [TaskView] {
        guard try await holderRecord(cellID) != nil else { return [] }
        var query = MemberTaskRecord.query(on: db).filter(\.$organisationID == cellID)
        if openOnly { query = query.filter(\.$status == MemberTaskStatus.open.rawValue) }
        return try await taskViews(query).sorted {
            ($0.status.isOpen ? 0 : 1, $0.due, $0.meetingDate, $0.description)
                < ($1.status.isOpen ? 0 : 1, $1.due, $1.meetingDate, $1.description)
        }
    }

    /// The cell's tasks open on `date`: assigned at a meeting held by then and not reviewed by then (rules.md A7,
    /// R26). The same rule the commune dashboard counts with, so its figure and this list agree.
    public func tasks(of cellID: UUID, openOn date: CivilDate) async throws -> [TaskView] {
        guard try await cellRecord(cellID) != nil else { return [] }
        let ids = try await CommuneDashboard(db: db, scope: scope).openTasks(of: cellID, asOf: date)
        guard !ids.isEmpty else { return [] }
        return try await taskViews(MemberTaskRecord.query(on: db).filter(\.$id ~~ ids), asOf: date).sorted {
            ($0.due, $0.meetingDate, $0.description) < ($1.due, $1.meetingDate, $1.description)
        }
    }

    /// The tasks the query finds, with assignees, households and the day of the meeting that assigned them.
    ///
    /// With `asOf`, each task as it stood at the end of that day: a review at a later meeting is not yet made, so the
    /// task is open with no outcome and nothing persuaded yet (rules.md R26).
    func taskViews(_ query: QueryBuilder<MemberTaskRecord>, asOf: CivilDate? = nil) async throws -> [TaskView] {
        let records = try await query.all()
        guard !records.isEmpty else { return [] }
        let ids = records.compactMap(\.id)
        let assignees = try await TaskAssigneeRecord.query(on: db).filter(\.$taskID ~~ ids).all()
        let households = try await TaskHouseholdRecord.query(on: db).filter(\.$taskID ~~ ids).all()
        let names = try await memberNames(Array(Set(assignees.map(\.memberID))))
        let householdNames = Dictionary(
            try await HouseholdRecord.query(on: db).filter(\.$id ~~ Array(Set(households.map(\.householdID)))).all()
                .map { (try $0.requireID(), $0.headName) }, uniquingKeysWith: { first, _ in first })
        let meetingDates = Dictionary(
            try await MeetingRecord.query(on: db).filter(\.$id ~~ Array(Set(records.map(\.meetingID)))).all()
                .map { (try $0.requireID(), try $0.date(\.$date)) },
            uniquingKeysWith: { first, _ in first })
        let reviewDates = try await asOf == nil ? [:] : meetingDays(records.compactMap(\.reviewedMeetingID))
        return try records.map { record in
            let notYet =
                asOf.map { day in record.reviewedMeetingID.flatMap { reviewDates[$0] }.map { $0 > day } ?? false }
                ?? false
            guard let meetingDate = meetingDates[record.meetingID] else {
                throw StorageError.corrupt(
                    table: MemberTaskRecord.schema, column: "meeting_id", value: record.meetingID.uuidString)
            }
            return TaskView(
                id: try record.requireID(), cellID: record.organisationID, meetingID: record.meetingID,
                meetingDate: meetingDate,
                kind: try record.decode(\.$kind, as: MemberTaskKind.self), description: record.description,
                due: YearMonth(record.dueMonth) ?? YearMonth(year: 2000, month: 1)!,
                status: notYet ? .open : try record.decode(\.$status, as: MemberTaskStatus.self),
                outcome: notYet ? nil : record.outcome, reviewedMeetingID: notYet ? nil : record.reviewedMeetingID,
                assignees: assignees.filter { $0.taskID == record.id }.map {
                    NamedID(id: $0.memberID, name: names[$0.memberID] ?? "")
                }.sorted { $0.name < $1.name },
                households: households.filter { $0.taskID == record.id }.map {
                    NamedID(id: $0.householdID, name: householdNames[$0.householdID] ?? "")
                }.sorted { $0.name < $1.name },
                criterionSetID: record.criterionSet, criterionNumber: record.criterionNumber,
                persuasion: record.householdsTarget.map {
                    PersuasionProgress(
                        householdsTarget: $0, householdsPersuaded: notYet ? 0 : record.householdsPersuaded ?? 0,
                        areaPlantedHectares: notYet ? 0 : record.areaPlanted ?? 0)
                })
        }
    }

    /// The day of each meeting in `ids`.
    func meetingDays(_ ids: [UUID]) async throws -> [UUID: CivilDate] {
        var days: [UUID: CivilDate] = [:]
        for chunk in Array(Set(ids)).chunked(500) {
            for meeting in try await MeetingRecord.query(on: db).filter(\.$id ~~ chunk).all() {
                days[try meeting.requireID()] = try meeting.date(\.$date)
            }
        }
        return days
    }

    /// Members of the cell with too many unexcused absences in `year` (rules.md R12); exempt members never count.
    ///
    /// The year is the member's, not the cell's: a member on the cell's roll at any time that year is counted with the
    /// unexcused absences of every cell they belonged to that year, so a transfer mid-year does not start again at zero.
    public func absenceFlags(of cellID: UUID, year: Int) async throws -> [AbsenceFlagView] {
        guard try await cellRecord(cellID) != nil else { return [] }
        try CivilDate.requireSupported(year: year, field: "year")
        let (from, until) = ("\(year)-01-01", "\(year)-12-31")
        var members = Set(
            try await MembershipRecord.query(on: db).filter(\.$organisationID == cellID)
                .filter(\.$kind == MembershipKind.official.rawValue).filter(\.$validFrom <= until).all()
                .filter { $0.validUntil.map { $0 > from } ?? true }.map(\.memberID))
        members.formUnion(
            try await AttendanceRecordRow.query(on: db).filter(\.$organisationID == cellID)
                .filter(\.$date >= from).filter(\.$date <= until).all().map(\.memberID))
        var records: [AttendanceRecord] = []
        for chunk in Array(members).chunked(10_000) {
            for row in try await AttendanceRecordRow.query(on: db).filter(\.$memberID ~~ chunk)
                .filter(\.$date >= from).filter(\.$date <= until)
                .filter(\.$status == AttendanceMark.unexcused.rawValue).all()
            {
                guard let date = CivilDate(row.date) else {
                    throw StorageError.corrupt(table: AttendanceRecordRow.schema, column: "date", value: row.date)
                }
                let standing = try row.decode(\.$standing, as: PartyStanding.self)
                records.append(
                    AttendanceRecord(
                        memberID: row.memberID.uuidString, date: date, standing: standing, status: .absentUnexcused))
            }
        }
        let flags = AbsenceFlags.flags(in: records, settings: policy.meetings)
        let names = try await memberNames(flags.compactMap { UUID(uuidString: $0.memberID) })
        return flags.compactMap { flag in
            guard let id = UUID(uuidString: flag.memberID) else { return nil }
            return AbsenceFlagView(member: NamedID(id: id, name: names[id] ?? ""), year: flag.year, dates: flag.dates)
        }.sorted { $0.member.name < $1.member.name }
    }

    /// The cell's mean meeting quality per month with minutes, oldest first (the trend, rules.md A9).
    public func qualityTrend(of cellID: UUID, from: CivilDate, until: CivilDate) async throws -> [QualityPoint] {
        let meetings = try await meetings(of: cellID, from: from, until: until).filter { $0.quality != nil }
        var byMonth: [YearMonth: [Double]] = [:]
        for meeting in meetings { byMonth[YearMonth(meeting.date), default: []].append(meeting.quality ?? 0) }
        let bands = policy.quality.bands.sorted { $0.minimumScore > $1.minimumScore }
        return byMonth.keys.sorted().map { month in
            let scores = byMonth[month] ?? []
            let mean = (scores.reduce(0, +) / Double(max(scores.count, 1)) * 10).rounded() / 10
            let band = bands.first { mean >= $0.minimumScore } ?? bands.last
            return QualityPoint(month: month, meetings: scores.count, score: mean, band: band?.label.vi ?? "")
        }
    }

    /// The cell's thematic plan for a year (rules.md R9).
    public func thematicPlan(of cellID: UUID, year: Int) async throws -> ThematicPlan? {
        guard try await cellRecord(cellID) != nil else { return nil }
        let topics = try await ThematicTopicRecord.query(on: db).filter(\.$organisationID == cellID)
            .filter(\.$year == year).all()
        return ThematicPlan(
            year: year,
            topics: topics.compactMap { record in
                YearMonth(record.month).map { ThematicTopic(month: $0, title: record.title) }
            })
    }

    /// Replaces the cell's thematic plan for the plan's year; returns its warnings (a quarter without a topic, rules.md R9).
    @discardableResult
    public func saveThematicPlan(of cellID: UUID, _ plan: ThematicPlan, actor: Actor) async throws -> [String] {
        try CivilDate.requireSupported(year: plan.year, field: "year")
        guard let cell = try await cellRecord(cellID) else { throw StorageError.notFound("no cell \(cellID)") }
        let issues = plan.issues
        let errors = issues.filter { !$0.isWarning }
        guard errors.isEmpty else { throw InputError.invalid(errors) }
        try await db.writeTransaction { db in
            try await ThematicTopicRecord.query(on: db).filter(\.$organisationID == cellID).filter(\.$year == plan.year)
                .delete()
            for topic in plan.topics {
                let record = ThematicTopicRecord()
                record.organisationID = cellID
                record.year = plan.year
                record.month = topic.month.iso
                record.title = topic.title.trimmingCharacters(in: .whitespacesAndNewlines)
                try await record.create(on: db)
            }
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "update", entity: "thematic_plan",
                    entityID: "\(cellID.uuidString)#\(plan.year)", after: AuditTrail.json(plan),
                    requestID: actor.requestID, unitID: cell.unitID))
        }
        return issues.filter { $0.isWarning }.map(\.description)
    }
}

/// What a cell's calendar misses in a year: months without the monthly meeting (rules.md R7), ended quarters
/// without a thematic meeting (R9).
public struct CalendarGaps: Codable, Sendable, Hashable {
    public var year: Int
    public var monthsWithoutMeeting: [YearMonth]
    public var quartersWithoutThematic: [Int]
}

extension CellMeetings {
    /// The months and quarters of `year` that have ended by `date` without the meetings the rules ask for.
    ///
    /// A thematic meeting never replaces the monthly one (rules.md R9): only regular or combined meetings count
    /// as the month's meeting. Months before the cell existed are not counted.
    public func calendarGaps(of cellID: UUID, year: Int, asOf date: CivilDate) async throws -> CalendarGaps? {
        guard let cell = try await cellRecord(cellID), let first = CivilDate(year: year, month: 1, day: 1) else {
            return nil
        }
        let held = try await meetings(of: cellID, from: first, until: first.adding(months: 12)).filter {
            $0.status == .held
        }
        let monthly = Set(held.filter { $0.kind.countsAsMonthly }.map { YearMonth($0.date) })
        let opened = YearMonth(try cell.date(\.$validFrom))
        let closed = try cell.date(\.$validUntil).map(YearMonth.init)
        let missing = (1...12).compactMap { YearMonth(year: year, month: $0) }.filter { month in
            month.adding(months: 1).firstDay <= date && month >= opened && (closed.map { month < $0 } ?? true)
                && !monthly.contains(month)
        }
        let quarters = ThematicPlan.quartersMissed(
            year: year, held: held.map { (date: $0.date, kind: $0.kind) }, asOf: date)
        return CalendarGaps(year: year, monthsWithoutMeeting: missing, quartersWithoutThematic: quarters)
    }
}
