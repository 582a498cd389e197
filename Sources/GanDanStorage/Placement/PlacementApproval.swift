import FluentKit
import Foundation
import GanDanCore
import SQLKit

extension PlacementPlans {
    /// Approves a draft: every member moves by an internal permanent transfer dated `decisionDate` (rules.md R13),
    /// the agency cells are dissolved that day (R14), and the audit trail records it — all in one transaction.
    /// `version` must be the draft's current version; of two planners approving at once exactly one succeeds.
    public func approve(_ id: UUID, version: Int, decisionDate: CivilDate, actor: Actor) async throws -> PlacementPlan {
        try decisionDate.requireSupported(field: "decision_date")
        guard try await record(id) != nil else { throw StorageError.notFound("no placement plan \(id)") }
        return try await db.writeTransaction { db in
            guard let sql = db as? any SQLDatabase else { throw StorageError.unavailable("an SQL database is needed") }
            let claimed = try await sql.update(PlacementPlanRecord.schema)
                .set("status", to: PlacementPlan.Status.approved.rawValue)
                .set("approved_by", to: actor.name)
                .set("decision_date", to: decisionDate.iso)
                .where("id", .equal, id)
                .where("status", .equal, PlacementPlan.Status.draft.rawValue)
                .where("version", .equal, version)
                .returning("id")
                .all()
            guard claimed.count == 1, let record = try await PlacementPlanRecord.find(id, on: db) else {
                let current = try await PlacementPlanRecord.find(id, on: db)
                guard let current else { throw StorageError.notFound("no placement plan \(id)") }
                throw StorageError.conflict(
                    current.status == PlacementPlan.Status.draft.rawValue
                        ? "the plan changed (now version \(current.version)): review it again before approving"
                        : "the plan is already \(current.status) (by \(current.approvedBy ?? current.createdBy))")
            }
            let plan = try self.plan(record)
            for commune in plan.communes {
                for decision in commune.proposal.decisions {
                    let current = try await MembershipRecord.query(on: db).filter(\.$memberID == decision.memberID)
                        .filter(\.$kind == MembershipKind.official.rawValue).inForce(on: decisionDate).first()
                    guard current?.organisationID != decision.toCellID else { continue }
                    try await MembershipWriter.transfer(
                        decision.memberID, to: decision.toCellID, on: decisionDate, kind: .internal, actor: actor,
                        db: db)
                }
                for cellID in commune.agencyCellIDs {
                    try await dissolve(cellID, on: decisionDate, actor: actor, db: db)
                }
            }
            if let corrected = plan.correctsID, let old = try await PlacementPlanRecord.find(corrected, on: db) {
                old.status = PlacementPlan.Status.superseded.rawValue
                try await old.update(on: db)
            }
            try await AuditTrail(db: db).record(
                AuditEvent(
                    actor: actor.name, action: "approve", entity: "placement_plan", entityID: id.uuidString,
                    after: "{\"decision_date\":\"\(decisionDate.iso)\",\"members\":\(plan.decisions.count)}",
                    requestID: actor.requestID, unitID: plan.unitID))
            return try self.plan(record)
        }
    }

    /// Ends an agency cell on `date` and marks its dissolution done (rules.md A1, R14).
    func dissolve(_ cellID: UUID, on date: CivilDate, actor: Actor, db: any Database) async throws {
        guard let cell = try await OrganisationRecord.find(cellID, on: db) else { return }
        let remaining = try await MembershipRecord.query(on: db).filter(\.$organisationID == cellID)
            .filter(\.$kind == MembershipKind.official.rawValue).inForce(on: date).count()
        guard remaining == 0 else {
            throw StorageError.conflict(
                "\(cell.name) still has \(remaining) member(s) on \(date.iso): place them first")
        }
        if cell.validUntil == nil {
            cell.validUntil = date.iso
            try await cell.update(on: db)
        }
        if let dissolution = try await DissolutionRecord.query(on: db).filter(\.$organisationID == cellID).first() {
            dissolution.status = DissolutionStatus.dissolved.rawValue
            dissolution.placedOn = dissolution.placedOn ?? date.iso
            dissolution.dissolvedOn = date.iso
            try await dissolution.update(on: db)
        }
        try await AuditTrail(db: db).record(
            AuditEvent(
                actor: actor.name, action: "dissolve", entity: "organisation", entityID: cellID.uuidString,
                after: "{\"dissolved_on\":\"\(date.iso)\"}", requestID: actor.requestID, unitID: cell.unitID))
    }

    /// Starts a new draft that corrects an approved plan: its members, from their cells now (history stays).
    public func correct(_ id: UUID, on date: CivilDate, settings: PlacementSettings, actor: Actor) async throws
        -> PlacementPlan
    {
        guard let old = try await plan(id), old.status == .approved else {
            throw StorageError.conflict("only an approved plan can be corrected by a new plan")
        }
        var communes: [CommunePlan] = []
        for commune in old.communes {
            let memberIDs = Set(commune.proposal.decisions.map(\.memberID))
            let problem = try await PlacementInputs(db: db).villageProblem(
                communeID: commune.communeID, memberIDs: memberIDs, on: date, settings: settings)
            do {
                communes.append(
                    CommunePlan(
                        communeID: commune.communeID, communeName: commune.communeName, agencyCellIDs: [],
                        agencyCellNames: [:], proposal: try PlacementOptimizer.propose(problem)))
            } catch {
                throw StorageError.conflict("\(commune.communeName): \(error)")
            }
        }
        return try await storeDraft(
            unitID: old.unitID, settings: settings, communes: communes, actor: actor, correcting: id)
    }
}

/// Where an agency cell stands under a directive (rules.md A1).
public enum DissolutionStatus: String, Sendable, Codable, CaseIterable {
    case planned, placed, dissolved
}
