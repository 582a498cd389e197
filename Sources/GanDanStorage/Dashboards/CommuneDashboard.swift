import FluentKit
import Foundation
import GanDanCore
import SQLKit

/// One cell at a glance on a day (rules.md R26): its roll, its last rating and meeting, and what is left open.
public struct CellGlance: Codable, Sendable, Hashable {
    public var cellID: UUID
    public var cellName: String
    public var cellKind: OrganisationKind
    /// The unit (village or commune) the cell belongs to, with its name on the day.
    public var unitID: UUID
    public var unitName: String
    /// Everyone on the cell's roll on the day, official and temporary: the people the cell page lists.
    public var size: Int
    /// Full members on the official roll, exempt ones included (rules.md R4).
    public var fullMembers: Int
    /// The latest yearly rating made by the day (rules.md R18, R20).
    public var lastRating: CellRating?
    /// The latest monthly meeting (regular, or combined with a thematic one) held on or before the day.
    public var lastMeetingID: UUID?
    public var lastMeetingDate: CivilDate?
    /// Calendar months from the last meeting's month to the day's month (0: this month).
    public var monthsSinceLastMeeting: Int?
    /// Tasks assigned at meetings up to the day and not yet reviewed then (rules.md A7).
    public var openTasks: Int
    /// Citizens' feedback overdue on the day, as the feedback book counts it (rules.md A8).
    public var overdueFeedback: Int
    /// No meeting held in the day's month so far (rules.md R7: the cell meets monthly).
    public var noMeetingThisMonth: Bool
    /// At least the committee threshold of full members: may propose a cell committee (rules.md A5, R3).
    public var mayProposeCommittee: Bool
    /// Fewer full members than the minimum (rules.md R1).
    public var belowMinimum: Bool
    /// The upper-level committee member assigned to the cell on the day (rules.md R11).
    public var assignedCommitteeMember: NamedID?
    /// Meetings held in the year up to the day whose minutes record no assigned committee member present (rules.md
    /// R11).
    public var meetingsWithoutCommitteeMember: Int
}

/// A grassroots committee at a glance on a day: its meetings and its standing body's against the rule (rules.md R7).
public struct CommitteeGlance: Codable, Sendable, Hashable {
    public var committeeID: UUID
    public var committeeName: String
    public var unitID: UUID
    public var rhythm: CommitteeRhythm
    /// The latest regular meeting of the committee, and of its standing body, held in the year up to the day.
    public var lastCommitteeMeeting: CivilDate?
    public var lastStandingBodyMeeting: CivilDate?
}

/// A commune's (or any unit's) cells at a glance on a day, with totals.
public struct CommuneDashboardReport: Codable, Sendable, Hashable {
    public var unitID: UUID
    public var unitCode: String
    public var unitKind: UnitKind
    /// The unit's name on the day asked (rules.md R26).
    public var unitName: String
    public var asOf: CivilDate
    /// One row per cell in force on the day, in Vietnamese order.
    public var cells: [CellGlance]
    /// The grassroots committees in force on the day, with their meetings against the rule (rules.md R7).
    public var committees: [CommitteeGlance]
    public var size: Int
    public var fullMembers: Int
    public var openTasks: Int
    public var overdueFeedback: Int
    public var cellsWithoutMeetingThisMonth: Int
    public var cellsMayProposeCommittee: Int
    /// Cells with at least one meeting in the year without their assigned committee member (rules.md R11).
    public var cellsWithoutCommitteeMember: Int
    /// Meetings held in the day's month, up to the day, that were too short or called at late notice (rules.md R8,
    /// R11): recorded, flagged here.
    public var flaggedMeetings: [FlaggedMeeting]
}

/// Builds "cells at a glance" for a unit as of a day, in a fixed number of queries whatever the number of cells.
///
/// Everything is read as it stood on the day (rules.md R26): the tree and names, the rolls, ratings made by then,
/// meetings held by then, tasks assigned and reviewed by then, feedback as it stood then. Only cells in `scope`
/// are shown (rules.md R30).
public struct CommuneDashboard: Sendable {
    let db: any Database
    let scope: AccessScope
    let charter: CharterSettings
    let feedbackSettings: FeedbackSettings
    let calendar: WorkingCalendar
    let meetingSettings: MeetingSettings

