import FluentKit
import Foundation
import GanDanCore

extension TreeEditor {
    /// Renames a cell from a date; "as of" a day before it, the old name is shown (rules.md R26).
    public func renameCell(_ id: UUID, _ input: DatedRename, actor: Actor) async throws {
        try await db.writeTransaction { db in
            var form = FormFields()
            let name = Self.name(input.name, field: "cellName", form: &form)
            let on = Self.required(input.on, field: "on", label: TreeFieldName.on, form: &form)
            let reason = form.reason(input.reason)
            guard form.issues.isEmpty, let name, let on else { throw InputError.invalid(form.issues) }
            let cell = try await cell(id, db: db)
            guard name != cell.name else {
                throw InputError.invalid(
                    field: "cellName", vi: "Tên mới giống tên cũ.", en: "The new name is the old name.")
            }
            try await change(cell, on: on, reason: reason, actor: actor, db: db, .init(name: name))
        }
    }

    /// Moves a cell under another grassroots committee in the scope from a date; a committee outside the scope is
    /// not found, and an organisation that is not a grassroots committee is refused.
    public func moveCell(_ id: UUID, _ input: CellMove, actor: Actor) async throws {
        try await db.writeTransaction { db in
            var form = FormFields()
            let on = Self.required(input.on, field: "on", label: TreeFieldName.on, form: &form)
            let reason = form.reason(input.reason)
            let target = UUID(uuidString: input.committee ?? "")
            if target == nil {
                form.refuse("committee", vi: "Hãy chọn đảng bộ mới.", en: "Please choose the new committee.")
            }
            guard form.issues.isEmpty, let on, let target else { throw InputError.invalid(form.issues) }
            let cell = try await cell(id, db: db)
            guard scope.contains(organisation: target),
                let committee = try await OrganisationRecord.find(target, on: db)
            else { throw StorageError.notFound("no organisation \(target)") }
            guard committee.kind == OrganisationKind.grassrootsCommittee.rawValue else {
                throw InputError.invalid(
                    field: "committee", vi: "\(committee.name) không phải là đảng bộ xã.",
                    en: "\(committee.name) is not a grassroots party committee.")
            }
            guard target != cell.parentID else {
                throw InputError.invalid(
                    field: "committee", vi: "Chi bộ đã trực thuộc \(committee.name).",
                    en: "The cell is already under \(committee.name).")
            }
            var dates = FormFields()
            Self.within(on, try committee.validity, of: committee.name, field: "on", form: &dates)
            guard dates.issues.isEmpty else { throw InputError.invalid(dates.issues) }
            try await change(cell, on: on, reason: reason, actor: actor, db: db, .init(parentID: target))
        }
    }

    /// Dissolves a cell on a date, refused while members are on its roll that day or later: they are transferred
    /// first. Its history stays.
    public func dissolveCell(_ id: UUID, _ input: DatedEnd, actor: Actor) async throws {
        try await db.writeTransaction { db in
            var form = FormFields()
            let on = Self.required(input.on, field: "on", label: TreeFieldName.on, form: &form)
            let reason = form.reason(input.reason)
            guard form.issues.isEmpty, let on else { throw InputError.invalid(form.issues) }
            let cell = try await cell(id, db: db)
            var dates = FormFields()
            Self.within(on, try cell.validity, of: cell.name, field: "on", form: &dates)
            guard dates.issues.isEmpty else { throw InputError.invalid(dates.issues) }
            let members = try await MembershipRecord.query(on: db).filter(\.$organisationID == id)
                .group(.or) { $0.filter(\.$validUntil == nil).filter(\.$validUntil > on.iso) }.all()
            let count = Set(members.map(\.memberID)).count
            guard count == 0 else {
                throw InputError.invalid(
                    field: "on",
                    vi:
                        "Ngày \(on.vietnamese) chi bộ còn \(count) đảng viên sinh hoạt: hãy chuyển sinh hoạt các đảng viên trước.",
                    en: "On \(on.vietnamese) the cell still has \(count) member(s) on its roll: transfer them first.")
            }
            let before = AuditTrail.json(try OrganisationSnapshot(cell, latestRating: nil))
            cell.validUntil = on.iso
            try await cell.update(on: db)
            try await OrganisationPlacements(db: db).end([id], on: on)
            let after = ReasonedOrganisation(organisation: try .init(cell, latestRating: nil), reason: reason)
            try await record(
                db, action: "dissolve", entity: "organisation", id: id, before: before, after: AuditTrail.json(after),
                unit: cell.unitID, actor: actor)
        }
    }

    /// The cell, when in the scope and a cell.
    func cell(_ id: UUID, db: any Database) async throws -> OrganisationRecord {
        guard scope.contains(organisation: id), let cell = try await OrganisationRecord.find(id, on: db),
            try cell.decode(\.$kind, as: OrganisationKind.self).isCell
        else { throw StorageError.notFound("no cell \(id)") }
        return cell
    }

    /// Applies `edit` from `date` the way the restructure does (rules.md R26): the cell's open period in
    /// `organisation_placements` closes on `date` (its founding period written first when it has none), the new one
    /// begins, and the row takes the new state. A date not after the cell's founding or latest change, or after its
    /// dissolution, is refused.
    func change(
        _ cell: OrganisationRecord, on date: CivilDate, reason: String?, actor: Actor, db: any Database,
        _ edit: OrganisationPlacements.Change
    ) async throws {
        let id = try cell.requireID()
        let placements = OrganisationPlacements(db: db)
        let since = try await placements.latestChange(of: cell)
        var form = FormFields()
        if date <= since {
            form.refuse(
                "on",
                vi:
                    "Ngày \(date.vietnamese) không sau ngày thành lập hoặc lần thay đổi gần nhất (\(since.vietnamese)).",
                en: "\(date.vietnamese) is not after the founding or the latest change (\(since.vietnamese)).")
        } else if let until = try cell.date(\.$validUntil), date >= until {
            form.refuse(
                "on", vi: "Ngày \(date.vietnamese) sau khi chi bộ đã giải thể (\(until.vietnamese)).",
                en: "\(date.vietnamese) is after the cell was dissolved (\(until.vietnamese)).")
        }
        guard form.issues.isEmpty else { throw InputError.invalid(form.issues) }
        let before = AuditTrail.json(try OrganisationSnapshot(cell, latestRating: nil))
        try await placements.change(cell, from: date, edit)
        let after = ReasonedOrganisation(organisation: try .init(cell, latestRating: nil), reason: reason)
        try await record(
            db, action: "update", entity: "organisation", id: id, before: before, after: AuditTrail.json(after),
            unit: cell.unitID, actor: actor)
    }
}
