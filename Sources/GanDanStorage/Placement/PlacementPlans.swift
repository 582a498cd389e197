import FluentKit
import Foundation
import GanDanCore
import SQLKit

/// One commune's part of a plan.
public struct CommunePlan: Sendable, Codable, Hashable {
    public var communeID: UUID
    public var communeName: String
    public var agencyCellIDs: [UUID]
    public var agencyCellNames: [UUID: String]
    public var proposal: PlacementProposal
}

/// A stored plan as planners, the CLI and the API see it.
public struct PlacementPlan: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable {
        case draft, approved, superseded
    }

    public var id: UUID
    public var unitID: UUID
    public var status: Status
    public var version: Int
    public var settings: PlacementSettings
    public var communes: [CommunePlan]
    public var total: Double
    public var createdBy: String
    public var approvedBy: String?
    public var decisionDate: CivilDate?
    public var correctsID: UUID?
    /// The date the plan was proposed "as of": its decision may not be dated earlier.
    public var proposedOn: CivilDate?

    /// Every decision of every commune.
    public var decisions: [PlacementDecision] { communes.flatMap(\.proposal.decisions) }
}

/// A member whose cell differs between two versions of a plan (what-if).
public struct PlacementChange: Sendable, Codable, Hashable {
    public var memberID: UUID
    public var memberName: String
    public var fromCellName: String
    public var toCellName: String
}

/// Drafts, re-runs and approves placement plans; approval applies every transfer atomically.
///
/// Every read and write is limited to `scope` (rules.md R30): a plan whose unit is outside it is not found.
public struct PlacementPlans: Sendable {
    let db: any Database
    let scope: AccessScope
    /// Bounds the decision date (`decisionLeadDays`) and the placement dates (`placementWorkingDays`).
    let charter: CharterSettings
    /// Counts the working days between the decision and a commune's placement (rules.md R14).
    let calendar: WorkingCalendar

    public init(
        db: any Database, scope: AccessScope, charter: CharterSettings = .standard, calendar: WorkingCalendar = .vietnam
    ) {
        self.db = db
        self.scope = scope
        self.charter = charter
        self.calendar = calendar
    }

    /// Solves the unit's problems on `date` and stores the result as a new draft.
    public func propose(
        unitID: UUID, on date: CivilDate, settings: PlacementSettings = PlacementSettings(), actor: Actor
    ) async throws -> PlacementPlan {
        guard scope.contains(unit: unitID) else { throw StorageError.notFound("no unit \(unitID)") }
        let communes = try await solve(unitID: unitID, on: date, settings: settings)
        return try await storeDraft(
            unitID: unitID, on: date, settings: settings, communes: communes, actor: actor)
    }

