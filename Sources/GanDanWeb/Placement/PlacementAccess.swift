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
    /// Commune id → the day its members are placed (YYYY-MM-DD); absent communes are placed on the decision date.
    var placedOn: [String: String]?
    /// Commune id → the day its agency cells are dissolved; absent communes dissolve on their placement day.
    var dissolvedOn: [String: String]?
}

extension PlacementPages {
    /// The filled-in placement days of an approval, by commune; an unreadable one is refused naming `field`.
    static func placementDays(_ raw: [String: String]?, field: String) throws -> [UUID: CivilDate] {
        var days: [UUID: CivilDate] = [:]
        for (key, text) in raw ?? [:] where !text.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let commune = UUID(uuidString: key), let day = CivilDate(text) else {
                throw InputError.invalid([InputIssue.unreadable(field: field, value: text)])
            }
            days[commune] = day
        }
        return days
    }
}

extension QueryValueError {
    /// `?unit=` names a commune that is not in the plan: a 404 told in the page's language.
    static func notInPlan(_ asked: UUID?) -> QueryValueError {
        notHere(
            .unit, asked,
            problem: BilingualText(vi: "không phải một xã của phương án này", en: "is not a commune of this plan"))
    }
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
