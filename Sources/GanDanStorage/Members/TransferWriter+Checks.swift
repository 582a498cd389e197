import FluentKit
import Foundation
import GanDanCore

/// A transfer form read and checked field by field.
struct TypedTransfer {
    var kind: TransferKind
    var cell: OrganisationRecord
    var on: CivilDate
    var until: CivilDate?
    var reason: String
}

extension TransferWriter {
    static let noSuchTransfer = InputError.invalid(
        field: "transfer", vi: "Không tìm thấy việc chuyển sinh hoạt này.", en: "There is no such transfer.")

    /// The form's fields, each problem named by its field.
    func read(_ form: TransferForm, today: CivilDate, db: any Database) async throws -> TypedTransfer {
        var fields = FormFields()
        let kind = TransferKind(rawValue: form.kind ?? "").flatMap { $0 == .initial ? nil : $0 }
        if kind == nil {
            fields.refuse("kind", vi: "Hãy chọn hình thức chuyển sinh hoạt.", en: "Please choose the kind of transfer.")
        }
        var cell: OrganisationRecord?
        if let id = UUID(uuidString: form.toCell ?? ""), scope.contains(organisation: id),
            let found = try await OrganisationRecord.find(id, on: db),
            try found.decode(\.$kind, as: OrganisationKind.self).isCell
        {
            cell = found
        } else {
            fields.refuse("toCell", vi: "Hãy chọn chi bộ nơi đến.", en: "Please choose the receiving cell.")
        }
        let on = fields.date(form.on, field: "on", label: TransferFieldName.on)
        if FormFields.text(form.on) == nil {
            fields.refuse("on", vi: "Cần ghi ngày chuyển.", en: "Please give the day of the transfer.")
        } else if let on, on > today {
            fields.refuse(
                "on", vi: "Ngày chuyển \(on.vietnamese) chưa đến.",
                en: "The day of the transfer, \(on.vietnamese), has not come yet.")
        }
        var until: CivilDate?
        if kind == .temporary {
            until = fields.date(form.until, field: "until", label: TransferFieldName.until)
            if FormFields.text(form.until) == nil {
                fields.refuse(
                    "until", vi: "Cần ghi ngày kết thúc sinh hoạt tạm thời.",
                    en: "Please give the day the temporary transfer ends.")
            }
        }
        let reason = fields.reason(form.reason)
        guard fields.issues.isEmpty, let kind, let cell, let on, let reason else {
            throw InputError.invalid(fields.issues)
        }
        return TypedTransfer(kind: kind, cell: cell, on: on, until: until, reason: reason)
    }

    /// Whether the member may move as typed; returns the member's official cell on the day (rules.md R13, R26).
    func checkMove(_ member: MemberRecord, _ typed: TypedTransfer, db: any Database) async throws -> OrganisationRecord
    {
        let memberID = try member.requireID()
        let on = typed.on
        let current = try await MembershipRecord.query(on: db).filter(\.$memberID == memberID)
            .filter(\.$kind == MembershipKind.official.rawValue).inForce(on: on).first()
        guard let current, let from = try await OrganisationRecord.find(current.organisationID, on: db) else {
            throw InputError.invalid(
                field: "on", vi: "Ngày \(on.vietnamese) đảng viên không sinh hoạt ở chi bộ nào.",
                en: "On \(on.vietnamese) the member is on no cell's roll.")
        }
        if try member.partyRecord.standing(on: on) == nil {
            throw InputError.invalid(
                field: "on", vi: "Ngày \(on.vietnamese) \(member.fullName) không phải là đảng viên.",
                en: "On \(on.vietnamese) \(member.fullName) is not a party member.")
        }
        let waiting = try await MemberTransferRecord.query(on: db).filter(\.$memberID == memberID)
            .filter(\.$kind == TransferKind.official.rawValue).filter(\.$receivedOn == nil)
            .filter(\.$cancelledOn == nil).first()
        let move = TransferMove(
            kind: typed.kind, fromCell: current.organisationID.uuidString,
            toCell: try typed.cell.requireID().uuidString,
            toCellName: typed.cell.name, receiving: try typed.cell.validity, on: on, until: typed.until,
            joinedCellOn: try current.validity.from, stillOnCell: current.validUntil == nil,
            waitingSentOn: try waiting?.date(\.$sentOn))
        if let problem = move.problem {
            let field: String
            switch problem.part {
            case .receivingCell: field = "toCell"
            case .day: field = "on"
            case .member: field = "kind"
            }
            throw InputError.invalid(field: field, vi: problem.text.vi, en: problem.text.en)
        }
        try await checkCommittees(from: from, to: typed, db: db)
        if typed.kind == .temporary { try await checkTemporary(memberID, typed, db: db) }
        return from
    }

    /// The receiving cell stands on the day it receives.
    func checkInForce(_ cell: OrganisationRecord, from: CivilDate, until: CivilDate?) throws {
        guard try cell.validity.contains(from) else {
            let text = TransferMoveProblem.cellNotInForce(cell.name, on: from).text
            throw InputError.invalid(field: "toCell", vi: text.vi, en: text.en)
        }
    }

