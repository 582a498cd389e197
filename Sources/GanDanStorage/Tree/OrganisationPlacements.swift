import FluentKit
import Foundation
import GanDanCore

/// Reads what organisations were on a day (rules.md R26): an organisation with placement rows (a restructure or the
/// tree editor changed it) had the name, unit and parent of the row in force that day; one without is as its
/// organisation row stands, unchanged since its founding.
struct OrganisationPlacements {
    let db: any Database

    /// The placement in force on `date` of each of `ids` that has one.
    func inForce(_ ids: [UUID], on date: CivilDate) async throws -> [UUID: OrganisationPlacementRecord] {
        var found: [UUID: OrganisationPlacementRecord] = [:]
        for chunk in ids.chunked(500) {
            for row in try await OrganisationPlacementRecord.query(on: db).filter(\.$organisationID ~~ chunk)
                .inForce(on: date).all()
            {
                found[row.organisationID] = row
            }
        }
        return found
    }

    /// The records read as they were on `date`: each takes the name, unit and parent of its period then (not saved).
    func asOf(_ records: [OrganisationRecord], on date: CivilDate) async throws -> [OrganisationRecord] {
        let periods = try await inForce(try records.map { try $0.requireID() }, on: date)
        for record in records {
            if let period = periods[try record.requireID()] { record.apply(period) }
        }
        return records
    }

    /// The organisations in force on `date` that sat at one of `unitIDs` that day.
    func at(units unitIDs: [UUID], on date: CivilDate) async throws -> [OrganisationRecord] {
        let founded = try await OrganisationRecord.query(on: db).filter(\.$unitID ~~ unitIDs).inForce(on: date).all()
        let moved = try await OrganisationPlacementRecord.query(on: db).filter(\.$unitID ~~ unitIDs)
            .inForce(on: date).all().map(\.organisationID)
        return try await settle(founded, movedIn: moved, on: date) { Set(unitIDs).contains($0.unitID) }
    }

    /// The organisations in force on `date` whose parent that day was one of `parents`.
    func children(of parents: [UUID], on date: CivilDate) async throws -> [OrganisationRecord] {
        let founded = try await OrganisationRecord.query(on: db).filter(\.$parentID ~~ parents).inForce(on: date)
            .all()
        let moved = try await OrganisationPlacementRecord.query(on: db).filter(\.$parentID ~~ parents)
            .inForce(on: date).all().map(\.organisationID)
        return try await settle(founded, movedIn: moved, on: date) { $0.parentID.map(Set(parents).contains) ?? false }
    }

    /// The records as they were on `date`: those placed elsewhere that day left out, those placed here added, each
    /// with the name, unit and parent of its placement (not saved).
    private func settle(
        _ founded: [OrganisationRecord], movedIn: [UUID], on date: CivilDate,
        keeps: (OrganisationPlacementRecord) -> Bool
    ) async throws -> [OrganisationRecord] {
        var records = founded
        let known = Set(try founded.map { try $0.requireID() })
        let extra = Array(Set(movedIn).subtracting(known))
        if !extra.isEmpty {
            records += try await OrganisationRecord.query(on: db).filter(\.$id ~~ extra).inForce(on: date).all()
        }
        let placements = try await inForce(try records.map { try $0.requireID() }, on: date)
        return try records.compactMap { record in
            guard let placement = placements[try record.requireID()] else { return record }
            guard keeps(placement) else { return nil }
            record.apply(placement)
            return record
        }
    }
}

extension OrganisationRecord {
    /// Takes the name, unit and parent of a dated period, to read the record as it was then (never saved so).
    func apply(_ placement: OrganisationPlacementRecord) {
        if name != placement.name {
            name = placement.name
            nameSort = VietnameseText.sortKey(placement.name)
            nameSearch = VietnameseText.searchKey(placement.name)
        }
        unitID = placement.unitID
        parentID = placement.parentID
    }
}
