import FluentKit
import Foundation
import GanDanCore

extension MemberRegistryWriter {
    /// Checks the correction's fields and sets them on `record`; every problem is added to `form`.
    func apply(_ correction: MemberCorrection, to record: MemberRecord, form: inout FormFields, db: any Database)
        async throws
    {
        if let name = correction.fullName {
            let normalised = MemberValidation.normalisedName(name)
            if normalised.isEmpty {
                form.refuse("fullName", vi: "Cần ghi họ và tên.", en: "Please give the full name.")
            } else if normalised.count > 120 {
                form.refuse(
                    "fullName", vi: "Họ và tên dài quá 120 ký tự.", en: "The name is longer than 120 characters.")
            } else {
                record.fullName = normalised
                record.nameSort = VietnameseText.personNameSortKey(normalised)
                record.nameSearch = VietnameseText.searchKey(normalised)
            }
        }
        let birth = try requiredDate(
            correction.birthDate, record.date(\.$birthDate), "birthDate", MemberFieldName.birthDate, &form)
        let admitted = try requiredDate(
            correction.admittedOn, record.date(\.$admittedOn), "admittedOn", MemberFieldName.admittedOn, &form)
        var official = try record.date(\.$officialOn)
        if let text = correction.officialOn {
            official = form.date(text, field: "officialOn", label: MemberFieldName.officialOn)
        }
        try await applyIdentifiers(correction, to: record, form: &form, db: db)
        guard let birth, let admitted else { return }
        try await checkDates(birth: birth, admitted: admitted, official: official, record: record, form: &form, db: db)
        record.birthDate = birth.iso
        record.admittedOn = admitted.iso
        record.officialOn = official?.iso
        // The stored status of a member in activity follows the official date (rules.md R23); others keep theirs.
        if record.status == PartyStatus.full.rawValue || record.status == PartyStatus.probationary.rawValue {
            record.status = (official == nil ? PartyStatus.probationary : .full).rawValue
        }
    }

    /// A date field that cannot be cleared: the stored one when not sent, nil (with a problem) when blank or wrong.
    private func requiredDate(
        _ text: String?, _ stored: CivilDate, _ field: String, _ label: BilingualText, _ form: inout FormFields
    ) -> CivilDate? {
        guard let text else { return stored }
        guard FormFields.text(text) != nil else {
            form.refuse(field, vi: "\(label.vi): cần ghi ngày.", en: "\(label.en): please give the date.")
            return nil
        }
        return form.date(text, field: field, label: label)
    }

    private func checkDates(
        birth: CivilDate, admitted: CivilDate, official: CivilDate?, record: MemberRecord, form: inout FormFields,
        db: any Database
    ) async throws {
        if birth.wholeYears(until: admitted) < 16 {
            form.refuse(
                "admittedOn", vi: "Ngày vào Đảng \(admitted.vietnamese) khi đảng viên chưa đủ 16 tuổi.",
                en: "Admitted on \(admitted.vietnamese), before the member was 16.")
        }
        if let official, official < admitted {
            form.refuse(
                "officialOn", vi: "Ngày chính thức \(official.vietnamese) trước ngày vào Đảng.",
                en: "The date made full member, \(official.vietnamese), is before admission.")
        }
        if let since = try record.date(\.$statusSince), since < admitted {
            form.refuse(
                "admittedOn", vi: "Ngày vào Đảng sau ngày của tình trạng đang ghi (\(since.vietnamese)).",
                en: "Admission is after the date of the recorded status (\(since.vietnamese)).")
        }
        let first = try await MembershipRecord.query(on: db).filter(\.$memberID == record.requireID())
            .sort(\.$validFrom).first()
        if let first, first.validFrom < admitted.iso, let joined = CivilDate(first.validFrom) {
            form.refuse(
                "admittedOn", vi: "Ngày vào Đảng sau ngày đảng viên vào chi bộ đầu tiên (\(joined.vietnamese)).",
                en: "Admission is after the day the member joined their first cell (\(joined.vietnamese)).")
        }
        guard form.issues.isEmpty else { throw InputError.invalid(form.issues) }
    }

    /// Citizen ID and card number: well formed, and held by no other member.
    private func applyIdentifiers(
        _ correction: MemberCorrection, to record: MemberRecord, form: inout FormFields, db: any Database
    ) async throws {
        let id = try record.requireID()
        if let text = correction.citizenID {
            let citizenID = FormFields.text(text)
            if let citizenID, !MemberValidation.isValidCitizenID(citizenID) {
                form.refuse(
                    "citizenID", vi: "Số căn cước “\(citizenID)” phải có đúng 12 chữ số.",
                    en: "The citizen ID “\(citizenID)” must have exactly 12 digits.")
            } else if let citizenID,
                try await MemberRecord.query(on: db).filter(\.$citizenID == citizenID)
                    .filter(\.$id != id).first() != nil
            {
                form.refuse(
                    "citizenID", vi: "Số căn cước \(citizenID) đã có trong hồ sơ của một đảng viên khác.",
                    en: "The citizen ID \(citizenID) is already registered for another member.")
            } else {
                record.citizenID = citizenID
            }
        }
        if let text = correction.cardNumber {
            let card = FormFields.text(text)
            if let card, card.count > 20 {
                form.refuse(
                    "cardNumber", vi: "Số thẻ đảng viên dài quá 20 ký tự.",
                    en: "The party card number is longer than 20 characters.")
            } else if let card,
                try await MemberRecord.query(on: db).filter(\.$cardNumber == card).filter(\.$id != id)
                    .first() != nil
            {
                form.refuse(
                    "cardNumber", vi: "Số thẻ \(card) đã có trong hồ sơ của một đảng viên khác.",
                    en: "The card number \(card) is already registered for another member.")
            } else {
                record.cardNumber = card
            }
        }
    }

    /// Ends the member's open memberships and posts on `date` (moving out of the district, rules.md R13).
    func endRolls(of id: UUID, on date: CivilDate, db: any Database) async throws {
        let open = try await MembershipRecord.query(on: db).filter(\.$memberID == id).inForce(on: date).all()
        let official = open.filter { $0.kind == MembershipKind.official.rawValue }
        guard !official.isEmpty else {
            throw InputError.invalid(
                field: "since", vi: "Ngày \(date.vietnamese) đảng viên không sinh hoạt ở chi bộ nào trong huyện.",
                en: "On \(date.vietnamese) the member is on no cell's roll in the district.")
        }
        for membership in open {
            guard membership.validFrom < date.iso else {
                throw InputError.invalid(
                    field: "since", vi: "Ngày chuyển đi phải sau ngày vào chi bộ hiện tại.",
                    en: "The day of moving out must be after the day the member joined the present cell.")
            }
            membership.validUntil = date.iso
            try await membership.update(on: db)
        }
        let posts = try await PostRecord.query(on: db).filter(\.$memberID == id).inForce(on: date).all()
        for post in posts where post.validFrom < date.iso {
            post.validUntil = date.iso
            try await post.update(on: db)
        }
    }
}