    /// Stores a new draft (version 1) and records it in the audit trail; `correcting` names the plan it replaces.
    func storeDraft(
        unitID: UUID, on date: CivilDate, settings: PlacementSettings, communes: [CommunePlan], actor: Actor,
        correcting: UUID? = nil
    ) async throws -> PlacementPlan {
        let record = PlacementPlanRecord()
        record.id = UUID()
        record.unitID = unitID
        record.status = PlacementPlan.Status.draft.rawValue
        record.version = 1
        record.settings = try Self.encode(settings)
        record.proposal = try Self.encode(communes)
        record.total = communes.reduce(0) { $0 + $1.proposal.total }
        record.createdBy = actor.name
        record.createdAt = Date()
        record.correctsID = correcting
        record.proposedOn = date.iso
        let members = communes.reduce(0) { $0 + $1.proposal.decisions.count }
        try await db.writeTransaction { db in
            try await record.create(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: correcting == nil ? "propose" : "correct", entity: "placement_plan",
                    entityID: record.id?.uuidString,
                    after: "{\"total\":\(record.total),\"members\":\(members)}", requestID: actor.requestID,
                    unitID: unitID))
        }
        return try plan(record)
    }

    func solve(unitID: UUID, on date: CivilDate, settings: PlacementSettings) async throws -> [CommunePlan] {
        let problems = try await PlacementInputs(db: db, charter: charter).problems(
            for: unitID, on: date, settings: settings)
        guard !problems.isEmpty else {
            throw StorageError.conflict(
                vi: "Ngày \(date.vietnamese) ở đây không có chi bộ cơ quan xã nào: không có ai để bố trí.",
                en: "no commune agency cell is in force there on \(date.iso): nothing to place")
        }
        var communes: [CommunePlan] = []
        for problem in problems {
            do {
                communes.append(
                    CommunePlan(
                        communeID: problem.communeID, communeName: problem.communeName,
                        agencyCellIDs: problem.agencyCellIDs, agencyCellNames: problem.agencyCellNames,
                        proposal: try PlacementOptimizer.propose(problem.input)))
            } catch {
                throw StorageError.conflict("\(problem.communeName): \(error)")
            }
        }
        return communes
    }

    /// Re-runs a draft with new settings (pins, weights, capacities); returns it and what changed.
    public func rerun(_ id: UUID, settings: PlacementSettings, on date: CivilDate, actor: Actor) async throws
        -> (plan: PlacementPlan, changes: [PlacementChange])
    {
        guard let record = try await record(id) else { throw StorageError.notFound("no placement plan \(id)") }
        guard record.status == PlacementPlan.Status.draft.rawValue else {
            throw StorageError.conflict(
                vi: "Chỉ sửa được phương án còn là dự thảo. Hãy lập một phương án mới.",
                en: "the plan is \(record.status): only a draft can change; start a new plan")
        }
        let before = try plan(record)
        // A re-run reads the registry as of the day the plan was proposed for, not the day it is re-run (R26).
        let day = before.proposedOn ?? date
        let communes = try await solve(unitID: record.unitID, on: day, settings: settings)
        record.settings = try Self.encode(settings)
        record.proposal = try Self.encode(communes)
        record.total = communes.reduce(0) { $0 + $1.proposal.total }
        record.version += 1
        record.proposedOn = day.iso
        try await db.writeTransaction { db in
            try await record.update(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "rerun", entity: "placement_plan", entityID: id.uuidString,
                    before: "{\"version\":\(before.version),\"total\":\(before.total)}",
                    after: "{\"version\":\(record.version),\"total\":\(record.total)}", requestID: actor.requestID,
                    unitID: record.unitID))
        }
        let after = try plan(record)
        return (after, Self.changes(from: before, to: after))
    }

    /// Members whose cell differs between two plans.
    public static func changes(from old: PlacementPlan, to new: PlacementPlan) -> [PlacementChange] {
        let oldCell = Dictionary(old.decisions.map { ($0.memberID, $0) }, uniquingKeysWith: { first, _ in first })
        return new.decisions.compactMap { decision in
            guard let previous = oldCell[decision.memberID], previous.toCellID != decision.toCellID else { return nil }
            return PlacementChange(
                memberID: decision.memberID, memberName: decision.memberName, fromCellName: previous.toCellName,
                toCellName: decision.toCellName)
        }
    }

    /// The plan with this id, nil when it does not exist or its unit is outside the scope.
    public func plan(_ id: UUID) async throws -> PlacementPlan? {
        try await record(id).map(plan)
    }

    /// The stored plan with this id, in scope.
    func record(_ id: UUID) async throws -> PlacementPlanRecord? {
        guard let record = try await PlacementPlanRecord.find(id, on: db), scope.contains(unit: record.unitID) else {
            return nil
        }
        return record
    }

    /// Every plan in scope, newest first.
    public func plans() async throws -> [PlacementPlan] {
        try await plans(ofUnits: nil)
    }

    /// Plans in scope of the given units (all when nil), newest first.
    func plans(ofUnits units: [UUID]?) async throws -> [PlacementPlan] {
        var query = PlacementPlanRecord.query(on: db)
        if let units { query = query.filter(\.$unitID ~~ units) }
        if let inScope = scope.unitFilter { query = query.filter(\.$unitID ~~ inScope) }
        return try await query.sort(\.$createdAt, .descending).all().map(plan)
    }

    func plan(_ record: PlacementPlanRecord) throws -> PlacementPlan {
        PlacementPlan(
            id: try record.requireID(), unitID: record.unitID,
            status: try record.decode(\.$status, as: PlacementPlan.Status.self),
            version: record.version, settings: try Self.decode(record.settings),
            communes: try Self.decode(record.proposal),
            total: record.total, createdBy: record.createdBy, approvedBy: record.approvedBy,
            decisionDate: record.decisionDate.flatMap { CivilDate($0) }, correctsID: record.correctsID,
            proposedOn: record.proposedOn.flatMap { CivilDate($0) } ?? CivilDate.today(now: record.createdAt))
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
