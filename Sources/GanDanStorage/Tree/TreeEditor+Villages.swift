import FluentKit
import Foundation
import GanDanCore

extension TreeEditor {
    /// Adds a village or residential group under a commune from a date, with the profile the optimiser reads; its code
    /// is the commune's code, a dot and a local code, used by no other unit (rules.md R27).
    public func addVillage(under communeID: UUID, _ input: NewVillage, actor: Actor) async throws -> UUID {
        guard scope.contains(unit: communeID) else { throw StorageError.notFound("no unit \(communeID)") }
        return try await db.writeTransaction { db in
            let versions = try await UnitRecord.query(on: db).filter(\.$unitID == communeID).sort(\.$validFrom).all()
            guard let commune = try versions.last.map(UnitSnapshot.init), let first = versions.first else {
                throw StorageError.notFound("no unit \(communeID)")
            }
            guard commune.kind.level == 3 else {
                throw InputError.invalid(
                    field: "code", vi: "Chỉ thêm thôn, tổ dân phố vào một xã, phường, thị trấn.",
                    en: "Villages are added under a commune, ward or township.")
            }
            var form = FormFields()
            let code = try await villageCode(input.code, commune: commune.code, form: &form, db: db)
            let name = Self.name(input.name, field: "unitName", form: &form)
            let kind = UnitKind(rawValue: input.kind ?? "").flatMap { $0.isVillageLevel ? $0 : nil }
            if kind == nil {
                form.refuse(
                    "kind", vi: "Hãy chọn thôn, bản hay tổ dân phố.", en: "Please choose village, hamlet or group.")
            }
            let from = Self.required(input.validFrom, field: "validFrom", label: TreeFieldName.validFrom, form: &form)
            if let from {
                let existed = Validity(from: try first.date(\.$validFrom), until: commune.validity.until)
                Self.within(from, existed, of: commune.title(in: .vi), field: "validFrom", form: &form)
            }
            let profile = Self.profile(
                distance: input.distanceKm, households: input.households, ethnicMinority: input.ethnicMinority,
                mountain: input.mountain, form: &form)
            let reason = form.reason(input.reason)
            guard form.issues.isEmpty, let code, let name, let kind, let from else {
                throw InputError.invalid(form.issues)
            }
            return try await insertVillage(
                code: code, name: name, kind: kind, under: communeID, from: from, profile: profile, reason: reason,
                actor: actor, db: db)
        }
    }

    /// Stores a new village's first version and audits its creation with the reason.
    func insertVillage(
        code: String, name: String, kind: UnitKind, under communeID: UUID, from: CivilDate, profile: VillageProfile,
        reason: String?, actor: Actor, db: any Database
    ) async throws -> UUID {
        let record = UnitRecord()
        record.id = UUID()
        record.unitID = UUID()
        record.code = code
        record.kind = kind.rawValue
        record.name = name
        record.nameSort = VietnameseText.sortKey(name)
        record.nameSearch = VietnameseText.searchKey(name)
        record.parentUnitID = communeID
        record.validFrom = from.iso
        record.apply(profile)
        try await record.create(on: db)
        try await self.record(
            db, action: "create", entity: "unit", id: record.unitID, before: nil,
            after: AuditTrail.json(ReasonedUnit(unit: try UnitSnapshot(record), reason: reason)),
            unit: communeID, actor: actor)
        return record.unitID
    }

    /// Renames a unit from a date; before it the old name stays (rules.md R26).
    public func renameUnit(_ unitID: UUID, _ input: DatedRename, actor: Actor) async throws {
        guard scope.contains(unit: unitID) else { throw StorageError.notFound("no unit \(unitID)") }
        try await db.writeTransaction { db in
            var form = FormFields()
            let name = Self.name(input.name, field: "unitName", form: &form)
            let on = Self.required(input.on, field: "on", label: TreeFieldName.on, form: &form)
            let reason = form.reason(input.reason)
            guard form.issues.isEmpty, let name, let on else { throw InputError.invalid(form.issues) }
            let last = try await lastVersion(unitID, on: on, field: "on", db: db)
            guard name != last.name else {
                throw InputError.invalid(
                    field: "unitName", vi: "Tên mới giống tên cũ.", en: "The new name is the old name.")
            }
            try await UnitWriter(db: db, scope: .storageInternal).change(
                unitID, on: on, .init(name: name, reason: reason), actor: actor)
        }
    }

