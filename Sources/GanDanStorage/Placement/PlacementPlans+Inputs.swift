import Foundation
import GanDanCore

extension PlacementPlans {
    /// The placement problems `propose` would solve for the unit on `date`, one per commune with an agency cell in
    /// force, without storing anything: for explanations and checks that re-solve them (rules.md A3, R30: scoped).
    public func inputs(unitID: UUID, on date: CivilDate, settings: PlacementSettings = PlacementSettings())
        async throws -> [PlacementInput]
    {
        guard scope.contains(unit: unitID) else { throw StorageError.notFound("no unit \(unitID)") }
        return try await PlacementInputs(db: db, charter: charter).problems(for: unitID, on: date, settings: settings)
            .map(\.input)
    }
}
