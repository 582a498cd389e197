import FluentKit
import Foundation
import GanDanCore

/// One assignment of an upper-level committee member to a cell, with its dates (rules.md R11, R26).
public struct CommitteeAssignmentView: Codable, Sendable, Hashable {
    public var id: UUID
    public var cellID: UUID
    public var member: NamedID
    public var validity: Validity
    public var createdBy: String
}

/// Who follows a cell for the committee above it: a member of the registry, assigned from a day until another day,
/// never free text (rules.md R11). A new assignment ends the one in force on its first day; the history is kept
/// (rules.md R26) and every change is audited (rules.md R30).
///
/// Reads check the cell against `scope`; writes check the cell and the committee above it (the committee decides).
public struct CommitteeAssignments: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// Every assignment of the cell, oldest first; empty outside the scope.
    public func history(of cellID: UUID) async throws -> [CommitteeAssignmentView] {
        guard try await cellRecord(cellID) != nil else { return [] }
        let records = try await CommitteeAssignmentRecord.query(on: db).filter(\.$cellID == cellID)
            .sort(\.$validFrom).all()
        return try await views(records)
    }

    /// The assignment in force on `date`, if any.
    public func assigned(to cellID: UUID, on date: CivilDate) async throws -> CommitteeAssignmentView? {
        guard try await cellRecord(cellID) != nil,
            let record = try await Self.record(of: cellID, on: date, db: db)
        else { return nil }
        return try await views([record]).first
    }

    /// Who may be assigned on `date`: the members holding a post of the committee directly above the cell, the
    /// upper-level committee (rules.md R11).
    public func candidates(for cellID: UUID, on date: CivilDate) async throws -> [NamedID] {
        guard let cell = try await cellRecord(cellID), let committee = cell.parentID else { return [] }
        let holders = Set(
            try await PostRecord.query(on: db).filter(\.$organisationID == committee)
                .filter(\.$kind ~~ CellMeetings.standingBodyPosts.map(\.rawValue)).inForce(on: date).all()
                .map(\.memberID))
        guard !holders.isEmpty else { return [] }
        return try await MemberRecord.query(on: db).filter(\.$id ~~ Array(holders)).sort(\.$nameSort).sort(\.$id)
            .all().map { NamedID(id: try $0.requireID(), name: $0.fullName) }
    }

    /// Assigns `memberID` to follow the cell from `date`; the assignment in force then ends that day.
    @discardableResult
    public func assign(cellID: UUID, memberID: UUID, from date: CivilDate, actor: Actor) async throws
        -> CommitteeAssignmentView
    {
        try date.requireSupported(field: "from")
        let cell = try await writableCell(cellID)
        guard try cell.validity.contains(date) else {
            throw InputError.invalid(
                field: "from", vi: "\(cell.name) không còn hoạt động ngày \(date.vietnamese).",
                en: "\(cell.name) is not in force on \(date.vietnamese).")
        }
        guard try await candidates(for: cellID, on: date).contains(where: { $0.id == memberID }) else {
            // rules.md R11: the member assigned holds a post of the committee above the cell.
            throw InputError.invalid(
                field: "memberID",
                vi:
                    "Người được chọn không giữ chức vụ nào trong cấp ủy cấp trên của \(cell.name) ngày \(date.vietnamese).",
                en: "The person chosen holds no post of the committee above \(cell.name) on \(date.vietnamese).")
        }
        let latest = try await CommitteeAssignmentRecord.query(on: db).filter(\.$cellID == cellID)
            .sort(\.$validFrom, .descending).first()
        if let latest {
            guard latest.validFrom < date.iso, latest.validUntil.map({ $0 <= date.iso }) ?? true else {
                throw StorageError.conflict(
                    vi: "Ngày \(date.vietnamese) đã có phân công từ trước; không sửa lại phân công đã qua.",
                    en: "the assignment from \(latest.validFrom) stands on \(date.iso): history is not rewritten")
            }
            if latest.validUntil == nil && latest.memberID == memberID {
                throw StorageError.conflict(
                    vi: "Cấp ủy viên này đang phụ trách \(cell.name).",
                    en: "this member is already assigned to \(cell.name)")
            }
        }
        let record = CommitteeAssignmentRecord()
        record.id = UUID()
        record.cellID = cellID
        record.memberID = memberID
        record.validFrom = date.iso
        record.createdBy = actor.name
        record.createdAt = Date()
        try await db.writeTransaction { db in
            if let latest, latest.validUntil == nil {
                latest.validUntil = date.iso
                try await latest.update(on: db)
            }
            try await record.create(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "create", entity: "committee_assignment",
                    entityID: record.id?.uuidString,
                    after: "{\"cell\":\"\(cellID)\",\"member\":\"\(memberID)\",\"from\":\"\(date.iso)\"}",
                    requestID: actor.requestID, unitID: cell.unitID))
        }
        return try await views([record]).first!
    }

    /// Ends the assignment in force: from `date` no committee member follows the cell until another is assigned.
    @discardableResult
    public func end(cellID: UUID, on date: CivilDate, actor: Actor) async throws -> CommitteeAssignmentView {
        try date.requireSupported(field: "on")
        let cell = try await writableCell(cellID)
        guard
            let open = try await CommitteeAssignmentRecord.query(on: db).filter(\.$cellID == cellID)
                .filter(\.$validUntil == nil).first()
        else {
            throw StorageError.conflict(
                vi: "Chưa có cấp ủy viên nào được phân công phụ trách \(cell.name).",
                en: "no committee member is assigned to \(cell.name)")
        }
        guard open.validFrom < date.iso else {
            let began = CivilDate(open.validFrom)?.vietnamese ?? open.validFrom
            throw InputError.invalid(
                field: "on", vi: "Phân công bắt đầu từ ngày \(began), sau ngày \(date.vietnamese).",
                en: "The assignment began on \(began), after \(date.vietnamese).")
        }
        try await db.writeTransaction { db in
            open.validUntil = date.iso
            try await open.update(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "end", entity: "committee_assignment", entityID: open.id?.uuidString,
                    after: "{\"until\":\"\(date.iso)\"}", requestID: actor.requestID, unitID: cell.unitID))
        }
        return try await views([open]).first!
    }

    /// The cell in the scope, or nil.
    func cellRecord(_ id: UUID) async throws -> OrganisationRecord? {
        guard scope.contains(organisation: id), let cell = try await OrganisationRecord.find(id, on: db),
            try cell.decode(\.$kind, as: OrganisationKind.self).isCell
        else { return nil }
        return cell
    }

    /// The cell, when the scope holds it and the committee above it (404 otherwise).
    func writableCell(_ id: UUID) async throws -> OrganisationRecord {
        guard let cell = try await cellRecord(id), let committee = cell.parentID,
            scope.contains(organisation: committee)
        else { throw StorageError.notFound("no cell \(id) whose committee you may assign for") }
        return cell
    }

    /// The assignment of a cell in force on `date`, read unscoped by callers that checked the cell.
    static func record(of cellID: UUID, on date: CivilDate, db: any Database) async throws
        -> CommitteeAssignmentRecord?
    {
        try await CommitteeAssignmentRecord.query(on: db).filter(\.$cellID == cellID).inForce(on: date).first()
    }

    func views(_ records: [CommitteeAssignmentRecord]) async throws -> [CommitteeAssignmentView] {
        let names = try await CellMeetings(db: db, scope: .storageInternal).memberNames(
            Array(Set(records.map(\.memberID))))
        return try records.map {
            CommitteeAssignmentView(
                id: try $0.requireID(), cellID: $0.cellID,
                member: NamedID(id: $0.memberID, name: names[$0.memberID] ?? ""),
                validity: try $0.validity, createdBy: $0.createdBy)
        }
    }
}