    /// Official transfers go to another grassroots committee, internal ones stay within one (rules.md R13).
    func checkCommittees(from: OrganisationRecord, to typed: TypedTransfer, db: any Database) async throws {
        guard typed.kind != .temporary else { return }
        let same = try await committee(of: from, db: db) == committee(of: typed.cell, db: db)
        if typed.kind == .official, same {
            throw InputError.invalid(
                field: "kind",
                vi: "\(typed.cell.name) thuộc cùng đảng bộ cơ sở: hãy chọn chuyển sinh hoạt nội bộ.",
                en: "\(typed.cell.name) is under the same grassroots committee: choose an internal transfer.")
        }
        if typed.kind == .internal, !same {
            throw InputError.invalid(
                field: "kind",
                vi: "\(typed.cell.name) thuộc đảng bộ cơ sở khác: hãy chọn chuyển sinh hoạt chính thức.",
                en: "\(typed.cell.name) is under another grassroots committee: choose an official transfer.")
        }
    }

    /// The grassroots committee above a cell (the cell itself when none is found above it).
    func committee(of cell: OrganisationRecord, db: any Database) async throws -> UUID? {
        var next: OrganisationRecord? = cell
        var steps = 0
        while let organisation = next, steps < 8 {
            if try organisation.decode(\.$kind, as: OrganisationKind.self) == .grassrootsCommittee {
                return organisation.id
            }
            next = try await organisation.parentID.asyncMap { try await OrganisationRecord.find($0, on: db) } ?? nil
            steps += 1
        }
        return cell.id
    }

    /// A temporary transfer lasts 3 to 12 months and does not overlap another temporary one (rules.md R13).
    func checkTemporary(_ memberID: UUID, _ typed: TypedTransfer, db: any Database) async throws {
        guard let until = typed.until else { return }
        if let problem = TransferRules.temporaryLengthProblem(from: typed.on, until: until) {
            throw InputError.invalid(field: "until", vi: problem.vi, en: problem.en)
        }
        let overlapping = try await MembershipRecord.query(on: db).filter(\.$memberID == memberID)
            .filter(\.$kind == MembershipKind.temporary.rawValue).filter(\.$validFrom < until.iso).all()
            .filter { $0.validUntil.map { $0 > typed.on.iso } ?? true }
        guard overlapping.isEmpty else {
            throw InputError.invalid(
                field: "on", vi: "Trong thời gian này đảng viên đã sinh hoạt tạm thời ở một chi bộ khác.",
                en: "In this period the member is already on a temporary transfer to another cell.")
        }
    }

    /// The temporary membership in the host cell, from–until, beside the official one (rules.md R13: no vote there).
    func openTemporary(_ memberID: UUID, _ typed: TypedTransfer, db: any Database) async throws {
        try await MembershipWriter.openTemporary(
            memberID, in: try typed.cell.requireID(), from: typed.on, until: typed.until, db: db)
    }

    /// A pending official transfer by its id, into `cellID` when given (which must be in the scope).
    func pending(_ text: String?, into cellID: UUID?, db: any Database) async throws -> MemberTransferRecord {
        guard let id = UUID(uuidString: text ?? ""),
            let record = try await MemberTransferRecord.find(id, on: db),
            cellID.map({ $0 == record.toCellID && scope.contains(organisation: $0) }) ?? true
        else { throw Self.noSuchTransfer }
        if let received = record.receivedOn.flatMap(CivilDate.init) {
            throw InputError.invalid(
                field: "transfer", vi: "Việc chuyển sinh hoạt này đã được nhận ngày \(received.vietnamese).",
                en: "This transfer was already received on \(received.vietnamese).")
        }
        if record.cancelledOn != nil {
            throw InputError.invalid(
                field: "transfer", vi: "Việc chuyển sinh hoạt này đã bị hủy.", en: "This transfer was cancelled.")
        }
        return record
    }

    /// A transfer is received on or after the day it was sent, not in the future, into a cell standing that day,
    /// while the member is still on the sending cell's roll.
    func checkReceipt(_ record: MemberTransferRecord, on day: CivilDate, today: CivilDate, db: any Database)
        async throws
    {
        let sent = CivilDate(record.sentOn) ?? day
        if day < sent || day > today {
            throw InputError.invalid(
                field: "receivedOn",
                vi: "Ngày nhận phải từ ngày chuyển đi (\(sent.vietnamese)) đến hôm nay.",
                en: "The day received must be between the day it was sent (\(sent.vietnamese)) and today.")
        }
        guard let cell = try await OrganisationRecord.find(record.toCellID, on: db) else { throw Self.noSuchTransfer }
        try checkInForce(cell, from: day, until: nil)
        let current = try await MembershipRecord.query(on: db).filter(\.$memberID == record.memberID)
            .filter(\.$kind == MembershipKind.official.rawValue).inForce(on: day).first()
        guard let current, current.organisationID == record.fromCellID, current.validUntil == nil,
            current.validFrom < day.iso
        else {
            throw InputError.invalid(
                field: "receivedOn",
                vi: "Ngày \(day.vietnamese) đảng viên không còn sinh hoạt ở chi bộ đã chuyển đi.",
                en: "On \(day.vietnamese) the member is no longer on the sending cell's roll.")
        }
    }
}
