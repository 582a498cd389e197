import Foundation
import GanDanCore
import GanDanStorage

/// Generated village-cell life for a demo district, written through the product's own history writer:
/// meetings with minutes, attendance, tasks, households and criteria, then citizens' feedback, supervision,
/// candidates and ratings, `monthsEachSide` months each side of the placement (issue 6, rules.md A9).
public struct DemoHistory: Sendable {
    let db: DatabaseHandle
    let policy: MeetingPolicy

    public init(db: DatabaseHandle, policy: MeetingPolicy) {
        self.db = db
        self.policy = policy
    }

    /// Reads the district's village cells and their rolls, generates the history and stores it in one transaction.
    ///
    /// With `until`, the whole history is generated as without it and only what was recorded by the end of that day
    /// is stored (`CellHistory.recorded(by:)`): the same district as the full story, stopped at a day (rules.md R26).
    /// With `today`, the cells' life continues after the window through today's month (`continuing`).
    public func write(
        districtID: UUID, placementDate: CivilDate, actor: Actor, monthsEachSide: Int = 12, until: CivilDate? = nil,
        today: CivilDate? = nil
    ) async throws -> CellHistorySummary {
        let cells = try await VillageCellRolls(db: db, scope: .everything).rolls(under: districtID, on: placementDate)
        // Each cell followed by a member of the committee above it, present at most of its meetings (rules.md R11).
        // One transaction for all of them: a commit per assignment would be most of the demo's load time.
        let policy = policy
        let followers = try await db.writeTransaction { db in
            try await DemoCommittees(db: db, policy: policy, actor: actor).assignFollowers(cells: cells, until: until)
        }
        var meetings = MeetingHistory.generate(
            cells: cells, placementDate: placementDate, monthsBefore: monthsEachSide, monthsAfter: monthsEachSide)
        DemoCommittees.recordFollowers(&meetings.meetings, assignments: followers)
        var citizens = CitizenHistory.generate(cells: cells, meetings: meetings, placementDate: placementDate)
        // "Excellent" within 20 % of "good" among each committee's cells, as in every year (rules.md R18).
        let tree = OrganisationTree(db: db, scope: .everything)
        var committeeOf: [String: String] = [:]
        for cell in cells {
            guard let id = UUID(uuidString: cell.id), let parent = try await tree.organisation(id)?.parentID else {
                continue
            }
            committeeOf[cell.id] = parent.uuidString
        }
        let cut = [until, today].compactMap { $0 }.min()
        if let today {
            try await continuing(
                &meetings, &citizens, cells: cells, districtID: districtID, placementDate: placementDate, actor: actor,
                through: cut ?? today)
        }
        try await holdBodyCellMeetings(&meetings, districtID: districtID, placementDate: placementDate, through: today)
        citizens.keepCellQuota(committeeOf: committeeOf)
        let history = CellHistory(meetings: meetings, citizens: citizens)
        var summary = try await CellHistoryWriter(db: db, scope: .everything, policy: policy).write(
            cut.map { history.recorded(by: $0) } ?? history, actor: actor)
        // The grassroots committees' and their standing bodies' own meetings (rules.md R7).
        summary.meetings += try await db.writeTransaction { db in
            try await DemoCommittees(db: db, policy: policy, actor: actor).holdMeetings(
                districtID: districtID, until: until)
        }
        return summary
    }

    /// The cells' life after the window through `today`'s month (issue 19): members' lives first (deaths, moves,
    /// admissions), then every cell's monthly meetings on the rolls as they now stand, citizens' feedback and
    /// supervision, each year's poverty review, criteria and ratings. Appended to the window's history, whose draws
    /// it leaves as they were; what falls after `today` is cut when the history is stored. Written before the 2025
    /// restructure: that keeps the ids of village cells, villages and their memberships, so the rows are the same as
    /// if written after it.
    func continuing(
        _ meetings: inout MeetingHistory, _ citizens: inout CitizenHistory, cells: [HistoryCell], districtID: UUID,
        placementDate: CivilDate, actor: Actor, through today: CivilDate
    ) async throws {
        guard let first = meetings.monthsAfter.last?.adding(months: 1), first.firstDay <= today else { return }
        _ = try await DemoLives(db: db, actor: actor).write(cells: cells, from: first.firstDay, through: today)
        let now = try await VillageCellRolls(db: db, scope: .everything).rolls(under: districtID, on: placementDate)
        let continued = MeetingHistory.continuing(
            meetings, cells: now, placementDate: placementDate, through: YearMonth(today))
        meetings.append(continued)
        let effects = Dictionary(
            meetings.effects.map { ($0.cellID, $0.effect) }, uniquingKeysWith: { first, _ in first })
        // Citizens go on being heard and the placed leaders supervised (rules.md A8).
        let heard = CitizenHistory.continuing(
            cells: now, meetings: continued, effects: effects, placementDate: placementDate, from: first.firstDay,
            through: today)
        citizens.feedback += heard.feedback
        citizens.supervisions += heard.supervisions
        let years = Array((placementDate.year + 1)...max(placementDate.year + 1, today.year))
        let later = CitizenHistory.yearRatings(cells: now, effects: effects, years: years)
        citizens.ratings += later.ratings
        citizens.cellRatings += later.cellRatings
    }
}

extension DemoHistory {
    /// The cells of the district's own bodies meet every month too (rules.md R7, R9): from the window's first month
    /// through its last, or through `today`'s month when the life goes on. The months do not depend on a cut
    /// (`until`): what falls after it is left out when the history is stored, so a cut demo is the full one stopped.
    func holdBodyCellMeetings(
        _ meetings: inout MeetingHistory, districtID: UUID, placementDate: CivilDate, through today: CivilDate?
    ) async throws {
        let cells = try await VillageCellRolls(db: db, scope: .everything).rolls(
            under: districtID, on: placementDate, kinds: [.otherCell])
        let placed = YearMonth(placementDate)
        let first = meetings.monthsBefore.first ?? placed
        let last = today.map(YearMonth.init) ?? meetings.monthsAfter.last ?? placed
        let months = (0...max(first.months(until: last), 0)).map { first.adding(months: $0) }
        let bodies = BodyCellHistory.generate(cells: cells, months: months)
        meetings.meetings += bodies.meetings
        meetings.thematicPlans.merge(bodies.plans) { village, _ in village }
    }
}

extension CellHistory {
    /// The generated meeting history and citizens' history as one history to store.
    init(meetings: MeetingHistory, citizens: CitizenHistory) {
        self.init(
            meetings: meetings.meetings, households: meetings.households, criteria: meetings.criteria,
            thematicPlans: meetings.thematicPlans, feedback: citizens.feedback, supervisions: citizens.supervisions,
            candidates: citizens.candidates, ratings: citizens.ratings, cellRatings: citizens.cellRatings)
    }
}