    /// Sets a village's distance, households and flags from a date; its poverty figures stay (rules.md A3, R25).
    public func changeProfile(_ unitID: UUID, _ input: ProfileChange, actor: Actor) async throws {
        guard scope.contains(unit: unitID) else { throw StorageError.notFound("no unit \(unitID)") }
        try await db.writeTransaction { db in
            var form = FormFields()
            let from = Self.required(input.from, field: "from", label: TreeFieldName.on, form: &form)
            let typed = Self.profile(
                distance: input.distanceKm, households: input.households, ethnicMinority: input.ethnicMinority,
                mountain: input.mountain, form: &form)
            let reason = form.reason(input.reason)
            guard form.issues.isEmpty, let from else { throw InputError.invalid(form.issues) }
            let last = try await lastVersion(unitID, on: from, field: "from", db: db)
            guard var profile = try UnitSnapshot(last).profile else {
                throw InputError.invalid(
                    field: "from", vi: "Chỉ thôn, tổ dân phố có các chỉ số này.", en: "Only villages have this profile."
                )
            }
            guard
                profile.distanceKm != typed.distanceKm || profile.households != typed.households
                    || profile.ethnicMinority != typed.ethnicMinority || profile.mountain != typed.mountain
            else {
                throw InputError.invalid(
                    field: "distanceKm", vi: "Không có chỉ số nào thay đổi.", en: "Nothing was changed.")
            }
            profile.distanceKm = typed.distanceKm
            profile.households = typed.households
            profile.ethnicMinority = typed.ethnicMinority
            profile.mountain = typed.mountain
            try await UnitWriter(db: db, scope: .storageInternal).change(
                unitID, on: from, .init(profile: profile, reason: reason), actor: actor)
        }
    }

    /// Ends a village on a date, refused while a cell of the village is still in force that day: the cell is
    /// dissolved first (rules.md R26).
    public func endVillage(_ unitID: UUID, _ input: DatedEnd, actor: Actor) async throws {
        guard scope.contains(unit: unitID) else { throw StorageError.notFound("no unit \(unitID)") }
        try await db.writeTransaction { db in
            var form = FormFields()
            let on = Self.required(input.on, field: "on", label: TreeFieldName.on, form: &form)
            let reason = form.reason(input.reason)
            guard form.issues.isEmpty, let on else { throw InputError.invalid(form.issues) }
            let last = try await lastVersion(unitID, on: on, field: "on", db: db)
            guard try last.decode(\.$kind, as: UnitKind.self).isVillageLevel else {
                throw InputError.invalid(
                    field: "on", vi: "Ở đây chỉ kết thúc được thôn, tổ dân phố.", en: "Only villages are ended here.")
            }
            let cells = try await OrganisationRecord.query(on: db).filter(\.$unitID == unitID)
                .group(.or) { $0.filter(\.$validUntil == nil).filter(\.$validUntil > on.iso) }.sort(\.$nameSort).all()
            if let cell = cells.first {
                throw InputError.invalid(
                    field: "on",
                    vi: "\(cell.name) của \(last.name) vẫn hoạt động ngày \(on.vietnamese): hãy giải thể chi bộ trước.",
                    en: "\(cell.name) of \(last.name) is still in force on \(on.vietnamese): dissolve the cell first.")
            }
            try await UnitWriter(db: db, scope: .storageInternal).close(unitID, on: on, reason: reason, actor: actor)
        }
    }

    /// The village's full code: the commune's code, a dot and a local code of letters and digits, not used yet.
    func villageCode(_ text: String?, commune: String, form: inout FormFields, db: any Database) async throws
        -> String?
    {
        let code = FormFields.text(text) ?? ""
        let prefix = commune + "."
        let local = code.hasPrefix(prefix) ? String(code.dropFirst(prefix.count)) : ""
        guard !local.isEmpty, local.count <= 10, local.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else {
            form.refuse(
                "code",
                vi: "Mã “\(code)” phải là mã xã \(commune), dấu chấm và mã thôn (ví dụ \(prefix)07).",
                en:
                    "The code “\(code)” must be the commune's code \(commune), a dot and a local code (e.g. \(prefix)07)."
            )
            return nil
        }
        if try await UnitRecord.query(on: db).filter(\.$code == code).count() > 0 {
            form.refuse("code", vi: "Mã \(code) đã có đơn vị dùng.", en: "The code \(code) is already used.")
            return nil
        }
        return code
    }

    /// The profile fields typed on a form: a distance of 0–500 km, 0–100 000 households, two tick boxes.
    static func profile(
        distance: String?, households: String?, ethnicMinority: String?, mountain: String?, form: inout FormFields
    ) -> VillageProfile {
        var profile = VillageProfile(ethnicMinority: ethnicMinority == "on", mountain: mountain == "on")
        if let text = FormFields.text(distance) {
            let number = Double(text.replacingOccurrences(of: ",", with: "."))
            if let number, number.isFinite, (0...500).contains(number) {
                profile.distanceKm = number
            } else {
                form.refuse(
                    "distanceKm", vi: "“\(text)” không phải số từ 0 đến 500.",
                    en: "“\(text)” is not a number from 0 to 500.")
            }
        }
        if let text = FormFields.text(households) {
            if let number = Int(text), (0...100_000).contains(number) {
                profile.households = number
            } else {
                form.refuse(
                    "households", vi: "“\(text)” không phải số từ 0 đến 100 000.",
                    en: "“\(text)” is not a whole number from 0 to 100,000.")
            }
        }
        return profile
    }
}
