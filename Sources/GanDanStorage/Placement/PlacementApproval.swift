import FluentKit
import Foundation
import GanDanCore
import SQLKit

extension PlacementPlans {
    /// Approves a draft: every member moves by an internal permanent transfer (rules.md R13) and the agency cells are
    /// dissolved, the superior committee taking over records and seal (R14), and the audit trail records it — all in
    /// one transaction. Each commune's members are placed on its day in `placedOn` (the decision date when absent;
    /// not before it, nor more than `charter.placementWorkingDays` working days after it), and its agency cells are
    /// dissolved on its day in `dissolvedOn` (the placement day when absent; not before it, within the same limit).
    /// `version` must be the draft's current version; of two planners approving at once exactly one succeeds.
    /// A stale draft (another plan covering its cells or members approved since it was proposed, or a member no
    /// longer on the roll it was proposed from) is refused with the reason and marked superseded.
    public func approve(
        _ id: UUID, version: Int, decisionDate: CivilDate, placedOn: [UUID: CivilDate] = [:],
        dissolvedOn: [UUID: CivilDate] = [:], actor: Actor
    ) async throws -> PlacementPlan {
        try decisionDate.requireSupported(field: "decision_date")
        guard let stored = try await record(id) else { throw StorageError.notFound("no placement plan \(id)") }
        try checkDecisionDate(decisionDate, proposedOn: try plan(stored).proposedOn)
        let days = PhaseDays(decidedOn: decisionDate, placedOn: placedOn, dissolvedOn: dissolvedOn)
        try checkPhaseDays(days, of: try plan(stored))
        let outcome: ApprovalOutcome = try await db.writeTransaction { db in
            guard let sql = db as? any SQLDatabase else { throw StorageError.unavailable("an SQL database is needed") }
            try await Self.serialiseApprovals(sql)
            let record = try await self.claim(id, version: version, decisionDate: decisionDate, actor: actor, db: db)
            let plan = try self.plan(record)
            if let reason = try await self.staleness(of: plan, proposedAt: record.createdAt, on: decisionDate, db: db) {
                record.status = PlacementPlan.Status.superseded.rawValue
                record.approvedBy = nil
                record.decisionDate = nil
                try await record.update(on: db)
                try await AuditTrail(db: db, scope: .storageInternal).record(
                    AuditEvent(
                        actor: actor.name, action: "supersede", entity: "placement_plan", entityID: id.uuidString,
                        after: "{\"refused_on\":\"\(decisionDate.iso)\"}", requestID: actor.requestID,
                        unitID: plan.unitID))
                return .refused(reason)
            }
            record.approvedAt = Date()
            try await record.update(on: db)
            try await self.apply(plan, days: days, actor: actor, db: db)
            return .approved(try self.plan(record))
        }
        switch outcome {
        case .approved(let plan): return plan
        case .refused(let reason): throw StorageError.refused(reason)
        }
    }

    /// What one approval transaction ended with: a refusal must still commit the plan's superseded status.
    enum ApprovalOutcome: Sendable {
        case approved(PlacementPlan)
        case refused(BilingualText)
    }

