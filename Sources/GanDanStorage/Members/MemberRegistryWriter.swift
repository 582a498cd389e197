import FluentKit
import Foundation
import GanDanCore

/// The registry kept on the web (issue 18): corrections of a member's core fields and dated status changes, each
/// with its required reason, for members on a roll in `scope` today; each change and its audit entry are written in
/// one transaction, and a refused change writes nothing.
public struct MemberRegistryWriter: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// Corrects the given core fields (rules.md R28), refusing dates out of order, a citizen ID or card number
    /// another member holds, and a correction that changes nothing.
    public func correct(_ id: UUID, _ correction: MemberCorrection, today: CivilDate, actor: Actor) async throws {
        try await db.writeTransaction { db in
            let record = try await member(id, today: today, db: db)
            let before = MemberCoreFields(record)
            var form = FormFields()
            let reason = form.reason(correction.reason)
            try await apply(correction, to: record, form: &form, db: db)
            guard form.issues.isEmpty else { throw InputError.invalid(form.issues) }
            guard MemberCoreFields(record) != before else {
                throw InputError.invalid(
                    field: "fullName", vi: "Không có thông tin nào thay đổi.", en: "Nothing was changed.")
            }
            try await record.update(on: db)
            try await audit(
                db, action: "correct", id: id, before: AuditTrail.json(before),
                after: AuditTrail.json(MemberCoreFields(record, reason: reason)), today: today, actor: actor)
        }
    }

    /// Records a dated change of standing: a stored status from `since`, or moving out of the district, which ends
    /// the member's rolls and posts here on `since` (rules.md R13, R26: the history stays).
    public func recordStatus(
        _ id: UUID, _ change: MemberStatusChange, today: CivilDate, actor: Actor
    ) async throws {
        try await db.writeTransaction { db in
            let record = try await member(id, today: today, db: db)
            var form = FormFields()
            let kind = StatusChangeKind(rawValue: change.status ?? "")
            if kind == nil {
                form.refuse("status", vi: "Hãy chọn một thay đổi.", en: "Please choose a change.")
            }
            let since = form.date(change.since, field: "since", label: MemberFieldName.since)
            if since == nil && FormFields.text(change.since) == nil {
                form.refuse("since", vi: "Cần ghi ngày bắt đầu.", en: "Please give the date it starts.")
            }
            let reason = form.reason(change.reason)
            guard form.issues.isEmpty, let kind, let since else { throw InputError.invalid(form.issues) }
            let party = try record.partyRecord
            try StatusChangeCheck(party: party, kind: kind, since: since, today: today).check()
            let before = AuditTrail.json(StatusEntry(status: party.status.rawValue, since: party.statusSince?.iso))
            let unit = try await officialUnit(id, on: today, db: db)
            if let status = kind.status {
                record.status = status.rawValue
                record.statusSince = since.iso
                try await record.update(on: db)
            } else {
                try await endRolls(of: id, on: since, db: db)
            }
            try await Self.audit(
                db, action: "status", id: id, before: before,
                after: AuditTrail.json(StatusEntry(status: kind.rawValue, since: since.iso, reason: reason)),
                unit: unit, actor: actor)
        }
    }

    /// The member, when on a roll in the scope today.
    func member(_ id: UUID, today: CivilDate, db: any Database) async throws -> MemberRecord {
        var query = MemberRecord.query(on: db).filter(\.$id == id)
        if let organisations = scope.organisationFilter {
            query = query.filter(MemberDirectory.onRollOf(organisations, on: today))
        }
        guard let record = try await query.first() else { throw StorageError.notFound("no member \(id)") }
        return record
    }

    /// The unit of the member's official cell on `date`, which the audit entry names.
    func officialUnit(_ id: UUID, on date: CivilDate, db: any Database) async throws -> UUID? {
        let cell = try await MembershipRecord.query(on: db).filter(\.$memberID == id)
            .filter(\.$kind == MembershipKind.official.rawValue).inForce(on: date).first()
        return try await cell.asyncMap { try await OrganisationRecord.find($0.organisationID, on: db)?.unitID } ?? nil
    }

    /// The audit entry of a change to the member, naming the unit of the member's official cell today.
    func audit(
        _ db: any Database, action: String, id: UUID, before: String?, after: String?, today: CivilDate, actor: Actor
    ) async throws {
        try await Self.audit(
            db, action: action, id: id, before: before, after: after,
            unit: try await officialUnit(id, on: today, db: db), actor: actor)
    }

    /// The audit entry of a change to member `id` (its record, status or posts), in the change's transaction.
    static func audit(
        _ db: any Database, action: String, id: UUID, before: String? = nil, after: String?, unit: UUID?, actor: Actor
    ) async throws {
        try await AuditTrail(db: db, scope: .storageInternal).record(
            AuditEvent(
                actor: actor.name, action: action, entity: "member", entityID: id.uuidString, before: before,
                after: after, requestID: actor.requestID, unitID: unit))
    }
}

/// A status change as typed on the form.
public struct MemberStatusChange: Sendable, Codable, Equatable {
    /// A `StatusChangeKind` raw value.
    public var status: String?
    /// The day it takes effect, ISO text.
    public var since: String?
    public var reason: String?

    public init(status: String? = nil, since: String? = nil, reason: String? = nil) {
        self.status = status
        self.since = since
        self.reason = reason
    }
}

/// A status change's before and after in the audit trail.
struct StatusEntry: Codable {
    var status: String
    var since: String?
    var reason: String?
}