    public init(
        db: any Database, scope: AccessScope, charter: CharterSettings = .standard,
        feedbackSettings: FeedbackSettings = .standard, calendar: WorkingCalendar = .vietnam,
        meetingSettings: MeetingSettings = .standard
    ) {
        self.db = db
        self.scope = scope
        self.charter = charter
        self.feedbackSettings = feedbackSettings
        self.calendar = calendar
        self.meetingSettings = meetingSettings
    }

    /// The dashboard of `unit` as of `asOf`; nil when the unit did not exist that day or lies outside the scope.
    public func load(unit: UUID, asOf date: CivilDate) async throws -> CommuneDashboardReport? {
        guard scope.contains(unit: unit), let tree = try await DashboardTree.load(root: unit, on: date, db: db),
            let root = tree.units[unit]
        else { return nil }
        let cells = try tree.organisations.values.filter {
            try $0.decode(\.$kind, as: OrganisationKind.self).isCell && scope.contains(organisation: $0.requireID())
        }
        .sorted { ($0.nameSort, $0.code) < ($1.nameSort, $1.code) }
        let ids = try cells.map { try $0.requireID() }
        let rolls = try await rollCounts(ids, on: date)
        let ratings = try await DashboardRatings.latest(of: ids, on: date, db: db)
        let meetings = try await lastMeetings(ids, on: date)
        let tasks = try await openTaskCounts(ids, on: date)
        let feedback = try await overdueFeedbackCounts(ids, on: date)
        let assigned = try await assignedCommitteeMembers(ids, on: date)
        let unattended = try await meetingsWithoutCommitteeMember(ids, on: date)
        // Above a commune, a cell is named with its commune (rules.md R27).
        let aboveCommune = (tree.kinds[unit]?.level ?? 3) < 3
        func name(_ cell: OrganisationRecord) -> String {
            guard aboveCommune, let commune = tree.commune(of: cell.unitID) else { return cell.name }
            return CellNaming.withCommune(
                cell.name, communeKind: tree.kinds[commune], communeName: tree.units[commune]?.name)
        }
        let glances = try cells.map { cell -> CellGlance in
            let id = try cell.requireID()
            let roll = rolls[id] ?? (0, 0)
            let last = meetings[id]
            let standing = CellStanding(
                fullMembers: roll.full, lastMeeting: last?.date, lastRating: ratings[id], on: date, charter: charter)
            return CellGlance(
                cellID: id, cellName: name(cell), cellKind: try cell.decode(\.$kind, as: OrganisationKind.self),
                unitID: cell.unitID, unitName: tree.units[cell.unitID]?.name ?? "", size: roll.size,
                fullMembers: roll.full, lastRating: ratings[id], lastMeetingID: last?.id, lastMeetingDate: last?.date,
                monthsSinceLastMeeting: standing.monthsSinceLastMeeting, openTasks: tasks[id] ?? 0,
                overdueFeedback: feedback[id] ?? 0, noMeetingThisMonth: standing.noMeetingThisMonth,
                mayProposeCommittee: standing.mayProposeCommittee, belowMinimum: standing.belowMinimum,
                assignedCommitteeMember: assigned[id], meetingsWithoutCommitteeMember: unattended[id] ?? 0)
        }
        let committees = try tree.organisations.values.filter {
            try $0.decode(\.$kind, as: OrganisationKind.self) == .grassrootsCommittee
                && scope.contains(organisation: $0.requireID())
        }
        .sorted { ($0.nameSort, $0.code) < ($1.nameSort, $1.code) }
        return CommuneDashboardReport(
            unitID: unit, unitCode: root.code, unitKind: try root.decode(\.$kind, as: UnitKind.self),
            unitName: root.name, asOf: date, cells: glances,
            committees: try await committeeGlances(committees, on: date), size: glances.reduce(0) { $0 + $1.size },
            fullMembers: glances.reduce(0) { $0 + $1.fullMembers }, openTasks: glances.reduce(0) { $0 + $1.openTasks },
            overdueFeedback: glances.reduce(0) { $0 + $1.overdueFeedback },
            cellsWithoutMeetingThisMonth: glances.filter(\.noMeetingThisMonth).count,
            cellsMayProposeCommittee: glances.filter(\.mayProposeCommittee).count,
            cellsWithoutCommitteeMember: glances.filter { $0.meetingsWithoutCommitteeMember > 0 }.count,
            flaggedMeetings: try await flaggedMeetings(cells, on: date))
    }

