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
    public func write(districtID: UUID, placementDate: CivilDate, actor: Actor, monthsEachSide: Int = 12)
        async throws -> CellHistorySummary
    {
        let cells = try await VillageCellRolls(db: db, scope: .everything).rolls(under: districtID, on: placementDate)
        let meetings = MeetingHistory.generate(
            cells: cells, placementDate: placementDate, monthsBefore: monthsEachSide, monthsAfter: monthsEachSide)
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
        citizens.keepCellQuota(committeeOf: committeeOf)
        return try await CellHistoryWriter(db: db, scope: .everything, policy: policy).write(
            CellHistory(meetings: meetings, citizens: citizens), actor: actor)
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
