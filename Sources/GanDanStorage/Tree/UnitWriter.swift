import FluentKit
import Foundation
import GanDanCore

/// Changes to the tree as new dated versions: renames, moves, closures (rules.md R26). Past versions stay as they were.
public struct UnitWriter: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// What a change sets; nil fields keep their value.
    public struct Change: Sendable {
        public var name: String?
        public var parentID: UUID??
        public var profile: VillageProfile?
        /// Why the change is made, kept in the audit entry (a planner's change on the web requires one).
        public var reason: String?

        public init(
            name: String? = nil, parentID: UUID?? = nil, profile: VillageProfile? = nil, reason: String? = nil
        ) {
            self.name = name
            self.parentID = parentID
            self.profile = profile
            self.reason = reason
        }
    }

    /// Closes the version in force on `date` and opens a new one from `date` with the change applied.
    @discardableResult
    public func change(_ unitID: UUID, on date: CivilDate, _ change: Change, actor: Actor = .system) async throws
        -> UnitSnapshot
    {
        guard scope.contains(unit: unitID) else { throw StorageError.notFound("no unit \(unitID)") }
        return try await db.writeTransaction { db in
            let current = try await currentVersion(unitID, on: date, db: db)
            if let parent = change.parentID {
                try await checkParent(parent, for: current, on: date, db: db)
            }
            let next = UnitRecord()
            next.id = UUID()
            next.unitID = current.unitID
            next.code = current.code
            next.kind = current.kind
            let name = change.name.map(MemberValidation.normalisedName) ?? current.name
            guard !name.isEmpty else {
                throw StorageError.conflict(vi: "Đơn vị phải có tên.", en: "a unit needs a name")
            }
            next.name = name
            next.nameSort = VietnameseText.sortKey(name)
            next.nameSearch = VietnameseText.searchKey(name)
            next.parentUnitID = change.parentID ?? current.parentUnitID
            next.validFrom = date.iso
            next.validUntil = nil
            let profile = try change.profile ?? UnitSnapshot(current).profile
            next.apply(profile)
            current.validUntil = date.iso
            try await current.update(on: db)
            try await next.create(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "update", entity: "unit", entityID: unitID.uuidString,
                    before: AuditTrail.json(UnitSnapshot(current)),
                    after: AuditTrail.json(ReasonedUnit(unit: try UnitSnapshot(next), reason: change.reason)),
                    requestID: actor.requestID, unitID: unitID))
            return try UnitSnapshot(next)
        }
    }

    /// Ends a unit's existence on `date` (e.g. districts end on 1-7-2025, rules.md R26); its history stays.
    public func close(_ unitID: UUID, on date: CivilDate, reason: String? = nil, actor: Actor = .system) async throws {
        guard scope.contains(unit: unitID) else { throw StorageError.notFound("no unit \(unitID)") }
        try await db.writeTransaction { db in
            let current = try await currentVersion(unitID, on: date, db: db)
            let children = try await UnitRecord.query(on: db).filter(\.$parentUnitID == unitID).inForce(on: date)
                .count()
            guard children == 0 else {
                throw StorageError.conflict(
                    "\(current.name) still has \(children) unit(s) under it on \(date.iso): move them first")
            }
            let before = AuditTrail.json(try UnitSnapshot(current))
            current.validUntil = date.iso
            try await current.update(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "close", entity: "unit", entityID: unitID.uuidString, before: before,
                    after: AuditTrail.json(ReasonedUnit(unit: try UnitSnapshot(current), reason: reason)),
                    requestID: actor.requestID, unitID: unitID))
        }
    }

    private func currentVersion(_ unitID: UUID, on date: CivilDate, db: any Database) async throws -> UnitRecord {
        guard let current = try await UnitRecord.query(on: db).filter(\.$unitID == unitID).inForce(on: date).first()
        else {
            throw StorageError.notFound("no version of unit \(unitID) is in force on \(date.iso)")
        }
        guard current.validUntil == nil else {
            throw StorageError.conflict(
                "unit \(current.code) already changes on \(current.validUntil ?? ""): history is not rewritten")
        }
        guard current.validFrom < date.iso else {
            throw StorageError.conflict(
                vi: "Đơn vị \(current.code) đã có một lần thay đổi từ ngày \(date.vietnamese).",
                en: "unit \(current.code) already has a version starting \(date.iso)")
        }
        return current
    }

    private func checkParent(_ parentID: UUID?, for unit: UnitRecord, on date: CivilDate, db: any Database)
        async throws
    {
        let kind = try unit.decode(\.$kind, as: UnitKind.self)
        guard let parentID else {
            guard kind == .province else {
                throw StorageError.conflict(
                    vi: "Chỉ cấp tỉnh mới không có đơn vị cấp trên.", en: "only a province may have no parent")
            }
            return
        }
        let tree = OrganisationTree(db: db, scope: .storageInternal)
        guard let parent = try await tree.unit(parentID, on: date) else {
            throw StorageError.notFound("the new parent is not in force on \(date.iso)")
        }
        guard kind.mayHaveParent(parent.kind) else {
            throw StorageError.conflict(
                vi: "\(unit.name) không thể nằm dưới \(parent.name) (không đúng cấp hành chính).",
                en: "a \(unit.kind) cannot be under a \(parent.kind.rawValue)")
        }
        let ancestors = try await tree.path(to: parentID, on: date).map(\.id)
        guard !ancestors.contains(unit.unitID) else {
            throw StorageError.conflict(
                vi: "Không thể chuyển \(unit.name) vào \(parent.name): \(unit.name) sẽ nằm dưới chính mình.",
                en: "moving \(unit.name) under \(parent.name) would make a cycle")
        }
    }
}

extension UnitRecord {
    func apply(_ profile: VillageProfile?) {
        distanceKm = profile?.distanceKm
        households = profile?.households
        poorHouseholds = profile?.poorHouseholds
        povertyStandard = profile?.povertyStandard
        povertyYear = profile?.povertyYear
        ethnicMinority = profile?.ethnicMinority ?? false
        mountain = profile?.mountain ?? false
    }
}

/// A unit's state after a change, with the reason given for it, as the audit entry keeps it.
struct ReasonedUnit: Encodable {
    var unit: UnitSnapshot
    var reason: String?

    func encode(to encoder: any Encoder) throws {
        try unit.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(reason, forKey: .reason)
    }

    enum Key: String, CodingKey { case reason }
}
