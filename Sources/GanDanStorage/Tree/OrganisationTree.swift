import FluentKit
import Foundation
import GanDanCore

/// Reads the organisation tree as of any date (rules.md R26): units, their children and their party organisations.
///
/// Every read is limited to `scope` in the query itself (rules.md R30); what is outside does not exist here.
public struct OrganisationTree: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// Units in force on `date` (in scope), by stable id.
    func units(on date: CivilDate) -> QueryBuilder<UnitRecord> {
        let query = UnitRecord.query(on: db).inForce(on: date)
        if let units = scope.unitFilter { return query.filter(\.$unitID ~~ units) }
        return query
    }

    /// The top units in force on `date`: provinces, or for a restricted scope its highest units, in Vietnamese order.
    public func roots(on date: CivilDate) async throws -> [UnitSnapshot] {
        guard let units = scope.unitFilter else {
            return try await units(on: date).filter(\.$parentUnitID == nil)
                .sort(\.$nameSort).sort(\.$code).all().map(UnitSnapshot.init)
        }
        let inScope = Set(units)
        return try await self.units(on: date).sort(\.$nameSort).sort(\.$code).all()
            .filter { record in record.parentUnitID.map { !inScope.contains($0) } ?? true }
            .map(UnitSnapshot.init)
    }

    /// The version of a unit in force on `date`, by its stable id.
    public func unit(_ id: UUID, on date: CivilDate) async throws -> UnitSnapshot? {
        try await units(on: date).filter(\.$unitID == id).first().map(UnitSnapshot.init)
    }

    /// The version in force on `date` of the unit with this code (rules.md R27: villages by commune code and local code).
    /// Between a new structure's list and the restructure an old and a new unit may share a code: the one begun
    /// last is the one meant (Nà Hang 02221, the new commune, over the old township).
    public func unit(code: String, on date: CivilDate) async throws -> UnitSnapshot? {
        try await units(on: date).filter(\.$code == code).sort(\.$validFrom, .descending).first()
            .map(UnitSnapshot.init)
    }

    /// Every version of a unit, oldest first: its history.
    public func history(of id: UUID) async throws -> [UnitSnapshot] {
        guard scope.contains(unit: id) else { return [] }
        return try await UnitRecord.query(on: db).filter(\.$unitID == id).sort(\.$validFrom).all()
            .map(UnitSnapshot.init)
    }

    /// The units directly under `id` on `date`, in Vietnamese order.
    public func children(of id: UUID, on date: CivilDate) async throws -> [UnitSnapshot] {
        try await units(on: date).filter(\.$parentUnitID == id)
            .sort(\.$nameSort).sort(\.$code).all().map(UnitSnapshot.init)
    }

    /// The unit and its ancestors in scope on `date`, from the highest down (for breadcrumbs).
    public func path(to id: UUID, on date: CivilDate) async throws -> [UnitSnapshot] {
        var path: [UnitSnapshot] = []
        var next: UUID? = id
        while let current = next, path.count < 16, let unit = try await unit(current, on: date) {
            path.insert(unit, at: 0)
            next = unit.parentID
        }
        return path
    }

    /// The unit directly above a unit in scope on `date`, in scope or not: the place a heading names.
    public func parent(of id: UUID, on date: CivilDate) async throws -> UnitSnapshot? {
        guard let unit = try await unit(id, on: date), let parentID = unit.parentID else { return nil }
        return try await UnitRecord.query(on: db).inForce(on: date).filter(\.$unitID == parentID).first()
            .map(UnitSnapshot.init)
    }

    /// The stable ids of a unit and everything below it on `date`.
    public func subtree(of id: UUID, on date: CivilDate) async throws -> [UUID] {
        var result = [id]
        var frontier = [id]
        while !frontier.isEmpty, result.count < 1_000_000 {
            let children = try await UnitRecord.query(on: db).filter(\.$parentUnitID ~~ frontier).inForce(on: date)
                .all().map(\.unitID)
            frontier = children
            result += children
        }
        return result
    }

    /// Party organisations attached to the given units on `date`, committees first, then in Vietnamese order.
    public func organisations(atUnits unitIDs: [UUID], on date: CivilDate) async throws -> [OrganisationSnapshot] {
        guard !unitIDs.isEmpty else { return [] }
        var records = try await OrganisationPlacements(db: db).at(units: unitIDs, on: date)
        if let organisations = scope.organisationFilter {
            records = try records.filter { organisations.contains(try $0.requireID()) }
        }
        return try await snapshots(records.sorted { $0.nameSort < $1.nameSort }, on: date)
    }

    /// One organisation by id, whatever the date.
    public func organisation(_ id: UUID) async throws -> OrganisationSnapshot? {
        guard scope.contains(organisation: id), let record = try await OrganisationRecord.find(id, on: db) else {
            return nil
        }
        return try await snapshots([record], on: nil).first
    }

    /// One organisation by id with the name, unit and parent committee it had on `date` (rules.md R26), whatever its
    /// existence on that day.
    public func organisation(_ id: UUID, on date: CivilDate) async throws -> OrganisationSnapshot? {
        guard scope.contains(organisation: id), let record = try await OrganisationRecord.find(id, on: db) else {
            return nil
        }
        // As it was on the day (rules.md R26): a later rename or move keeps the earlier name, unit and parent.
        return try await snapshots(try await OrganisationPlacements(db: db).asOf([record], on: date), on: date).first
    }

    /// One organisation by code.
    public func organisation(code: String) async throws -> OrganisationSnapshot? {
        guard let record = try await OrganisationRecord.query(on: db).filter(\.$code == code).first(),
            scope.contains(organisation: try record.requireID())
        else {
            return nil
        }
        return try await snapshots([record], on: nil).first
    }

    /// Attaches each organisation's latest rating made by `date` (a year's rating counts from 31 December) to records
    /// already read as of that day.
    func snapshots(_ records: [OrganisationRecord], on date: CivilDate?) async throws -> [OrganisationSnapshot] {
        let ids = records.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        var ratings = CellRatingRecord.query(on: db).filter(\.$organisationID ~~ ids)
        if let date { ratings = ratings.filter(\.$year <= CellRating.lastRatedYear(on: date)) }
        var latest: [UUID: CellRating] = [:]
        for record in try await ratings.sort(\.$year).all() {
            latest[record.organisationID] = try CellRating(record)
        }
        let order: [OrganisationKind] = OrganisationKind.allCases
        return try records.map { try OrganisationSnapshot($0, latestRating: latest[$0.requireID()]) }
            .sorted {
                (order.firstIndex(of: $0.kind) ?? 0) < (order.firstIndex(of: $1.kind) ?? 0)
            }
    }
}