    /// The SQL condition "the member has a standing on D" (`PartyRecord.standing(on:)` is not nil): admitted by D,
    /// and not left or deceased by then.
    static func hasStanding(_ date: CivilDate) -> SQLQueryString {
        """
        m.admitted_on <= \(bind: date.iso) \
        AND NOT (m.status IN ('left', 'deceased') AND (m.status_since IS NULL OR m.status_since <= \(bind: date.iso)))
        """
    }

    /// The SQL condition "the member counts as full on D" (`PartyStanding.countsAsFull`, rules.md R4): official by
    /// D and not suspended then; exempt full members count.
    static func countsAsFull(_ date: CivilDate) -> SQLQueryString {
        """
        m.official_on IS NOT NULL AND m.official_on <= \(bind: date.iso) \
        AND NOT (m.status = 'suspended' AND (m.status_since IS NULL OR m.status_since <= \(bind: date.iso)))
        """
    }

    /// Everyone on each cell's roll on the day, and the full members of its official roll: one grouped query.
    func rollCounts(_ cells: [UUID], on date: CivilDate) async throws -> [UUID: (size: Int, full: Int)] {
        guard !cells.isEmpty else { return [:] }
        let sql = try db.sqlDatabase()
        var result: [UUID: (size: Int, full: Int)] = [:]
        for chunk in cells.chunked(10_000) {
            let ids: [any Encodable & Sendable] = chunk
            let query: SQLQueryString = """
                SELECT ms.organisation_id AS cell, COUNT(DISTINCT ms.member_id) AS size, \
                SUM(CASE WHEN ms.kind = 'official' AND \(Self.countsAsFull(date)) THEN 1 ELSE 0 END) AS full_members \
                FROM memberships ms JOIN members m ON m.id = ms.member_id \
                WHERE ms.organisation_id IN (\(binds: ids)) AND ms.kind IN ('official', 'temporary') \
                AND ms.valid_from <= \(bind: date.iso) \
                AND (ms.valid_until IS NULL OR ms.valid_until > \(bind: date.iso)) \
                AND \(Self.hasStanding(date)) \
                GROUP BY ms.organisation_id
                """
            for row in try await sql.raw(query).all() {
                let cell = try row.decode(column: "cell", as: UUID.self)
                result[cell] = (
                    try row.decode(column: "size", as: Int.self),
                    try row.decode(column: "full_members", as: Int?.self) ?? 0
                )
            }
        }
        return result
    }

    /// The full members of a cell's official roll on the day: the list behind the "full members" figure.
    public func fullMembers(of cell: UUID, asOf date: CivilDate) async throws -> [UUID] {
        guard scope.contains(organisation: cell) else { return [] }
        let query: SQLQueryString = """
            SELECT DISTINCT ms.member_id AS member FROM memberships ms JOIN members m ON m.id = ms.member_id \
            WHERE ms.organisation_id = \(bind: cell) AND ms.kind = 'official' \
            AND ms.valid_from <= \(bind: date.iso) \
            AND (ms.valid_until IS NULL OR ms.valid_until > \(bind: date.iso)) \
            AND \(Self.hasStanding(date)) AND \(Self.countsAsFull(date))
            """
        return try await db.sqlDatabase().raw(query).all().map { try $0.decode(column: "member", as: UUID.self) }
    }

