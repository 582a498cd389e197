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