    /// Serialises approvals so the staleness check and the transfers see every earlier approval.
    ///
    /// PostgreSQL runs transactions concurrently under READ COMMITTED: two drafts for the same district could both
    /// pass the check before either commits. A transaction-scoped advisory lock (released at commit or rollback)
    /// makes the second wait for the first and then read its committed transfers. SQLite needs nothing more:
    /// `writeTransaction` takes the write lock before the first read, so writers run one after the other.
    static func serialiseApprovals(_ sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: String(approvalLockKey)))").run()
    }

    /// The advisory lock key of placement approvals ("GanDan" plans, an arbitrary constant).
    static let approvalLockKey: Int64 = 0x4761_6E44_616E_0013

    /// Marks the draft approved if it is still this version; else says why it cannot be.
    func claim(_ id: UUID, version: Int, decisionDate: CivilDate, actor: Actor, db: any Database) async throws
        -> PlacementPlanRecord
    {
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
            throw Self.notApprovable(current)
        }
        return record
    }

    /// Why a plan that is no longer this draft cannot be approved, told in both languages: changed since it was
    /// reviewed, or already approved (with the decision date and who approved it) or superseded.
    static func notApprovable(_ current: PlacementPlanRecord) -> StorageError {
        let by = current.approvedBy ?? current.createdBy
        switch PlacementPlan.Status(rawValue: current.status) {
        case .draft:
            return .conflict(
                vi: "Phương án đã thay đổi (nay là bản \(current.version)); hãy xem lại trước khi phê duyệt.",
                en: "The plan changed (now version \(current.version)): review it again before approving.")
        case .approved:
            let day = current.decisionDate.flatMap { CivilDate($0) }
            return .conflict(
                vi: "Phương án này đã được \(by) phê duyệt"
                    + (day.map { " (quyết định ngày \($0.vietnamese))" } ?? "") + "; không phê duyệt lần nữa.",
                en: "This plan was approved already by \(by)" + (day.map { " (decision of \($0.vietnamese))" } ?? "")
                    + "; it is not approved twice.")
        default:
            return .conflict(
                vi: "Phương án này đã được thay thế bằng một phương án khác; không phê duyệt được nữa.",
                en: "This plan has been superseded by another plan; it can no longer be approved.")
        }
    }

    /// The last day a decision or a placement may bear: `charter.decisionLeadDays` after today (nothing is recorded
    /// further ahead).
    var latestDay: CivilDate { CivilDate.today().adding(days: charter.decisionLeadDays) }

    /// The decision may not precede the date the plan was proposed as of, nor lie more than
    /// `charter.decisionLeadDays` after today (rules.md R13).
    func checkDecisionDate(_ date: CivilDate, proposedOn: CivilDate?) throws {
        if let proposedOn, date < proposedOn {
            throw InputError.invalid([
                InputIssue(
                    field: "decision_date",
                    vi: "Ngày quyết định \(date.vietnamese) trước ngày lập phương án \(proposedOn.vietnamese).",
                    en: "The decision date \(date.vietnamese) is before the date the plan was proposed as of, "
                        + "\(proposedOn.vietnamese).")
            ])
        }
        let latest = latestDay
        guard date <= latest else {
            throw InputError.invalid([
                InputIssue(
                    field: "decision_date",
                    vi: "Ngày quyết định \(date.vietnamese) không được sau ngày \(latest.vietnamese).",
                    en: "The decision date \(date.vietnamese) may not be later than \(latest.vietnamese).")
            ])
        }
    }

    /// Why the plan can no longer be approved as proposed, nil when it still can.
    func staleness(of plan: PlacementPlan, proposedAt: Date, on date: CivilDate, db: any Database) async throws
        -> BilingualText?
    {
        let members = Dictionary(plan.decisions.map { ($0.memberID, $0.memberName) }, uniquingKeysWith: { a, _ in a })
        let cells = Set(plan.communes.flatMap(\.agencyCellIDs) + plan.decisions.map(\.fromCellID))
        let approved = try await PlacementPlanRecord.query(on: db)
            .filter(\.$status == PlacementPlan.Status.approved.rawValue).filter(\.$id != plan.id).all()
        for other in approved where other.id != plan.correctsID && (other.approvedAt ?? .distantPast) >= proposedAt {
            let otherPlan = try self.plan(other)
            let shared = otherPlan.decisions.first { members[$0.memberID] != nil }
            guard shared != nil || !cells.isDisjoint(with: otherPlan.communes.flatMap(\.agencyCellIDs)) else {
                continue
            }
            let who = shared.map { " (\($0.memberName))" } ?? ""
            let when = otherPlan.decisionDate?.iso ?? "?"
            let whenVietnamese = otherPlan.decisionDate?.vietnamese ?? "?"
            let by = other.approvedBy ?? other.createdBy
            return BilingualText(
                vi: "Một phương án khác do \(by) phê duyệt (quyết định ngày \(whenVietnamese)) đã bố trí cùng đảng "
                    + "viên\(who) sau khi phương án này được lập; phương án này đã được đánh dấu là đã thay thế.",
                en: "Plan \(other.id?.uuidString ?? "") approved by \(by) (decision of \(when)) placed the same "
                    + "members\(who) after this plan was proposed; this plan is now marked superseded.")
        }
        // Still on the roll: an open membership there, begun by the decision date (a later move counts too).
        for decision in plan.decisions {
            let onRoll = try await MembershipRecord.query(on: db).filter(\.$memberID == decision.memberID)
                .filter(\.$kind == MembershipKind.official.rawValue).filter(\.$organisationID == decision.fromCellID)
                .filter(\.$validFrom <= date.iso).filter(\.$validUntil == nil).count()
            guard onRoll == 0 else { continue }
            return BilingualText(
                vi: "Đảng viên \(decision.memberName) không còn sinh hoạt ở chi bộ đã lập phương án vào ngày "
                    + "\(date.vietnamese); phương án này đã được đánh dấu là đã thay thế.",
                en: "\(decision.memberName) is no longer on the roll of the cell the plan was proposed from on "
                    + "\(date.iso); this plan is now marked superseded.")
        }
        return nil
    }

    /// The transfers, dissolutions, superseding and audit entry of an approval, in the caller's transaction; each
    /// commune's members move on its placement day and its agency cells are dissolved on its dissolution day.
    func apply(_ plan: PlacementPlan, days: PhaseDays, actor: Actor, db: any Database) async throws {
        let decisionDate = days.decidedOn
        for commune in plan.communes {
            let day = days.placement(of: commune.communeID)
            for decision in commune.proposal.decisions {
                let current = try await MembershipRecord.query(on: db).filter(\.$memberID == decision.memberID)
                    .filter(\.$kind == MembershipKind.official.rawValue).inForce(on: day).first()
                guard current?.organisationID != decision.toCellID else { continue }
                try await MembershipWriter.transfer(
                    decision.memberID, to: decision.toCellID, on: day, kind: .internal, actor: actor, db: db)
            }
            for cellID in commune.agencyCellIDs {
                try await dissolve(
                    cellID, placedOn: day, dissolvedOn: days.dissolution(of: commune.communeID),
                    decidedOn: decisionDate, actor: actor, db: db)
            }
        }
        if let corrected = plan.correctsID, let old = try await PlacementPlanRecord.find(corrected, on: db) {
            old.status = PlacementPlan.Status.superseded.rawValue
            try await old.update(on: db)
        }
        try await AuditTrail(db: db, scope: .storageInternal).record(
            AuditEvent(
                actor: actor.name, action: "approve", entity: "placement_plan", entityID: plan.id.uuidString,
                after: "{\"decision_date\":\"\(decisionDate.iso)\",\"members\":\(plan.decisions.count)}",
                requestID: actor.requestID, unitID: plan.unitID))
    }

    /// Ends an agency cell on `dissolvedOn` and marks its dissolution done: decided on `decidedOn`, members placed
    /// on `placedOn`, records and seal handed to the committee of the cell's parent organisation on the dissolution
    /// day (rules.md A1, R14).
    func dissolve(
        _ cellID: UUID, placedOn: CivilDate, dissolvedOn date: CivilDate, decidedOn: CivilDate, actor: Actor,
        db: any Database
    ) async throws {
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
            dissolution.placedOn = placedOn.iso
            dissolution.dissolvedOn = date.iso
            dissolution.decidedOn = decidedOn.iso
            dissolution.handoverTo = cell.parentID
            dissolution.handoverOn = date.iso
            try await dissolution.update(on: db)
        }
        try await AuditTrail(db: db, scope: .storageInternal).record(
            AuditEvent(
                actor: actor.name, action: "dissolve", entity: "organisation", entityID: cellID.uuidString,
                after: "{\"dissolved_on\":\"\(date.iso)\"}", requestID: actor.requestID, unitID: cell.unitID))
    }

    /// Starts a new draft that corrects an approved plan: its members, from their cells now (history stays).
    public func correct(_ id: UUID, on date: CivilDate, settings: PlacementSettings, actor: Actor) async throws
        -> PlacementPlan
    {
        guard let old = try await plan(id), old.status == .approved else {
            throw StorageError.conflict(
                vi: "Chỉ phương án đã duyệt mới được điều chỉnh bằng một phương án mới.",
                en: "only an approved plan can be corrected by a new plan")
        }
        var communes: [CommunePlan] = []
        for commune in old.communes {
            let memberIDs = Set(commune.proposal.decisions.map(\.memberID))
            let problem = try await PlacementInputs(db: db, charter: charter).villageProblem(
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
            unitID: old.unitID, on: date, settings: settings, communes: communes, actor: actor, correcting: id)
    }
}

/// Where an agency cell stands under a directive (rules.md A1).
/// `decided`: the placement decision is made, the members are not yet placed.
public enum DissolutionStatus: String, Sendable, Codable, CaseIterable {
    case planned, decided, placed, dissolved
}
