import FluentKit
import Foundation
import GanDanCore

/// The tree kept on the web (issue 18): villages and party cells created, renamed, moved and ended on a date by a
/// planner or administrator within `scope`, each change with its required reason in the audit trail. History is
/// never rewritten (rules.md R26): a change on a date keeps the earlier state for the days before it. A refused
/// change writes nothing and names the field.
public struct TreeEditor: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// The unit's version in force on `date` that a change on `date` closes: the last one, begun before `date`.
    func lastVersion(_ unitID: UUID, on date: CivilDate, field: String, db: any Database) async throws -> UnitRecord {
        let versions = try await UnitRecord.query(on: db).filter(\.$unitID == unitID).sort(\.$validFrom).all()
        guard let last = versions.last else { throw StorageError.notFound("no unit \(unitID)") }
        let from = try last.date(\.$validFrom)
        if let until = try last.date(\.$validUntil) {
            throw InputError.invalid(
                field: field, vi: "\(last.name) đã kết thúc từ ngày \(until.vietnamese).",
                en: "\(last.name) ended on \(until.vietnamese).")
        }
        guard from < date else {
            throw InputError.invalid(
                field: field,
                vi:
                    "Ngày \(date.vietnamese) không sau lần thay đổi gần nhất (\(from.vietnamese)): lịch sử không được ghi đè.",
                en: "\(date.vietnamese) is not after the latest change (\(from.vietnamese)): history is not rewritten.")
        }
        return last
    }

    /// The date, reason and the other fields' problems of a form, refused together when any is wrong.
    static func required(_ text: String?, field: String, label: BilingualText, form: inout FormFields) -> CivilDate? {
        if FormFields.text(text) == nil {
            form.refuse(field, vi: "\(label.vi): cần ghi ngày.", en: "\(label.en): please give the date.")
            return nil
        }
        return form.date(text, field: field, label: label)
    }

    /// A name: required, at most 120 characters, spaces tidied.
    static func name(_ text: String?, field: String, form: inout FormFields) -> String? {
        let name = MemberValidation.normalisedName(text ?? "")
        if name.isEmpty {
            form.refuse(field, vi: "Cần ghi tên.", en: "Please give the name.")
            return nil
        }
        guard name.count <= 120 else {
            form.refuse(field, vi: "Tên dài quá 120 ký tự.", en: "The name is longer than 120 characters.")
            return nil
        }
        return name
    }

    /// A date before `from` or on/after `until` of the body it belongs to is refused, naming that body's dates.
    static func within(
        _ date: CivilDate, _ validity: Validity, of body: String, field: String, form: inout FormFields
    ) {
        if date < validity.from {
            form.refuse(
                field, vi: "Ngày \(date.vietnamese) trước khi \(body) có (từ \(validity.from.vietnamese)).",
                en: "\(date.vietnamese) is before \(body) existed (from \(validity.from.vietnamese)).")
        } else if let until = validity.until, date >= until {
            form.refuse(
                field, vi: "Ngày \(date.vietnamese) sau khi \(body) đã kết thúc (\(until.vietnamese)).",
                en: "\(date.vietnamese) is after \(body) ended (\(until.vietnamese)).")
        }
    }

    func record(
        _ db: any Database, action: String, entity: String, id: UUID, before: String?, after: String?, unit: UUID,
        actor: Actor
    ) async throws {
        try await AuditTrail(db: db, scope: .storageInternal).record(
            AuditEvent(
                actor: actor.name, action: action, entity: entity, entityID: id.uuidString, before: before,
                after: after, requestID: actor.requestID, unitID: unit))
    }
}

/// An organisation's state in the audit trail, with the reason for the change.
struct ReasonedOrganisation: Encodable {
    var organisation: OrganisationSnapshot
    var reason: String?

    func encode(to encoder: any Encoder) throws {
        try organisation.encode(to: encoder)
        var container = encoder.container(keyedBy: ReasonedUnit.Key.self)
        try container.encodeIfPresent(reason, forKey: .reason)
    }
}
