import FluentKit
import Foundation
import GanDanCore

extension PlacementPlans {
    /// The cells of the plan that stood weak on the day (their latest rating by then, rules.md R20, A3): the cells a
    /// key leader should reach. Only cells the plan sends members to are looked at; one query for all of them.
    public func weakCells(of plan: PlacementPlan, on date: CivilDate) async throws -> Set<UUID> {
        guard scope.contains(unit: plan.unitID) else { return [] }
        let cells = Array(Set(plan.communes.flatMap { $0.proposal.received.keys }))
        guard !cells.isEmpty else { return [] }
        let ratings = try await DashboardRatings.latest(of: cells, on: date, db: db)
        return Set(cells.filter { CellStanding.isWeak(ratings[$0]) })
    }
}
