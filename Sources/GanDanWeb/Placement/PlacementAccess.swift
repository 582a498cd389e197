import Foundation
import GanDanCore
import GanDanStorage
import Vapor

extension Request {
    /// A plan the user may see: 404 outside their scope.
    func visiblePlan(_ id: UUID) async throws -> PlacementPlan {
        let access = try await access()
        guard let plan = try await PlacementPlans(db: store, scope: access.scopes.read).plan(id)
        else {
            throw Abort(.notFound, reason: "no placement plan is at this address")
        }
        return plan
    }

    /// A plan the user may change: 404 outside their scope, 403 when their role only reads.
    func editablePlan(_ id: UUID) async throws -> PlacementPlan {
        let plan = try await visiblePlan(id)
        guard try await access().scopes.write.contains(unit: plan.unitID) else {
            throw Abort(.forbidden, reason: "your role does not allow changing placement plans here")
        }
        return plan
    }
}

/// The planner's choices sent to re-run a plan.
struct RerunRequest: Content {
    /// Member id → cell id.
    var pins: [String: UUID]?
    var forbidden: [MemberCellPair]?
    /// Cell id → capacity.
    var capacities: [String: PlacementCapacity]?
    var weights: PlacementWeights?
    /// Posts whose holders are placed by residence, not by the difficulty rule (rules.md R16).
    var exemptPosts: [PostKind]?
}

struct ApproveRequest: Content {
    var decisionDate: String
    var version: Int
}
