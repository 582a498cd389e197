import FluentKit
import Foundation
import GanDanCore

/// A congress as typed on the form.
public struct CongressForm: Sendable, Codable, Equatable {
    /// The day it was held, ISO text.
    public var heldOn: String?
    /// A note (the decision approving the result, for example); optional.
    public var note: String?

    public init(heldOn: String? = nil, note: String? = nil) {
        self.heldOn = heldOn
        self.note = note
    }
}

extension CellCommittees {
    /// Records a congress the cell held, refusing a day after today, a day the cell was not in force, and a second
    /// congress on the same day; audited in the same transaction (rules.md R6, R30).
    @discardableResult
    public func recordCongress(_ cellID: UUID, _ input: CongressForm, today: CivilDate, actor: Actor) async throws
        -> CellCongress
    {
        guard let cell = try await cell(cellID) else { throw StorageError.notFound("no cell \(cellID)") }
        var form = FormFields()
        let label = BilingualText(vi: "Ngày đại hội", en: "Day of the congress")
        let day = form.date(input.heldOn, field: "heldOn", label: label)
        if FormFields.text(input.heldOn) == nil {
            form.refuse("heldOn", vi: "Cần ghi ngày đại hội.", en: "Please give the day of the congress.")
        }
        let note = FormFields.text(input.note)
        if let note, note.count > 500 {
            form.refuse("note", vi: "Ghi chú dài quá 500 ký tự.", en: "The note is longer than 500 characters.")
        }
        guard form.issues.isEmpty, let day else { throw InputError.invalid(form.issues) }
        if today < day {
            throw InputError.invalid(
                field: "heldOn", vi: "Ngày đại hội \(day.vietnamese) chưa đến.",
                en: "The day of the congress, \(day.vietnamese), has not come yet.")
        }
        guard try cell.validity.contains(day) else {
            throw InputError.invalid(
                field: "heldOn", vi: "Ngày \(day.vietnamese) \(cell.name) chưa thành lập hoặc đã giải thể.",
                en: "On \(day.vietnamese) \(cell.name) had not been founded or had been dissolved.")
        }
        let record = CellCongressRecord()
        record.id = UUID()
        record.organisationID = cellID
        record.heldOn = day.iso
        record.note = note
        record.createdBy = actor.name
        try await db.writeTransaction { db in
            if try await CellCongressRecord.query(on: db).filter(\.$organisationID == cellID)
                .filter(\.$heldOn == day.iso).first() != nil
            {
                throw StorageError.conflict(
                    vi: "Đã ghi đại hội của \(cell.name) ngày \(day.vietnamese).",
                    en: "A congress of \(cell.name) on \(day.vietnamese) is already recorded.")
            }
            try await record.create(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "record_congress", entity: "organisation", entityID: cellID.uuidString,
                    after: AuditTrail.json(CongressEntry(heldOn: day.iso, note: note)), requestID: actor.requestID,
                    unitID: cell.unitID))
        }
        return try Self.congress(record)
    }
}

/// A recorded congress in the audit trail.
struct CongressEntry: Encodable {
    var heldOn: String
    var note: String?
}
