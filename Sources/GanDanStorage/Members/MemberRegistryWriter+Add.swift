import FluentKit
import Foundation
import GanDanCore

/// A new member as typed on the form (dates as ISO text).
public struct NewMember: Sendable, Codable, Equatable {
    public var fullName: String?
    public var birthDate: String?
    /// `Sex` raw value.
    public var sex: String?
    public var ethnicity: String?
    public var citizenID: String?
    public var cardNumber: String?
    public var admittedOn: String?
    public var officialOn: String?
    /// The day the member joined the cell.
    public var joinedOn: String?
    /// "on" when the person who adds the member confirmed a possible duplicate.
    public var confirmDuplicate: String?

    public init(
        fullName: String? = nil, birthDate: String? = nil, sex: String? = nil, ethnicity: String? = nil,
        citizenID: String? = nil, cardNumber: String? = nil, admittedOn: String? = nil, officialOn: String? = nil,
        joinedOn: String? = nil, confirmDuplicate: String? = nil
    ) {
        self.fullName = fullName
        self.birthDate = birthDate
        self.sex = sex
        self.ethnicity = ethnicity
        self.citizenID = citizenID
        self.cardNumber = cardNumber
        self.admittedOn = admittedOn
        self.officialOn = officialOn
        self.joinedOn = joinedOn
        self.confirmDuplicate = confirmDuplicate
    }
}

extension MemberRegistryWriter {
    /// The field of the warning about a possible duplicate (same name and birth date), which the form confirms.
    public static let duplicateField = "confirmDuplicate"

    /// Adds a member to a cell of the scope from the day they joined it: refuses what the import refuses (a citizen ID
    /// or card number already registered, dates out of order, a cell not in force that day, rules.md R26) and warns,
    /// unless confirmed, of a member with the same name and birth date. Returns the new member's id.
    public func add(_ form: NewMember, to cellID: UUID, today: CivilDate, actor: Actor) async throws -> UUID {
        try await db.writeTransaction { db in
            guard scope.contains(organisation: cellID), let cell = try await OrganisationRecord.find(cellID, on: db),
                try cell.decode(\.$kind, as: OrganisationKind.self).isCell
            else { throw StorageError.notFound("no cell \(cellID)") }
            let record = MemberRecord()
            let id = UUID()
            record.id = id
            record.status = PartyStatus.probationary.rawValue
            record.ethnicity = ""
            var fields = FormFields()
            let sex = Sex(rawValue: form.sex ?? "")
            if sex == nil { fields.refuse("sex", vi: "Hãy chọn giới tính.", en: "Please choose the sex.") }
            if let ethnicity = FormFields.text(form.ethnicity), ethnicity.count <= 40 {
                record.ethnicity = ethnicity
            } else {
                fields.refuse("ethnicity", vi: "Cần ghi dân tộc.", en: "Please give the ethnic group.")
            }
            record.sex = sex?.rawValue ?? ""
            record.fullName = ""
            // Placeholders `apply` replaces with the typed dates; a blank or wrong date refuses the form before it is
            // written.
            record.birthDate = "1900-01-01"
            record.admittedOn = "1900-01-01"
            let correction = MemberCorrection(
                fullName: form.fullName ?? "", birthDate: form.birthDate ?? "", citizenID: form.citizenID ?? "",
                cardNumber: form.cardNumber ?? "", admittedOn: form.admittedOn ?? "", officialOn: form.officialOn ?? "")
            let joined = fields.date(form.joinedOn, field: "joinedOn", label: MemberFieldName.joinedOn)
            if FormFields.text(form.joinedOn) == nil {
                fields.refuse(
                    "joinedOn", vi: "Cần ghi ngày vào chi bộ.", en: "Please give the day the member joined the cell.")
            }
            try await apply(correction, to: record, form: &fields, db: db)
            guard fields.issues.isEmpty, let joined else { throw InputError.invalid(fields.issues) }
            try checkJoined(joined, record: record, cell: cell, today: today)
            try await warnOfDuplicate(record, confirmed: form.confirmDuplicate == "on", db: db)
            try await record.create(on: db)
            try await MembershipRecord(
                member: id, cell: cellID, kind: MembershipKind.official.rawValue, transfer: .initial, from: joined
            ).create(on: db)
            try await audit(
                db, action: "create", id: id, before: nil,
                after: AuditTrail.json(MemberCoreFields(record)), today: today, actor: actor)
            return id
        }
    }

    private func checkJoined(_ joined: CivilDate, record: MemberRecord, cell: OrganisationRecord, today: CivilDate)
        throws
    {
        if joined > today {
            throw InputError.invalid(
                field: "joinedOn", vi: "Ngày vào chi bộ \(joined.vietnamese) chưa đến.",
                en: "The day of joining the cell, \(joined.vietnamese), has not come yet.")
        }
        if joined.iso < record.admittedOn {
            throw InputError.invalid(
                field: "joinedOn", vi: "Ngày vào chi bộ \(joined.vietnamese) trước ngày vào Đảng.",
                en: "The day of joining the cell, \(joined.vietnamese), is before admission.")
        }
        guard try cell.validity.contains(joined) else {
            throw InputError.invalid(
                field: "joinedOn",
                vi: "Ngày \(joined.vietnamese) \(cell.name) chưa thành lập hoặc đã giải thể.",
                en: "On \(joined.vietnamese) \(cell.name) had not been founded or had been dissolved.")
        }
    }

    /// A member with the same name and birth date stops the form until the person confirms (as the import warns).
    private func warnOfDuplicate(_ record: MemberRecord, confirmed: Bool, db: any Database) async throws {
        guard !confirmed else { return }
        let same = try await MemberRecord.query(on: db).filter(\.$nameSearch == record.nameSearch)
            .filter(\.$birthDate == record.birthDate).count()
        guard same > 0 else { return }
        let born = CivilDate(record.birthDate)?.vietnamese ?? record.birthDate
        throw InputError.invalid(
            field: Self.duplicateField,
            vi: "Hồ sơ đã có một đảng viên tên \(record.fullName), sinh ngày \(born). Nếu đây là người khác, "
                + "hãy đánh dấu xác nhận rồi ghi lại.",
            en: "A member named \(record.fullName), born \(born), is already registered. If this is another person, "
                + "tick the confirmation and save again.")
    }
}
