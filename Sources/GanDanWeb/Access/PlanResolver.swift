import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:plan`: a placement plan of a unit the user may see.
enum PlanResolver: PathResolver {
    static let notFound = "no placement plan is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> PlacementPlan? {
        guard let plan = try await PlacementPlans(db: req.store, scope: read).plan(id), read.contains(unit: plan.unitID)
        else {
            return nil
        }
        return plan
    }

    static func covers(_ plan: PlacementPlan, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        scope.contains(unit: plan.unitID)
    }

    static func forbidden(_ action: Action) -> String {
        action == .approve
            ? "your role does not allow approving placement plans here"
            : "your role does not allow changing placement plans here"
    }
}

extension Resolved {
    /// The placement plan the path names.
    var plan: PlacementPlan { get throws { try object(PlanResolver.self) } }
}
