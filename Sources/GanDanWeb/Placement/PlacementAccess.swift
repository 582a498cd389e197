import Foundation
import GanDanCore
import GanDanStorage
import Vapor

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

extension Request {
    /// The units a placement plan touches, in the read scope: the plan's own and its communes'.
    func planUnits(_ plan: PlacementPlan) async throws -> Set<UUID> {
        let read = try await scope(.read)
        return Set(([plan.unitID] + plan.communes.map(\.communeID)).filter { read.contains(unit: $0) })
    }

    /// Records a read of a plan or its printed decision (members' names and moves), filed under the plan's units
    /// (rules.md R30), so the auditors of its district and communes see it.
    func auditPlanRead(_ plan: PlacementPlan, entity: String) async throws {
        try await auditRead(entity, id: plan.id.uuidString, units: try await planUnits(plan))
    }
}
