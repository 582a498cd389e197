import FluentKit
import Foundation
import GanDanCore

/// Moves members between cells as dated records (rules.md R13): the old membership ends the day the new one starts.
public struct MembershipWriter: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// Ends the member's official membership on `date` and opens one in `cellID` from `date`.
    /// Placing an agency-cell member in a village cell of the same commune is an internal transfer (rules.md R13).
    public func transfer(
        _ memberID: UUID, to cellID: UUID, on date: CivilDate, kind: TransferKind, actor: Actor = .system
    ) async throws {
        guard scope.contains(organisation: cellID) else { throw StorageError.notFound("no cell \(cellID)") }
        try await db.writeTransaction { db in
            try await Self.transfer(memberID, to: cellID, on: date, kind: kind, actor: actor, db: db)
        }
    }

    /// Opens a temporary membership in `cellID` from `from` until `until`, beside the official one (rules.md R13),
    /// without an audit entry: the caller writes the one entry of the change.
    static func openTemporary(
        _ memberID: UUID, in cellID: UUID, from: CivilDate, until: CivilDate?, db: any Database
    ) async throws {
        try await MembershipRecord(
            member: memberID, cell: cellID, kind: MembershipKind.temporary.rawValue, transfer: .temporary, from: from,
            until: until?.iso
        ).create(on: db)
    }

    /// Ends the member's official membership on `date` and opens one in `cellID` from `date`, without an audit
    /// entry: the caller writes the one entry of the change. Returns the membership ended and the cell.
    @discardableResult
    static func move(
        _ memberID: UUID, to cellID: UUID, on date: CivilDate, kind: TransferKind, db: any Database
    ) async throws -> (ended: MembershipRecord?, cell: OrganisationRecord) {
        guard let cell = try await OrganisationRecord.find(cellID, on: db),
            try cell.decode(\.$kind, as: OrganisationKind.self).isCell
        else { throw StorageError.notFound("no cell \(cellID)") }
        guard try cell.validity.contains(date) else {
            throw StorageError.conflict(
                vi: "Ngày \(date.vietnamese) \(cell.name) chưa thành lập hoặc đã giải thể.",
                en: "\(cell.name) is not in force on \(date.iso)")
        }
        guard try await MemberRecord.find(memberID, on: db) != nil else {
            throw StorageError.notFound("no member \(memberID)")
        }
        let current = try await MembershipRecord.query(on: db).filter(\.$memberID == memberID)
            .filter(\.$kind == MembershipKind.official.rawValue).inForce(on: date).first()
        if let current {
            guard current.organisationID != cellID else {
                throw StorageError.conflict(
                    vi: "Đảng viên đã sinh hoạt ở \(cell.name).", en: "the member is already on \(cell.name)'s roll")
            }
            guard current.validUntil == nil, current.validFrom < date.iso else {
                throw StorageError.conflict(
                    "the member's membership from \(current.validFrom) cannot end on \(date.iso)")
            }
            current.validUntil = date.iso
            try await current.update(on: db)
        }
        try await MembershipRecord(
            member: memberID, cell: cellID, kind: MembershipKind.official.rawValue, transfer: kind, from: date
        ).create(on: db)
        return (current, cell)
    }

    static func transfer(
        _ memberID: UUID, to cellID: UUID, on date: CivilDate, kind: TransferKind, actor: Actor, db: any Database
    ) async throws {
        let (current, cell) = try await move(memberID, to: cellID, on: date, kind: kind, db: db)
        try await AuditTrail(db: db, scope: .storageInternal).record(
            AuditEvent(
                actor: actor.name, action: "transfer", entity: "member", entityID: memberID.uuidString,
                before: current.map { "{\"cell\":\"\($0.organisationID)\"}" },
                after: "{\"cell\":\"\(cellID)\",\"from\":\"\(date.iso)\",\"kind\":\"\(kind.rawValue)\"}",
                requestID: actor.requestID, unitID: cell.unitID))
    }
}
