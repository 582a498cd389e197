import FluentKit
import Foundation
import GanDanCore

extension OrganisationPlacements {
    /// What changes about an organisation from a date; what is left nil stays as it is.
    struct Change {
        var name: String? = nil
        var unitID: UUID? = nil
        var parentID: UUID?? = nil
    }

    /// The date an organisation's latest period began: its latest change, or its founding when nothing has changed.
    func latestChange(of record: OrganisationRecord) async throws -> CivilDate {
        let latest = try await OrganisationPlacementRecord.query(on: db)
            .filter(\.$organisationID == record.requireID()).sort(\.$validFrom, .descending).first()
        return try latest?.date(\.$validFrom) ?? record.date(\.$validFrom)
    }

    /// Records that `record`'s name, unit or parent changes from `date`, the one convention of the restructure and
    /// the tree editor (rules.md R26): the open period closes on `date` (when the organisation has no period yet, its
    /// founding period, the row as it stands, is written first), a new period begins on `date` until the
    /// organisation's end, and the row takes the new state. A date not after the latest period's start is refused:
    /// history is not rewritten.
    func change(_ record: OrganisationRecord, from date: CivilDate, _ change: Change) async throws {
        let id = try record.requireID()
        let periods = try await OrganisationPlacementRecord.query(on: db).filter(\.$organisationID == id)
            .sort(\.$validFrom).all()
        let since = try periods.last?.date(\.$validFrom) ?? record.date(\.$validFrom)
        guard since < date else {
            throw InputError.invalid(
                vi: "\(record.name) đã có thay đổi từ ngày \(since.vietnamese): không ghi đè lịch sử.",
                en: "\(record.name) already changes on \(since.vietnamese): history is not rewritten.")
        }
        if let open = periods.last {
            open.validUntil = date.iso
            try await open.update(on: db)
        } else {
            try await period(of: record, from: record.validFrom, until: date.iso)
        }
        if let name = change.name {
            record.name = name
            record.nameSort = VietnameseText.sortKey(name)
            record.nameSearch = VietnameseText.searchKey(name)
        }
        if let unitID = change.unitID { record.unitID = unitID }
        if let parentID = change.parentID { record.parentID = parentID }
        try await period(of: record, from: date.iso, until: record.validUntil)
        try await record.update(on: db)
    }

    /// Closes the open period of an organisation that ends on `date`, so its periods end with it.
    func end(_ ids: [UUID], on date: CivilDate) async throws {
        for chunk in ids.chunked(500) {
            for open in try await OrganisationPlacementRecord.query(on: db).filter(\.$organisationID ~~ chunk)
                .filter(\.$validUntil == nil).all()
            {
                open.validUntil = date.iso
                try await open.update(on: db)
            }
        }
    }

    /// A period holding the record's name, unit and parent.
    private func period(of record: OrganisationRecord, from: String, until: String?) async throws {
        let row = OrganisationPlacementRecord()
        row.organisationID = try record.requireID()
        row.name = record.name
        row.unitID = record.unitID
        row.parentID = record.parentID
        row.validFrom = from
        row.validUntil = until
        try await row.create(on: db)
    }
}