    /// Each cell's latest monthly meeting held on or before the day (the latest id on a tie): one query. A thematic
    /// meeting held alone never counts as the month's meeting, as on the meetings page (rules.md R7, R9).
    func lastMeetings(_ cells: [UUID], on date: CivilDate) async throws -> [UUID: (id: UUID, date: CivilDate)] {
        guard !cells.isEmpty else { return [:] }
        let sql = try db.sqlDatabase()
        let monthly: [any Encodable & Sendable] = MeetingKind.allCases.filter(\.countsAsMonthly).map(\.rawValue)
        var result: [UUID: (id: UUID, date: CivilDate)] = [:]
        for chunk in cells.chunked(10_000) {
            let ids: [any Encodable & Sendable] = chunk
            // Ranked in one pass over the cells' meetings: a correlated "latest date" looked the cell up again for
            // every meeting, most of the commune dashboard's time on PostgreSQL (bench/README.md).
            let query: SQLQueryString = """
                SELECT id, cell, date FROM (SELECT m.id AS id, m.organisation_id AS cell, m.date AS date, \
                RANK() OVER (PARTITION BY m.organisation_id ORDER BY m.date DESC) AS latest FROM meetings m \
                WHERE m.organisation_id IN (\(binds: ids)) AND m.status = 'held' AND m.date <= \(bind: date.iso) \
                AND m.kind IN (\(binds: monthly))) held WHERE latest = 1
                """
            for row in try await sql.raw(query).all() {
                let cell = try row.decode(column: "cell", as: UUID.self)
                let id = try row.decode(column: "id", as: UUID.self)
                let text = try row.decode(column: "date", as: String.self)
                guard let day = CivilDate(text) else {
                    throw StorageError.corrupt(table: MeetingRecord.schema, column: "date", value: text)
                }
                if let known = result[cell], known.id.uuidString > id.uuidString { continue }
                result[cell] = (id, day)
            }
        }
        return result
    }

    /// The upper-level committee member assigned to each cell on the day (rules.md R11): two queries.
    func assignedCommitteeMembers(_ cells: [UUID], on date: CivilDate) async throws -> [UUID: NamedID] {
        var memberOf: [UUID: UUID] = [:]
        for chunk in cells.chunked(10_000) {
            for record in try await CommitteeAssignmentRecord.query(on: db).filter(\.$cellID ~~ chunk)
                .inForce(on: date).all()
            {
                memberOf[record.cellID] = record.memberID
            }
        }
        let names = try await CellMeetings(db: db, scope: .storageInternal).memberNames(
            Array(Set(memberOf.values)))
        return memberOf.mapValues { NamedID(id: $0, name: names[$0] ?? "") }
    }

    /// Per cell, the meetings held in the year up to the day whose minutes in force record no assigned committee
    /// member present (rules.md R11): one grouped query.
    func meetingsWithoutCommitteeMember(_ cells: [UUID], on date: CivilDate) async throws -> [UUID: Int] {
        guard !cells.isEmpty, let first = CivilDate(year: date.year, month: 1, day: 1) else { return [:] }
        let sql = try db.sqlDatabase()
        var result: [UUID: Int] = [:]
        for chunk in cells.chunked(10_000) {
            let ids: [any Encodable & Sendable] = chunk
            // The minutes in force looked up per meeting by their unique key: as a join, PostgreSQL read every
            // meeting's minutes in the database to hash them.
            let query: SQLQueryString = """
                SELECT m.organisation_id AS cell, SUM(CASE WHEN (SELECT v.committee_member_id IS NULL \
                FROM meeting_minutes v WHERE v.meeting_id = m.id AND v.version = m.current_version) \
                THEN 1 ELSE 0 END) AS missing FROM meetings m \
                WHERE m.organisation_id IN (\(binds: ids)) AND m.status = \(bind: MeetingStatus.held.rawValue) \
                AND m.date >= \(bind: first.iso) AND m.date <= \(bind: date.iso) \
                GROUP BY m.organisation_id
                """
            for row in try await sql.raw(query).all() {
                result[try row.decode(column: "cell", as: UUID.self)] = try row.decode(column: "missing", as: Int.self)
            }
        }
        return result
    }

