import FluentKit
import Foundation
import GanDanCore

extension TreeEditor {
    /// Founds a cell under the commune's grassroots committee on a date: a village cell for one of its villages (code
    /// "CB-" and the village's code) or another cell with its own code. A split is a new cell founded here; its
    /// members then move by transfer.
    public func foundCell(in communeID: UUID, _ input: NewCell, actor: Actor) async throws -> UUID {
        guard scope.contains(unit: communeID) else { throw StorageError.notFound("no unit \(communeID)") }
        return try await db.writeTransaction { db in
            var form = FormFields()
            let on = Self.required(input.foundedOn, field: "foundedOn", label: TreeFieldName.foundedOn, form: &form)
            let name = Self.name(input.name, field: "cellName", form: &form)
            let reason = form.reason(input.reason)
            let kind = OrganisationKind(rawValue: input.kind ?? "").flatMap {
                $0 == .villageCell || $0 == .otherCell ? $0 : nil
            }
            if kind == nil {
                form.refuse("kind", vi: "Hãy chọn loại chi bộ.", en: "Please choose the kind of cell.")
            }
            guard form.issues.isEmpty, let on, let name, let kind else { throw InputError.invalid(form.issues) }
            let committee = try await committee(of: communeID, on: on, db: db)
            Self.within(on, try committee.validity, of: committee.name, field: "foundedOn", form: &form)
            let (unitID, code) = try await placeOfCell(kind, input, commune: communeID, on: on, form: &form, db: db)
            guard form.issues.isEmpty, let unitID, let code else { throw InputError.invalid(form.issues) }
            let record = OrganisationRecord()
            record.id = UUID()
            record.code = code
            record.kind = kind.rawValue
            record.name = name
            record.nameSort = VietnameseText.sortKey(name)
            record.nameSearch = VietnameseText.searchKey(name)
            record.unitID = unitID
            record.parentID = try committee.requireID()
            record.validFrom = on.iso
            try await record.create(on: db)
            let after = ReasonedOrganisation(organisation: try .init(record, latestRating: nil), reason: reason)
            try await self.record(
                db, action: "create", entity: "organisation", id: try record.requireID(), before: nil,
                after: AuditTrail.json(after), unit: unitID, actor: actor)
            return try record.requireID()
        }
    }

    /// The commune's grassroots committee in force on `date` or, when none is, its latest (which `within` refuses).
    func committee(of communeID: UUID, on date: CivilDate, db: any Database) async throws -> OrganisationRecord {
        let committees = try await OrganisationRecord.query(on: db).filter(\.$unitID == communeID)
            .filter(\.$kind == OrganisationKind.grassrootsCommittee.rawValue).sort(\.$validFrom).all()
        guard let committee = try committees.first(where: { try $0.validity.contains(date) }) ?? committees.last
        else {
            throw InputError.invalid(
                field: "foundedOn", vi: "Xã chưa có đảng bộ để thành lập chi bộ.",
                en: "The commune has no grassroots party committee to found a cell under.")
        }
        return committee
    }

    /// The unit a new cell belongs to and its code: the village (in force that day, under the commune, without a
    /// cell) for a village cell; the commune and a typed code used by no organisation for another cell.
    func placeOfCell(
        _ kind: OrganisationKind, _ input: NewCell, commune: UUID, on date: CivilDate, form: inout FormFields,
        db: any Database
    ) async throws -> (UUID?, String?) {
        guard kind == .villageCell else {
            let code = FormFields.text(input.code) ?? ""
            guard !code.isEmpty, code.count <= 30, !code.contains(where: \.isWhitespace) else {
                form.refuse(
                    "code", vi: "Cần ghi mã chi bộ (không có dấu cách).", en: "Please give the cell's code (no spaces)."
                )
                return (nil, nil)
            }
            return (commune, try await unusedCode(code, form: &form, db: db))
        }
        let villageID = UUID(uuidString: input.village ?? "") ?? UUID()
        let village = try await UnitRecord.query(on: db).filter(\.$unitID == villageID)
            .filter(\.$parentUnitID == commune).inForce(on: date).first()
        guard let village else {
            form.refuse(
                "village", vi: "Hãy chọn một thôn của xã có ngày \(date.vietnamese).",
                en: "Please choose a village of the commune that exists on \(date.vietnamese).")
            return (nil, nil)
        }
        let code = OrganisationDraft.villageCellCode(villageCode: village.code)
        return (village.unitID, try await unusedCode(code, form: &form, db: db))
    }

    private func unusedCode(_ code: String, form: inout FormFields, db: any Database) async throws -> String? {
        guard try await OrganisationRecord.query(on: db).filter(\.$code == code).count() == 0 else {
            form.refuse(
                "code", vi: "Mã \(code) đã có tổ chức đảng dùng.",
                en: "The code \(code) is already used by an organisation.")
            return nil
        }
        return code
    }
}
