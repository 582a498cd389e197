import FluentKit
import Foundation
import GanDanCore

/// A transfer as typed on the registry page's "Chuyển sinh hoạt" form.
public struct TransferForm: Sendable, Codable, Equatable {
    /// A `TransferKind` raw value: official, temporary or internal.
    public var kind: String?
    /// The receiving cell's id.
    public var toCell: String?
    /// The day it is sent (official) or takes effect (temporary, internal), ISO text.
    public var on: String?
    /// The day a temporary transfer ends, ISO text.
    public var until: String?
    public var reason: String?

    public init(
        kind: String? = nil, toCell: String? = nil, on: String? = nil, until: String? = nil, reason: String? = nil
    ) {
        self.kind = kind
        self.toCell = toCell
        self.on = on
        self.until = until
        self.reason = reason
    }
}

/// Transfers of one member between cells outside a placement plan (issue 18, rules.md R13, R14), for members on a
/// roll in `scope` and cells in it: an official transfer is sent and waits for the receiving cell (60 working days);
/// a temporary one opens a membership in the host cell from–until beside the official one; an internal one moves the
/// official membership on its day. Each change and its one audit entry are written in one transaction; a refused
/// change writes nothing.
public struct TransferWriter: Sendable {
    let db: any Database
    let scope: AccessScope
    let calendar: WorkingCalendar

    public init(db: any Database, scope: AccessScope, calendar: WorkingCalendar = .vietnam) {
        self.db = db
        self.scope = scope
        self.calendar = calendar
    }

    /// Records the transfer typed on the form; returns its id.
    @discardableResult
    public func send(_ memberID: UUID, _ form: TransferForm, today: CivilDate, actor: Actor) async throws -> UUID {
        try await db.writeTransaction { db in
            let member = try await MemberRegistryWriter(db: db, scope: scope).member(memberID, today: today, db: db)
            let typed = try await read(form, today: today, db: db)
            let from = try await checkMove(member, typed, db: db)
            let record = MemberTransferRecord()
            let id = UUID()
            record.id = id
            record.memberID = memberID
            record.fromCellID = try from.requireID()
            record.toCellID = try typed.cell.requireID()
            record.kind = typed.kind.rawValue
            record.sentOn = typed.on.iso
            record.reason = typed.reason
            record.createdBy = actor.name
            switch typed.kind {
            case .official:
                record.deadline = TransferRules.deadline(sentOn: typed.on, calendar: calendar).iso
            case .temporary:
                record.receivedOn = typed.on.iso
                record.until = typed.until?.iso
                try await openTemporary(memberID, typed, db: db)
            default:
                record.receivedOn = typed.on.iso
                try await MembershipWriter.move(memberID, to: record.toCellID, on: typed.on, kind: .internal, db: db)
                try await endCellPosts(of: memberID, in: record.fromCellID, on: typed.on, db: db)
            }
            try await record.create(on: db)
            try await audit(record, action: "transfer_\(typed.kind.rawValue)", actor: actor, db: db)
            return id
        }
    }

    /// The receiving cell receives a pending official transfer on `on`: the old official membership ends that day
    /// and the new one begins (rules.md R13, R26: the history stays).
    public func receive(_ transferID: String?, into cellID: UUID, on text: String?, today: CivilDate, actor: Actor)
        async throws
    {
        try await db.writeTransaction { db in
            let record = try await pending(transferID, into: cellID, db: db)
            var form = FormFields()
            let day = form.date(text, field: "receivedOn", label: TransferFieldName.receivedOn)
            if FormFields.text(text) == nil {
                form.refuse(
                    "receivedOn", vi: "Cần ghi ngày nhận sinh hoạt.", en: "Please give the day the member is received.")
            }
            guard form.issues.isEmpty, let day else { throw InputError.invalid(form.issues) }
            try await checkReceipt(record, on: day, today: today, db: db)
            try await MembershipWriter.move(record.memberID, to: cellID, on: day, kind: .official, db: db)
            try await endCellPosts(of: record.memberID, in: record.fromCellID, on: day, db: db)
            record.receivedOn = day.iso
            try await record.update(on: db)
            try await audit(record, action: "transfer_receive", actor: actor, db: db)
        }
    }

    /// Cancels a pending official transfer of the member, with the reason; nothing of the rolls changes.
    public func cancel(_ transferID: String?, of memberID: UUID, reason: String?, today: CivilDate, actor: Actor)
        async throws
    {
        try await db.writeTransaction { db in
            _ = try await MemberRegistryWriter(db: db, scope: scope).member(memberID, today: today, db: db)
            let record = try await pending(transferID, into: nil, db: db)
            guard record.memberID == memberID else { throw Self.noSuchTransfer }
            var form = FormFields()
            let reason = form.reason(reason)
            guard form.issues.isEmpty, let reason else { throw InputError.invalid(form.issues) }
            record.cancelledOn = today.iso
            record.reason += " — " + reason
            try await record.update(on: db)
            try await audit(record, action: "transfer_cancel", actor: actor, db: db)
        }
    }

    /// A member who leaves a cell for good leaves its posts (secretary, deputy) the same day (rules.md R2, R26).
    func endCellPosts(of memberID: UUID, in cellID: UUID, on day: CivilDate, db: any Database) async throws {
        let posts = try await PostRecord.query(on: db).filter(\.$memberID == memberID)
            .filter(\.$organisationID == cellID).inForce(on: day).all()
        for post in posts where post.validFrom < day.iso {
            post.validUntil = day.iso
            try await post.update(on: db)
        }
    }

    /// One entry naming the member, both cells' units, and what the transfer is now.
    func audit(_ record: MemberTransferRecord, action: String, actor: Actor, db: any Database) async throws {
        let cells = try await OrganisationRecord.query(on: db).filter(\.$id ~~ [record.fromCellID, record.toCellID])
            .all()
        try await AuditTrail(db: db, scope: .storageInternal).record(
            AuditEvent(
                actor: actor.name, action: action, entity: "member", entityID: record.memberID.uuidString,
                after: AuditTrail.json(TransferEntry(record)), requestID: actor.requestID,
                units: Set(cells.map(\.unitID))))
    }
}

/// A transfer's audit entry.
struct TransferEntry: Codable {
    var transfer: UUID?
    var kind: String
    var fromCell: UUID
    var toCell: UUID
    var sentOn: String
    var deadline: String?
    var receivedOn: String?
    var until: String?
    var cancelledOn: String?
    var reason: String

    init(_ record: MemberTransferRecord) {
        transfer = record.id
        kind = record.kind
        fromCell = record.fromCellID
        toCell = record.toCellID
        sentOn = record.sentOn
        deadline = record.deadline
        receivedOn = record.receivedOn
        until = record.until
        cancelledOn = record.cancelledOn
        reason = record.reason
    }
}

/// The names of the transfer form's fields in messages.
enum TransferFieldName {
    static let on = BilingualText(vi: "Ngày chuyển", en: "Day of the transfer")
    static let until = BilingualText(vi: "Đến ngày", en: "Until")
    static let receivedOn = BilingualText(vi: "Ngày nhận", en: "Day received")
}