    /// Each committee's meetings in the year up to the day against the rule (rules.md R7): one query for all.
    func committeeGlances(_ committees: [OrganisationRecord], on date: CivilDate) async throws -> [CommitteeGlance] {
        guard !committees.isEmpty, let first = CivilDate(year: date.year, month: 1, day: 1) else { return [] }
        let ids = try committees.map { try $0.requireID() }
        var held: [UUID: [(date: CivilDate, body: MeetingBody, kind: MeetingKind)]] = [:]
        for record in try await MeetingRecord.query(on: db).filter(\.$organisationID ~~ ids)
            .filter(\.$status == MeetingStatus.held.rawValue).filter(\.$date >= first.iso).filter(\.$date <= date.iso)
            .all()
        {
            held[record.organisationID, default: []].append(
                (
                    date: try record.date(\.$date), body: try record.decode(\.$body, as: MeetingBody.self),
                    kind: try record.decode(\.$kind, as: MeetingKind.self)
                ))
        }
        return try committees.map { committee in
            let id = try committee.requireID()
            let meetings = held[id] ?? []
            func last(_ body: MeetingBody) -> CivilDate? {
                meetings.filter { $0.body == body && $0.kind.countsAsMonthly }.map(\.date).max()
            }
            return CommitteeGlance(
                committeeID: id, committeeName: committee.name, unitID: committee.unitID,
                rhythm: CommitteeRhythm(
                    held: meetings, asOf: date, opened: try committee.date(\.$validFrom),
                    closed: try committee.date(\.$validUntil), settings: meetingSettings),
                lastCommitteeMeeting: last(.committee), lastStandingBodyMeeting: last(.standingBody))
        }
    }

    /// "Open on D" in SQL: assigned at a meeting held by D and not reviewed by then (rules.md A7).
    static func openTasksQuery(select: SQLQueryString, cells: [UUID], on date: CivilDate, group: Bool)
        -> SQLQueryString
    {
        let ids: [any Encodable & Sendable] = cells
        // Reviewed after the day: among the meetings after it (`meetings_date`), few when the day is recent. Set on the
        // day: the assigning meeting looked up per task left. As joins, PostgreSQL hashed every meeting stored.
        var query: SQLQueryString = """
            SELECT \(select) FROM member_tasks t WHERE t.organisation_id IN (\(binds: ids)) \
            AND (t.status = 'open' OR t.reviewed_meeting_id IN (SELECT r.id FROM meetings r WHERE r.date > \(bind: date.iso))) \
            AND (SELECT a.date FROM meetings a WHERE a.id = t.meeting_id) <= \(bind: date.iso)
            """
        if group { query.appendInterpolation(unsafeRaw: " GROUP BY t.organisation_id") }
        return query
    }

    /// Open tasks per cell on the day: one grouped query.
    func openTaskCounts(_ cells: [UUID], on date: CivilDate) async throws -> [UUID: Int] {
        guard !cells.isEmpty else { return [:] }
        let sql = try db.sqlDatabase()
        var result: [UUID: Int] = [:]
        for chunk in cells.chunked(10_000) {
            let query = Self.openTasksQuery(
                select: "t.organisation_id AS cell, COUNT(*) AS open_count", cells: chunk, on: date, group: true)
            for row in try await sql.raw(query).all() {
                result[try row.decode(column: "cell", as: UUID.self)] = try row.decode(
                    column: "open_count", as: Int.self)
            }
        }
        return result
    }

    /// The tasks open on the day in a cell: the list behind the "open tasks" figure.
    public func openTasks(of cell: UUID, asOf date: CivilDate) async throws -> [UUID] {
        guard scope.contains(organisation: cell) else { return [] }
        let query = Self.openTasksQuery(select: "t.id AS id", cells: [cell], on: date, group: false)
        return try await db.sqlDatabase().raw(query).all().map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// Overdue feedback per cell on the day, judged exactly as the feedback book's list does: one query.
    func overdueFeedbackCounts(_ cells: [UUID], on date: CivilDate) async throws -> [UUID: Int] {
        guard !cells.isEmpty else { return [:] }
        let book = FeedbackBook(db: db, scope: scope, settings: feedbackSettings, calendar: calendar)
        var result: [UUID: Int] = [:]
        for chunk in cells.chunked(10_000) {
            // Items answered by the day can no longer be overdue on it; those answered later still can.
            for record in try await FeedbackRecord.query(on: db).filter(\.$organisationID ~~ chunk)
                .filter(\.$receivedOn <= date.iso).unanswered(asOf: date).all()
            {
                if try book.view(record, on: date).overdue { result[record.organisationID, default: 0] += 1 }
            }
        }
        return result
    }
}
