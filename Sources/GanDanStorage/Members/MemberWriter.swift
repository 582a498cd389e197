import FluentKit
import Foundation
import GanDanCore

/// Fields a secretary keeps up to date for a member, often on the member's behalf (rules.md R29).
public struct MemberContactChange: Sendable, Codable, Equatable {
    public var phone: String?
    public var education: String?
    public var ethnicity: String?

    public init(phone: String? = nil, education: String? = nil, ethnicity: String? = nil) {
        self.phone = phone
        self.education = education
        self.ethnicity = ethnicity
    }
}

/// Changes to members, limited to those on a roll in `scope` and written to the audit trail in the same transaction.
public struct MemberWriter: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// Sets the given contact fields (an empty string clears one); returns the member as now stored.
    public func updateContact(_ id: UUID, _ change: MemberContactChange, on date: CivilDate, actor: Actor) async throws
    {
        var issues: [InputIssue] = []
        let phone = change.phone?.trimmingCharacters(in: .whitespaces)
        if let phone, !phone.isEmpty, !MemberValidation.isValidPhone(phone) {
            issues.append(
                InputIssue(
                    field: "phone", vi: "\"\(phone)\" không phải số điện thoại.",
                    en: "\"\(phone)\" is not a phone number."))
        }
        if let education = change.education, education.count > 60 {
            issues.append(
                InputIssue(field: "education", vi: "Dài hơn 60 ký tự.", en: "It is longer than 60 characters."))
        }
        if let ethnicity = change.ethnicity, ethnicity.count > 40 {
            issues.append(
                InputIssue(field: "ethnicity", vi: "Dài hơn 40 ký tự.", en: "It is longer than 40 characters."))
        }
        guard issues.isEmpty else { throw InputError.invalid(issues) }
        try await db.writeTransaction { db in
            var query = MemberRecord.query(on: db).filter(\.$id == id)
            if let organisations = scope.organisationFilter {
                query = query.filter(MemberDirectory.onRollOf(organisations, on: date))
            }
            guard let record = try await query.first() else { throw StorageError.notFound("no member \(id)") }
            let before = AuditTrail.json(MemberContactChange(record))
            if let phone { record.phone = phone.isEmpty ? nil : phone }
            if let education = change.education?.trimmingCharacters(in: .whitespaces) {
                record.education = education.isEmpty ? nil : education
            }
            if let ethnicity = change.ethnicity?.trimmingCharacters(in: .whitespaces), !ethnicity.isEmpty {
                record.ethnicity = ethnicity
            }
            try await record.update(on: db)
            let cell = try await MembershipRecord.query(on: db).filter(\.$memberID == id)
                .filter(\.$kind == MembershipKind.official.rawValue).inForce(on: date).first()
            let unit = try await cell.asyncMap { try await OrganisationRecord.find($0.organisationID, on: db)?.unitID }
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "update", entity: "member", entityID: id.uuidString, before: before,
                    after: AuditTrail.json(MemberContactChange(record)), requestID: actor.requestID, unitID: unit ?? nil
                ))
        }
    }
}

extension MemberContactChange {
    init(_ record: MemberRecord) {
        self.init(phone: record.phone, education: record.education, ethnicity: record.ethnicity)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
